/* The Cellar: exeplay's bundled console demo, a tiny text adventure (our own code; see assets/README.md).
 *
 * Reads commands from stdin, one a line, and answers on stdout, so it works typed at a terminal or fed from a
 * file or pipe: exeplay run cellar.exe < walkthrough.txt. Four rooms, five things, one way out.
 * Commands: look, north/south/east/west/up/down (n s e w u d, or "go north"), take/drop/examine/open/give
 * THING, inventory, help, quit. Options: --help (usage), --brief (no room description on entering a room
 * already seen). Exit status 0 (escaped, quit or end of input).
 *
 * Build (assets/demos/build.sh):
 *   i686-w64-mingw32-windres cellar.rc -O coff -o cellar.res
 *   i686-w64-mingw32-gcc -O2 -s -Wall -Wextra -Wno-unused-parameter -Wl,--no-insert-timestamp \
 *       -o cellar.exe cellar.c cellar.res
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum { STAIRS, WINE, WORKSHOP, COLD, NROOMS };
enum { N, S, E, W, U, D, NDIRS };
static const char *const DIRS[NDIRS] = {"north", "south", "east", "west", "up", "down"};

typedef struct {
    const char *name, *text;
    int exits[NDIRS];  /* room number, or -1 */
    int seen;
} Room;

static Room rooms[NROOMS] = {
    {"Foot of the stairs",
     "Worn stone steps climb to a wooden trapdoor, shut tight above you. Damp air\n"
     "drifts in from an arch to the north; a doorway to the east shows a workbench.",
     {WINE, -1, WORKSHOP, -1, -1, -1}, 0},
    {"Wine cellar",
     "Racks of dusty bottles line the walls. A narrow shelf holds what is left of\n"
     "someone's supper. The stairs are back south; a cold draught comes from the east.",
     {-1, STAIRS, COLD, -1, -1, -1}, 0},
    {"Workshop",
     "A workbench covered in shavings, and under it a heavy tool chest. The only\n"
     "way out is west.",
     {-1, -1, -1, STAIRS, -1, -1}, 0},
    {"Cold room",
     "Ice-cold stone, and hooks where hams once hung. The wine cellar is west.",
     {-1, -1, -1, WINE, -1, -1}, 0},
};

enum { CHEESE, BOTTLE, KEY, CROWBAR, CANDLE, NTHINGS };
#define CARRIED -1
#define HIDDEN -2
#define GONE -3

typedef struct {
    const char *name, *text;
    int where;
} Thing;

static Thing things[NTHINGS] = {
    {"cheese", "A wedge of strong, crumbly cheese. Something down here would love it.", WINE},
    {"bottle", "A bottle of 1987 claret, thick with dust. Tempting, but not now.", WINE},
    {"key", "A small iron key, a little chewed.", HIDDEN},
    {"crowbar", "A long steel crowbar: just the thing for stuck doors.", HIDDEN},
    {"candle", "A stub of candle, still burning. It lights your way.", CARRIED},
};

static int here = STAIRS, moves, rat_fed, chest_open, brief;

static int find_thing(const char *word) {
    int i;
    if (!word || !*word) return -1;
    for (i = 0; i < NTHINGS; i++)
        if (!strcmp(word, things[i].name)) return i;
    if (!strcmp(word, "wine")) return BOTTLE;
    if (!strcmp(word, "bar")) return CROWBAR;
    return -1;
}

static void describe(int full) {
    int i, any = 0;
    printf("\n%s\n", rooms[here].name);
    if (full || !rooms[here].seen) printf("%s\n", rooms[here].text);
    rooms[here].seen = 1;
    if (here == COLD && !rat_fed) printf("A fat grey rat sits on something that glints, watching you.\n");
    if (here == WORKSHOP) printf("The tool chest is %s.\n", chest_open ? "open" : "closed and locked");
    for (i = 0; i < NTHINGS; i++) {
        if (things[i].where == here) {
            printf(any ? ", %s" : "You see: %s", things[i].name);
            any = 1;
        }
    }
    if (any) printf(".\n");
}

static void go(int d) {
    if (d == U && here == STAIRS) {
        if (things[CROWBAR].where == CARRIED) {
            printf("You wedge the crowbar under the trapdoor and heave. With a groan of old\n"
                   "hinges it swings up, and daylight pours down the stairs.\n\n"
                   "*** You have escaped the cellar in %d moves. ***\n", moves);
            here = -1;
        } else {
            printf("You push at the trapdoor with all your strength. It will not move; it needs\n"
                   "something to lever it open.\n");
        }
        return;
    }
    if (rooms[here].exits[d] < 0) {
        printf("You can't go %s from here.\n", DIRS[d]);
        return;
    }
    here = rooms[here].exits[d];
    describe(!brief);
}

static void take(int t) {
    if (t < 0) {
        printf("Take what?\n");
    } else if (things[t].where == CARRIED) {
        printf("You already have the %s.\n", things[t].name);
    } else if (t == KEY && here == COLD && !rat_fed) {
        printf("The rat bares its teeth as your hand comes near. Not without a bribe.\n");
    } else if (things[t].where != here) {
        printf("There is no %s here.\n", things[t].name);
    } else {
        things[t].where = CARRIED;
        printf("Taken: %s.\n", things[t].name);
    }
}

static void feed_rat(void) {
    things[CHEESE].where = GONE;
    things[KEY].where = COLD;
    rat_fed = 1;
    printf("The rat snatches the cheese and scurries into a crack in the wall, leaving\n"
           "behind a small iron key.\n");
}

static void drop(int t) {
    if (t < 0) {
        printf("Drop what?\n");
    } else if (things[t].where != CARRIED) {
        printf("You don't have the %s.\n", things[t].name);
    } else if (t == CHEESE && here == COLD && !rat_fed) {
        feed_rat();
    } else {
        things[t].where = here;
        printf("Dropped: %s.\n", things[t].name);
    }
}

static void give(int t) {
    if (t < 0) printf("Give what?\n");
    else if (things[t].where != CARRIED) printf("You don't have the %s.\n", things[t].name);
    else if (here != COLD || rat_fed) printf("There is nobody here to give it to.\n");
    else if (t == CHEESE) feed_rat();
    else printf("The rat sniffs the %s and looks unimpressed.\n", things[t].name);
}

static void open_thing(const char *word) {
    if (word && !strcmp(word, "chest")) {
        if (here != WORKSHOP) printf("There is no chest here.\n");
        else if (chest_open) printf("It is already open.\n");
        else if (things[KEY].where != CARRIED) printf("The chest is locked. You need a key.\n");
        else {
            chest_open = 1;
            things[CROWBAR].where = WORKSHOP;
            printf("The little key turns with a click. Inside the chest lies a crowbar.\n");
        }
    } else if (word && !strcmp(word, "trapdoor")) {
        if (here != STAIRS) printf("The trapdoor is back at the stairs.\n");
        else go(U);
    } else {
        printf("You can't open that.\n");
    }
}

static void examine(const char *word) {
    int t = find_thing(word);
    if (t >= 0 && (things[t].where == CARRIED || things[t].where == here)) printf("%s\n", things[t].text);
    else if (word && !strcmp(word, "rat") && here == COLD && !rat_fed)
        printf("It is very fat and very awake, and it is sitting on a key.\n");
    else if (word && !strcmp(word, "chest") && here == WORKSHOP)
        printf("An oak chest bound in iron, %s.\n", chest_open ? "open" : "with a small keyhole");
    else if (word && !strcmp(word, "trapdoor") && here == STAIRS)
        printf("Thick planks. It looks stuck rather than locked.\n");
    else printf("You see nothing special about that.\n");
}

static void inventory(void) {
    int i, any = 0;
    for (i = 0; i < NTHINGS; i++) {
        if (things[i].where == CARRIED) {
            printf(any ? ", %s" : "You carry: %s", things[i].name);
            any = 1;
        }
    }
    printf(any ? ".\n" : "You carry nothing.\n");
}

static void help(void) {
    printf("Commands: look, north/south/east/west/up/down (or n s e w u d), take THING,\n"
           "drop THING, examine THING, open THING, give THING, inventory (i), help, quit.\n");
}

/* One command line; returns 0 when the game is over. */
static int command(char *line) {
    char *verb, *noun, *p;
    int d;
    for (p = line; *p; p++) *p = (char)tolower((unsigned char)*p);
    verb = strtok(line, " \t\r\n");
    if (!verb) return 1;
    noun = strtok(NULL, " \t\r\n");
    if ((!strcmp(verb, "the") || !strcmp(verb, "a")) && noun) verb = noun, noun = strtok(NULL, " \t\r\n");
    if (noun && (!strcmp(noun, "the") || !strcmp(noun, "a"))) noun = strtok(NULL, " \t\r\n");
    if (!strcmp(verb, "go") && noun) verb = noun, noun = NULL;
    moves++;
    for (d = 0; d < NDIRS; d++) {
        if (!strcmp(verb, DIRS[d]) || (verb[0] == DIRS[d][0] && !verb[1])) {
            go(d);
            return here >= 0;
        }
    }
    if (!strcmp(verb, "look") || !strcmp(verb, "l")) describe(1);
    else if (!strcmp(verb, "take") || !strcmp(verb, "get")) {
        if (noun && !strcmp(noun, "all")) {
            int i, any = 0;
            for (i = 0; i < NTHINGS; i++)
                if (things[i].where == here && !(i == KEY && !rat_fed)) take(i), any = 1;
            if (!any) printf("There is nothing here to take.\n");
        } else {
            take(find_thing(noun));
        }
    } else if (!strcmp(verb, "drop")) drop(find_thing(noun));
    else if (!strcmp(verb, "give") || !strcmp(verb, "feed")) give(find_thing(noun));
    else if (!strcmp(verb, "open") || !strcmp(verb, "unlock")) open_thing(noun);
    else if (!strcmp(verb, "examine") || !strcmp(verb, "x")) examine(noun);
    else if (!strcmp(verb, "inventory") || !strcmp(verb, "i")) inventory();
    else if (!strcmp(verb, "help") || !strcmp(verb, "?")) help();
    else if (!strcmp(verb, "quit") || !strcmp(verb, "q")) {
        printf("You sit down on the stairs and wait to be rescued. (%d moves)\n", moves);
        return 0;
    } else {
        moves--;
        printf("I don't know how to \"%s\". Type help for the commands.\n", verb);
    }
    return 1;
}

int main(int argc, char **argv) {
    char line[256];
    int i;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--brief")) {
            brief = 1;
        } else {
            printf("usage: cellar [--brief]\n"
                   "A tiny text adventure: type commands (help lists them); reads stdin, writes stdout.\n");
            return strcmp(argv[i], "--help") ? 2 : 0;
        }
    }
    printf("THE CELLAR - a very small adventure for exeplay\n"
           "You came down for a bottle of wine, and the trapdoor fell shut behind you.\n");
    describe(1);
    for (;;) {
        printf("> ");
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            printf("\n");
            break;
        }
        if (!command(line)) break;
    }
    return 0;
}

/* The smallest CRT-free Windows program: measures exeplay's start-up and shut-down cost. */
#include "bench.h"

BENCH_MAIN(args) {
    (void)args;
    bench_exit(0);
}

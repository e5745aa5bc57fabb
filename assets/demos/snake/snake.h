/* Resource identifiers shared by snake.c and snake.rc. */
#define IDI_SNAKE 1
#define IDR_MENU 100
#define IDR_ACCEL 101
#define IDD_ABOUT 102
#define IDM_NEW 1001
#define IDM_PAUSE 1002
#define IDM_EXIT 1003
#define IDM_CONTROLS 1004
#define IDM_ABOUT 1005

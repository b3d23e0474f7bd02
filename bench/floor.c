/* The floor for `make bench`: the least a C ncurses program does for a comparable first screen.
 * initscr, one box, a 20-line table, a status line, then wait for q. Nothing else: no data, no layout. */
#include <curses.h>
#include <locale.h>

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);

    int rows = LINES, cols = COLS;
    int boxHeight = rows - 2 < 23 ? rows - 2 : 23;
    WINDOW *box_window = newwin(boxHeight, cols, 1, 0);
    box(box_window, 0, 0);
    mvwprintw(box_window, 0, 2, " Floor: 20 rows ");
    mvwprintw(box_window, 1, 2, "%-6s %-40s %12s", "Row", "Name", "Value");
    for (int row = 0; row < 20 && row + 2 < boxHeight - 1; row++) {
        mvwprintw(box_window, row + 2, 2, "%-6d %-40s %12d", row + 1, "a row of the floor table", (row + 1) * 1234);
    }
    mvprintw(0, 0, "floor");
    wnoutrefresh(stdscr);
    wnoutrefresh(box_window);
    /* The status line last, so a marker on it means the frame is complete. */
    mvprintw(rows - 1, 0, "q quit");
    wnoutrefresh(stdscr);
    doupdate();

    int key;
    while ((key = getch()) != 'q' && key != ERR) {
    }
    delwin(box_window);
    endwin();
    return 0;
}

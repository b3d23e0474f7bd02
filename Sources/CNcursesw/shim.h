#ifndef ALIDASH_CNCURSESW_SHIM_H
#define ALIDASH_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and globals Swift cannot import (or cannot use under Swift 6 concurrency).
static inline WINDOW *alidash_stdscr(void) { return stdscr; }
static inline int alidash_lines(void) { return LINES; }
static inline int alidash_cols(void) { return COLS; }
static inline int alidash_colors(void) { return COLORS; }
static inline int alidash_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t alidash_a_normal(void) { return A_NORMAL; }
static inline attr_t alidash_a_bold(void) { return A_BOLD; }
static inline attr_t alidash_a_dim(void) { return A_DIM; }
static inline attr_t alidash_a_reverse(void) { return A_REVERSE; }
static inline attr_t alidash_a_underline(void) { return A_UNDERLINE; }
static inline attr_t alidash_a_italic(void) { return A_ITALIC; }
static inline int alidash_key_f(int n) { return KEY_F(n); }
static inline FILE *alidash_stdout(void) { return stdout; }
static inline FILE *alidash_stdin(void) { return stdin; }
static inline int alidash_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
#endif

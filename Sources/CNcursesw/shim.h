#ifndef ALIDASH_CNCURSESW_SHIM_H
#define ALIDASH_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and globals Swift cannot import (or cannot use under Swift 6 concurrency).
static inline WINDOW *alidash_stdscr(void) { return stdscr; }
static inline int alidash_colors(void) { return COLORS; }
static inline int alidash_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t alidash_a_normal(void) { return A_NORMAL; }
static inline attr_t alidash_a_bold(void) { return A_BOLD; }
static inline attr_t alidash_a_dim(void) { return A_DIM; }
static inline attr_t alidash_a_reverse(void) { return A_REVERSE; }
static inline attr_t alidash_a_underline(void) { return A_UNDERLINE; }
static inline int alidash_key_f(int n) { return KEY_F(n); }
static inline FILE *alidash_stdout(void) { return stdout; }
static inline FILE *alidash_stdin(void) { return stdin; }
static inline int alidash_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
// The terminal's sequence that moves the cursor to (row, column), or NULL without one (tiparm is variadic).
static inline const char *alidash_cursor_address(int row, int column) {
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) return NULL;
    return tiparm(cup, row, column);
}

// A string capability of the terminal, or NULL when it has none (tigetstr answers -1 for a name that
// is not a string capability).
static inline const char *alidash_string_capability(const char *name) {
    const char *value = tigetstr(name);
    return value == NULL || value == (char *)-1 ? NULL : value;
}
// A numeric capability, negative when the terminal has none.
static inline int alidash_number_capability(const char *name) { return tigetnum(name); }
// `capability` with one parameter (tiparm is variadic).
static inline const char *alidash_format1(const char *capability, int parameter) { return tiparm(capability, parameter); }
// What ncurses takes to be on the screen, and the frame it is about to put there.
static inline WINDOW *alidash_curscr(void) { return curscr; }
static inline WINDOW *alidash_newscr(void) { return newscr; }

// Mouse buttons: NCURSES_MOUSE_MASK is a macro Swift cannot expand.
static inline mmask_t alidash_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t alidash_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t alidash_button5_pressed(void) { return BUTTON5_PRESSED; }

// True when the locale set by setlocale(LC_ALL, "") encodes text as UTF-8.
static inline int alidash_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
#endif

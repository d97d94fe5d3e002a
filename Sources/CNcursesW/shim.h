#ifndef GLOSS_NCURSES_SHIM_H
#define GLOSS_NCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects C globals and cannot import function-like macros: wrap them. */
static inline WINDOW *gloss_stdscr(void) { return stdscr; }
static inline int gloss_lines(void) { return LINES; }
static inline int gloss_cols(void) { return COLS; }
static inline int gloss_colors(void) { return COLORS; }
static inline int gloss_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *gloss_stdin(void) { return stdin; }
static inline FILE *gloss_stdout(void) { return stdout; }

static inline attr_t gloss_a_normal(void) { return A_NORMAL; }
static inline attr_t gloss_a_bold(void) { return A_BOLD; }
static inline attr_t gloss_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gloss_a_reverse(void) { return A_REVERSE; }
static inline attr_t gloss_a_dim(void) { return A_DIM; }
static inline attr_t gloss_a_italic(void) { return A_ITALIC; }
static inline int gloss_key_resize(void) { return KEY_RESIZE; }
static inline int gloss_key_code_yes(void) { return KEY_CODE_YES; }
static inline int gloss_err(void) { return ERR; }

static inline int gloss_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
int wcwidth(wchar_t c);
static inline int gloss_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* Writes one grapheme (up to 5 scalars) with attributes and a colour pair at y,x. */
static inline int gloss_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cc);
}

static inline int gloss_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = get_wch(&ch);
    *out = (unsigned int)ch;
    return rc;
}
#endif

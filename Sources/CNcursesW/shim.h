#ifndef GLOSS_NCURSES_SHIM_H
#define GLOSS_NCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <string.h>
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

/* Takes the user's character set; if it is not UTF-8 (LANG unset in CI, cron, ssh), falls back
   to C.UTF-8 so wide characters are still drawn correctly. Returns 1 when the codeset is UTF-8.
   Only LC_CTYPE: it is all that ncurses and wcwidth read, and LC_ALL loaded twelve more locale
   files at every start (about forty system calls before the first frame) for categories gloss
   never uses: its messages, dates and numbers are its own. */
static inline int gloss_setlocale_utf8(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}
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

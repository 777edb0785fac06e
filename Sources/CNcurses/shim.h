#ifndef CIO_CNCURSES_SHIM_H
#define CIO_CNCURSES_SHIM_H
// Wide-character curses: the defines must come before the header so that
// cchar_t, setcchar and wadd_wch are declared.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif

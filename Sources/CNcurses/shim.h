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
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <unistd.h>
#include <termios.h>

// Swift cannot see function-like macros or treats C globals as unsafe shared state, so the few that
// the screen needs are wrapped here as inline functions.
static inline WINDOW *cio_stdscr(void) { return stdscr; }
static inline FILE *cio_stdout(void) { return stdout; }
static inline FILE *cio_stdin(void) { return stdin; }
static inline int cio_colors(void) { return COLORS; }
static inline int cio_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cio_attr_bold(void) { return A_BOLD; }
static inline attr_t cio_attr_dim(void) { return A_DIM; }
static inline attr_t cio_attr_italic(void) { return A_ITALIC; }
static inline attr_t cio_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cio_attr_reverse(void) { return A_REVERSE; }

// Draws one grapheme (up to CCHARW_MAX code points, so combining marks stay with their base) at (y, x).
static inline int cio_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

// Lets ctrl-s, ctrl-q, ctrl-c and ctrl-\\ reach the app as keys while it runs: XON/XOFF flow control off (else
// ctrl-s freezes the screen until ctrl-q), and no interrupt or quit character (the keymap decides what they do; a
// quit character would also make the runtime print a crash report over the screen). ctrl-z still suspends.
static inline int cio_keys_reach_app(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) != 0) return -1;
    modes.c_iflag &= ~(IXON | IXOFF);
    modes.c_cc[VINTR] = _POSIX_VDISABLE;
    modes.c_cc[VQUIT] = _POSIX_VDISABLE;
    return tcsetattr(fd, TCSANOW, &modes);
}

// Whether the terminal type `name` (NULL: $TERM) is known and can move the cursor, which a full screen needs
// (TERM=dumb cannot). Reads the terminfo entry only: nothing is written to the terminal.
static inline int cio_terminal_can_address(const char *name, int fd) {
    int error = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(name, fd, &error) != OK) { set_curterm(previous); return 0; }
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    set_curterm(previous);
    return usable;
}

// A pseudo-terminal for benchmarks and tests that run the app as a terminal would: opens the master side and
// unlocks it; `number` receives N of /dev/pts/N. (posix_openpt and friends need feature macros Swift's Glibc
// module is not built with, so the Linux ioctls are used directly.)
static inline int cio_open_pty_master(int *number) {
    int fd = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (fd < 0) return -1;
    int unlock = 0;
    if (ioctl(fd, TIOCSPTLCK, &unlock) != 0 || ioctl(fd, TIOCGPTN, number) != 0) { close(fd); return -1; }
    return fd;
}
#endif

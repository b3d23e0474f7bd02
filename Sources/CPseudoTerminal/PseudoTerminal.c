// What Swift's Glibc module does not offer: posix_openpt/grantpt/ptsname_r, POSIX_SPAWN_SETSID,
// posix_spawn_file_actions_addclosefrom_np and the variadic ioctl.
#define _GNU_SOURCE
#include "CPseudoTerminal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int alidash_pty_open(unsigned short rows, unsigned short columns, char *slavePath, size_t slavePathSize) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, slavePath, slavePathSize) != 0
        || alidash_pty_set_size(master, rows, columns) != 0) {
        int saved = errno;
        close(master);
        errno = saved;
        return -1;
    }
    return master;
}

int alidash_pty_set_size(int master, unsigned short rows, unsigned short columns) {
    struct winsize size = { .ws_row = rows, .ws_col = columns, .ws_xpixel = 0, .ws_ypixel = 0 };
    return ioctl(master, TIOCSWINSZ, &size);
}

int alidash_spawn_on_terminal(const char *path, char *const argv[], char *const envp[], const char *slavePath,
                              pid_t *pid) {
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_t actions;
    sigset_t empty, all;
    sigemptyset(&empty);
    sigfillset(&all);
    int result = posix_spawnattr_init(&attributes);
    if (result != 0) return result;
    result = posix_spawn_file_actions_init(&actions);
    if (result != 0) {
        posix_spawnattr_destroy(&attributes);
        return result;
    }
    // The server's threads may block signals and NIO ignores SIGPIPE: neither may reach the dashboard.
    // setsid happens before the file actions, so opening the slave makes it the controlling terminal.
    if ((result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK
                                                         | POSIX_SPAWN_SETSIGDEF)) == 0
        && (result = posix_spawnattr_setsigmask(&attributes, &empty)) == 0
        && (result = posix_spawnattr_setsigdefault(&attributes, &all)) == 0
        && (result = posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)) == 0
        && (result = posix_spawn_file_actions_adddup2(&actions, 0, 1)) == 0
        && (result = posix_spawn_file_actions_adddup2(&actions, 0, 2)) == 0
        // NIO's descriptors are not close-on-exec: nothing of the server's may leak into a session.
        && (result = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) == 0) {
        result = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    }
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return result;
}

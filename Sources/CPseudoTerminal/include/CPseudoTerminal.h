#ifndef ALIDASH_PSEUDO_TERMINAL_H
#define ALIDASH_PSEUDO_TERMINAL_H

#include <stddef.h>
#include <sys/types.h>

/// Opens a new pseudo-terminal pair's master side (close-on-exec, non-blocking) sized rows x columns,
/// and writes the slave's path into `slavePath`. Returns the master descriptor, or -1 with errno set.
int alidash_pty_open(unsigned short rows, unsigned short columns, char *slavePath, size_t slavePathSize);

/// Sets the terminal size; the kernel then sends SIGWINCH to the terminal's foreground process group.
int alidash_pty_set_size(int master, unsigned short rows, unsigned short columns);

/// Starts `path` as the leader of a new session whose controlling terminal is `slavePath` (on descriptors
/// 0, 1 and 2), with an empty signal mask, every signal at its default action, and every other descriptor
/// closed. Returns 0 and the process id, or an errno value.
int alidash_spawn_on_terminal(const char *path, char *const argv[], char *const envp[], const char *slavePath,
                              pid_t *pid);

#endif

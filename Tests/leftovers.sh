#!/usr/bin/env bash
# `make test` leaves nothing behind. `leftovers.sh before` notes what is there when the run starts;
# `leftovers.sh after` fails, naming each one, on anything the run added: files in the work tree
# (git status), alidash, tmux or sshd files in /tmp, processes of the run, the sshd test's user, and
# the user's own alidash settings and state.
set -uo pipefail
cd "$(dirname "$0")/.."
note="${TMPDIR:-/tmp}/alidash-leftovers-before"

snapshot() {
  { git status --porcelain 2>/dev/null | sed 's/^/tree: /'
    ls -A /tmp 2>/dev/null | grep -E '^(alidash|tmux-|TemporaryDirectory)' | sed 's/^/tmp: /'
    ls -A /tmp/tmux-"$(id -u)" 2>/dev/null | sed 's/^/tmux socket: /'
    for name in alidash alidash-serve sshd tmux haproxy; do
      pgrep -x "$name" >/dev/null 2>&1 && pgrep -a -x "$name" | sed "s/^[0-9]* /process: /"
    done
    id alidash-sshtest >/dev/null 2>&1 && echo "user: alidash-sshtest"
    # The tests use settings and state folders of their own: the user's stay as they were.
    for dir in "${XDG_CONFIG_HOME:-$HOME/.config}/alidash" "${XDG_STATE_HOME:-$HOME/.local/state}/alidash"; do
      [ -e "$dir" ] && find "$dir" -printf 'settings: %p %s %T@\n' 2>/dev/null
    done
    true
  } | sort -u
}

case "${1:-}" in
  before) snapshot > "$note" ;;
  after)
    # A dashboard reaped a moment ago may still be on its way out.
    for _ in $(seq 20); do
      added=$(comm -13 "$note" <(snapshot))
      [ -z "$added" ] && break
      sleep 0.1
    done
    rm -f "$note"
    if [ -n "$added" ]; then
      echo "leftovers: FAIL: the test run left these behind:"
      echo "$added" | sed 's/^/  /'
      exit 1
    fi
    echo "leftovers: ok: nothing left in the work tree, in /tmp or running"
    ;;
  *) echo "usage: leftovers.sh before|after" >&2; exit 64 ;;
esac

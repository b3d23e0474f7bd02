#!/usr/bin/env bash
# Load test of `alidash serve` on loopback (not part of `make test`; `make load-test-serve`): SESSIONS
# visitors at once from one asyncssh process, TYPERS of them typing for DURATION seconds. Bounded: at most
# 2,000 sessions and 600 s, 127.0.0.1 only. Prints the figures the README and the note quote.
# Usage: Tests/ssh/serve-crowd.sh PATH/TO/alidash   (SESSIONS=1000 TYPERS=20 DURATION=60 by default)
set -euo pipefail

binary=$(realpath "${1:?usage: serve-crowd.sh PATH/TO/alidash}")
sessions=${SESSIONS:-1000}
typers=${TYPERS:-20}
duration=${DURATION:-60}
[ "$sessions" -ge 1 ] && [ "$sessions" -le 2000 ] || { echo "serve-crowd: SESSIONS must be 1-2000"; exit 64; }
[ "$duration" -ge 1 ] && [ "$duration" -le 600 ] || { echo "serve-crowd: DURATION must be 1-600 s"; exit 64; }
[ "$typers" -ge 1 ] && [ "$typers" -le "$sessions" ] || { echo "serve-crowd: TYPERS must be 1-SESSIONS"; exit 64; }
work=$(mktemp -d /tmp/alidash-crowd.XXXXXX)
server_pid=""

say() { printf 'serve-crowd: %s\n' "$*"; }
fail() { say "FAIL: $*"; tail -5 "$work/server.log" >&2 || true; exit 1; }
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=Tests/ssh/helpers.sh
. "$(dirname "$0")/helpers.sh"

/usr/bin/python3 -c 'import asyncssh' 2>/dev/null || fail "python3-asyncssh is missing: run 'make deps-load' (make load-test-serve does)"
# The client holds a socket per visitor; the server raises its own limit (and says so if it cannot).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((sessions + 64)) ] \
  || fail "the open-files limit $(ulimit -n) is too low for $sessions visitors: raise the hard limit (ulimit -Hn)"

ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
port=$(free_port)
"$binary" serve --host 127.0.0.1 --port "$port" --host-key "$work/host_key" --authorized-keys "$work/authorized_keys" \
  --max-sessions "$sessions" --rate $((sessions * 2)) --login-timeout 120 --idle-timeout 3600 2> "$work/server.log" &
server_pid=$!
wait_for_port "$port"
say "server $(realpath "$binary") on 127.0.0.1:$port; $(nproc) cores; $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
set +e
/usr/bin/python3 -W ignore "$(dirname "$0")/serve-crowd.py" "$port" "$work/client_key" "$server_pid" "$sessions" "$typers" "$duration"
status=$?
set -e
grep -c 'result="exit 129"' "$work/server.log" | sed 's/^/serve-crowd: sessions logged as ended by the hang-up: /'
grep -q 'warning: ' "$work/server.log" && grep 'warning: ' "$work/server.log" | sed 's/^/serve-crowd: server said: /'
exit "$status"

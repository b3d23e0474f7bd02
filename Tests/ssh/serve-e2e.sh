#!/usr/bin/env bash
# End-to-end test of `alidash serve` with the real OpenSSH client: two private servers on 127.0.0.1,
# clients inside tmux, and checks of the host key, access, the dashboard and its options, refusals,
# resize, limits, timeouts, a killed client, the log and SIGTERM. Needs no root.
# Usage: Tests/ssh/serve-e2e.sh PATH/TO/alidash   (alidash-serve must be beside it)
set -euo pipefail

binary=$(realpath "${1:?usage: serve-e2e.sh PATH/TO/alidash}")
# What `ssh -tt` sends as the visitor's terminal, whatever ran this script (CI has no TERM).
export TERM=xterm-256color LANG=C.UTF-8
work=$(mktemp -d /tmp/alidash-serve.XXXXXX)
socket="$work/tmux.sock"  # in $work, so the clean-up removes it
server_pid=""
second_pid=""

say() { printf 'serve-e2e: %s\n' "$*"; }
fail() {
  say "FAIL: $*"
  for window in $(tmux -S "$socket" list-windows -F '#W' 2>/dev/null); do
    echo "--- window $window" >&2; capture "$window" >&2 || true
  done
  echo "--- server log" >&2; cat "$work"/server*.log >&2 || true
  exit 1
}
capture() { tmux -S "$socket" capture-pane -p -t "$1" 2>/dev/null; }

cleanup() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  for pid in $server_pid $second_pid; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# `make test` installs what is missing (the Makefile holds the one package list); this script installs nothing.
/usr/bin/python3 -c 'import asyncssh' 2>/dev/null || fail "python3-asyncssh is missing: run 'make deps' (or 'make test'), which installs it"
for tool in ssh ssh-keygen tmux python3 pgrep; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run 'make deps' (or 'make test'), which installs it"
done
[ -x "$(dirname "$binary")/alidash-serve" ] || fail "no alidash-serve beside $binary"
grep -qa NIOSSHHandler "$(dirname "$binary")/alidash-serve" || fail "alidash-serve does not contain the SSH library"
! grep -qa -e NIOSSHHandler -e NIOPosix "$binary" || fail "the dashboard binary contains NIO"

# shellcheck source=Tests/ssh/helpers.sh
. "$(dirname "$0")/helpers.sh"
screen_has() { capture "$1" | grep -qE -- "$2"; }
wait_for() { wait_until 5 "$3: no /$2/ in window $1" screen_has "$1" "$2"; }
dashboards() { pgrep -P "$1" -x alidash 2>/dev/null | wc -l; }
dashboards_are() { [ "$(dashboards "$server_pid")" = "$1" ]; }
no_zombies() { ! ps --ppid "$1" -o stat= 2>/dev/null | grep -q '^Z'; }

# MARK: - Keys and servers

ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
ssh-keygen -q -t ecdsa -N '' -f "$work/ecdsa_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/stranger_key"
ssh-keygen -q -t rsa -b 2048 -N '' -f "$work/rsa_key"
cat "$work/client_key.pub" "$work/ecdsa_key.pub" "$work/rsa_key.pub" > "$work/authorized_keys"
port=$(free_port)
second_port=$(free_port)

# Through `alidash serve`, which execs alidash-serve: the pid stays the server's.
metrics_port=$(free_port)
"$binary" serve --host 127.0.0.1 --port "$port" --host-key "$work/host_key" \
  --authorized-keys "$work/authorized_keys" --max-sessions 2 --rate 100 --metrics "127.0.0.1:$metrics_port" 2> "$work/server.log" &
server_pid=$!
wait_for_port "$port"
# A second, public server for the short timeouts and the rate limit.
"$binary" serve --host 127.0.0.1 --port "$second_port" --host-key "$work/host_key" \
  --public --idle-timeout 2 --login-timeout 1 --rate 6 2> "$work/server2.log" &
second_pid=$!
wait_for_port "$second_port"

[ "$(stat -c %a "$work/host_key")" = 600 ] || fail "host key mode is not 600"
fingerprint=$(ssh-keygen -l -f "$work/host_key" | awk '{print $2}')
grep -q "host key $work/host_key (created): $fingerprint" "$work/server.log" || fail "start-up did not print the host key fingerprint $fingerprint"
grep -q "warning: $work/authorized_keys:3: ssh-rsa keys are not supported" "$work/server.log" || fail "no warning for the RSA key"
grep -q "host key $work/host_key: $fingerprint" "$work/server2.log" || fail "the second start did not reuse the host key"
echo "alidash-test $(ssh-keygen -y -f "$work/host_key")" > "$work/known_hosts"
say "ok: host key created with mode 600, fingerprint printed as ssh-keygen shows it, reused on the next start"

# A third server on the first one's port: one clear line and EX_UNAVAILABLE, not a raw NIO error.
set +e
timeout 10 "$binary" serve --host 127.0.0.1 --port "$port" --host-key "$work/host_key" --public 2> "$work/server-busy.log"; status_busy=$?
set -e
[ "$status_busy" = 69 ] || fail "a second server on a busy port exited with $status_busy, not 69"
grep -q "error: cannot listen on 127.0.0.1:$port: the address is already in use (is another server running? try --port)$" \
  "$work/server-busy.log" || fail "no clear message for a busy port: $(cat "$work/server-busy.log")"
! grep -q 'bind(descriptor' "$work/server-busy.log" || fail "the raw bind error reached the user"
say "ok: a server on a port already in use says so in one line and exits 69"

# Values the timers and counters cannot hold (these crashed the server before): exit 64 with the range.
for bad in "--idle-timeout 1e300" "--session-timeout inf" "--login-timeout nan" "--max-sessions 4611686018427387904" "--rate 0"; do
  set +e
  # shellcheck disable=SC2086
  timeout 10 "$binary" serve --host 127.0.0.1 --port 0 --public $bad 2> "$work/server-range.log"; status_range=$?
  set -e
  [ "$status_range" = 64 ] || fail "$bad exited with $status_range, not 64: $(cat "$work/server-range.log")"
  grep -q "^Error: ${bad%% *} must be between .* (got " "$work/server-range.log" || fail "$bad: no range in the message: $(cat "$work/server-range.log")"
done
say "ok: absurd option values (1e300, inf, nan, 2^62 sessions, rate 0) exit 64 naming the allowed range"

# Checks the host key against known_hosts (StrictHostKeyChecking=yes).
ssh_options="-o HostKeyAlias=alidash-test -o UserKnownHostsFile=$work/known_hosts -o StrictHostKeyChecking=yes"
ssh_options+=" -o BatchMode=yes -o LogLevel=ERROR -o SendEnv=LANG -o IdentitiesOnly=yes"
target=visitor@127.0.0.1
# ssh_to PORT KEY [ssh options] TARGET [command]
ssh_to() { local to_port=$1 key=$2; shift 2; ssh $ssh_options -i "$work/$key" -p "$to_port" "$@"; }
# Starts `ssh -tt` in its own tmux window at 100x30 (with $window_env and $ssh_extra if set); its exit
# status lands in $work/status-NAME.
open_window() {
  local name=$1 to_port=$2; shift 2
  local command="env TERM=${visitor_term:-xterm-256color} LANG=C.UTF-8 ${window_env:-} ssh -tt $ssh_options ${ssh_extra:-} -E $work/ssh-$name.log -i $work/client_key -p $to_port visitor@127.0.0.1 $*; echo \$? > $work/status-$name; sleep 60"
  if tmux -S "$socket" has-session 2>/dev/null; then
    tmux -S "$socket" new-window -d -n "$name" "$command"
  else
    tmux -S "$socket" -f /dev/null new-session -d -s main -n "$name" -x 100 -y 30 "$command"
  fi
}
status_of() { cat "$work/status-$1" 2>/dev/null; }
status_is() { [ "$(status_of "$1")" = "$2" ]; }

# MARK: - The dashboard

open_window first "$port"
wait_for first '1 Overview │ 2 Hubs' "first frame over alidash serve"
tmux -S "$socket" send-keys -t first 5
wait_for first '5 Timeline' "pane switch"
tmux -S "$socket" send-keys -t first 2
wait_for first 'Kigali' "hubs pane"
say "ok: an authorized key gets the dashboard (UTF-8 from LANG) and can switch panes"

dashboard=$(pgrep -P "$server_pid" -x alidash | head -1)
environment=$(tr '\0' '\n' < "/proc/$dashboard/environ" | sort | tr '\n' ' ')
[ "$environment" = "LANG=C.UTF-8 PATH=/usr/bin:/bin SWIFT_BACKTRACE=enable=no TERM=xterm-256color " ] \
  || fail "the dashboard's environment is not built from scratch: $environment"
descriptors=$(ls "/proc/$dashboard/fd" | sort -n | tr '\n' ' ')
[ "$descriptors" = "0 1 2 " ] || fail "the dashboard inherited descriptors: $descriptors"
# Signals 1-31; glibc's posix_spawn leaves its own internal signals (32, 33) ignored, which is harmless,
# and the dashboard ignores SIGPIPE itself once it runs (bit 13), so only the rest must be clear.
for mask in SigBlk SigIgn; do
  value=$(awk -v name="$mask:" '$1 == name { print $2 }' "/proc/$dashboard/status")
  [ $((0x$value & 0x7fffffff & ~(1 << 12))) = 0 ] || fail "the dashboard has signals in $mask: $value"
done
[ "$(ps -o sid= -p "$dashboard" | tr -d ' ')" = "$dashboard" ] || fail "the dashboard does not lead its own session"
[ "$(ps -o tty= -p "$dashboard" | tr -d ' ')" != "?" ] || fail "the dashboard has no controlling terminal"
say "ok: the dashboard leads its own session on its own terminal, with only TERM, PATH and LANG, descriptors 0-2, no blocked or ignored signals"

tmux -S "$socket" resize-window -t first -x 60 -y 15
wait_for first '^ 1 │ 2 Hubs │ 3 │' "narrow tab bar (numbers, the active pane named) after resize to 60x15"
[ "$(capture first | wc -l)" -le 15 ] || fail "screen taller than 15 rows after resize"
tmux -S "$socket" resize-window -t first -x 100 -y 30
wait_for first '1 Overview │ 2 Hubs' "full tab bar after resize back"
say "ok: a resize reaches the dashboard"

# kitty sends TERM=xterm-kitty, which Debian's base terminfo lacks: drawn as xterm-256color, and said so.
visitor_term=xterm-kitty open_window kitty "$port"
wait_for kitty 'TERM=xterm-kitty has no terminfo entry here; drawn as xterm-256color' "a kitty visitor's first frame"
tmux -S "$socket" send-keys -t kitty 2
wait_for kitty 'Kigali' "hubs pane for the kitty visitor"
tmux -S "$socket" send-keys -t kitty q
wait_until 5 "the kitty visitor's session did not end with status 0" status_is kitty 0
say "ok: a kitty visitor (TERM=xterm-kitty, no entry here) gets the dashboard, drawn as xterm-256color"

# A TERM that cannot be drawn: the visitor's own screen says what to set on their side, with ssh -t too.
for bad in dumb 'xterm;id'; do
  set +e
  TERM=$bad ssh_to "$port" client_key -tt "$target" < /dev/null > "$work/out-term" 2>&1; status_term=$?
  set -e
  [ "$status_term" = 1 ] || fail "TERM=$bad ended with $status_term, not 1"
  grep -q "cannot draw on the terminal type" "$work/out-term" || fail "TERM=$bad got no refusal for the visitor: $(cat "$work/out-term")"
  grep -q "TERM=xterm-256color ssh -t HOST" "$work/out-term" || fail "TERM=$bad was not told what to set"
  ! grep -q "PTY allocation request failed" "$work/out-term" || fail "TERM=$bad saw only a PTY failure"
done
grep -q 'result="refused: TERM dumb cannot be drawn"' "$work/server.log" || fail "no log line for the refused TERM"
say "ok: a TERM that cannot be drawn (dumb, xterm;id) is refused on the visitor's screen with what to set, and logged"

open_window options "$port" hubs --lang de --color never
wait_for options 'Weltkarte' "German hubs pane from the exec options"
tmux -S "$socket" send-keys -t options q
wait_until 5 "quitting did not give exit status 0" status_is options 0
say "ok: exec words become dashboard options; q ends the session with exit status 0"

# ssh -X (x11-req) and OpenSSH's ~B (break) once ended the connection: now refused, the session goes on.
window_env=DISPLAY=:0 ssh_extra=-X open_window x11 "$port"
wait_for x11 '1 Overview │ 2 Hubs' "first frame with ssh -X"
tmux -S "$socket" send-keys -t x11 Enter '~B'
tmux -S "$socket" send-keys -t x11 2
wait_for x11 'Kigali' "hubs pane after x11-req and break"
tmux -S "$socket" send-keys -t x11 q
wait_until 5 "the ssh -X session did not end with status 0" status_is x11 0
wait_until 3 "no log line for the refused x11-req and break" grep -q 'result="exit 0; x11-req refused; break refused"' "$work/server.log"
say "ok: ssh -X and ~B are refused (and logged) without ending the session"

# One connection that keeps asking (OpenSSH multiplexing: every client opens another session channel on
# the master's connection) is closed after 64 refusals, and its log line stays one short line.
ssh_extra="-M -S $work/mux.sock" open_window mux "$port"
wait_for mux '1 Overview │ 2 Hubs' "first frame of the multiplexing master"
for attempt in $(seq 80); do
  [ -S "$work/mux.sock" ] || break
  ssh $ssh_options -S "$work/mux.sock" -o ControlMaster=no -p "$port" -T "$target" hubs > /dev/null 2>&1 || true
done
[ "$attempt" -le 70 ] || fail "the connection was not closed after 64 refused channels ($attempt tries)"
wait_until 5 "the multiplexing master did not end" status_is mux 255
wait_until 5 "no log line for the closed connection" \
  grep -q 'channel second session refused (65 times); closed after more than 64 refused requests"$' "$work/server.log"
say "ok: a connection that keeps opening channels is closed after 64 refusals, with one short log line"

# A second pty-req (OpenSSH never sends one; asyncssh can): refused, the first terminal stays.
/usr/bin/python3 -W ignore "$(dirname "$0")/second-pty.py" "$port" "$work/client_key" || fail "the second pty-req test failed"
wait_until 3 "no log line for the second pty-req" grep -q 'size=100x30 duration=[0-9.]*s result="exit 0; second pty-req refused"' "$work/server.log"
say "ok: a second pty-req is refused; the session keeps its first terminal (100x30)"

# MARK: - Refusals

touch "$work/victim"
output=$(ssh_to "$port" client_key "$target" rm -rf "$work/victim" 2>&1) && fail "rm -rf was not refused"
echo "$output" | grep -q 'never a command' || fail "no refusal message for rm -rf: $output"
[ -e "$work/victim" ] || fail "the command ran"
set +e
ssh_to "$port" client_key "$target" rm -rf / > /dev/null 2>&1; status_rm=$?
ssh_to "$port" client_key -tt "$target" 'sh -c id' < /dev/null > "$work/out-sh" 2>&1; status_sh=$?
ssh_to "$port" client_key -T "$target" > "$work/out-notty" 2>&1; status_notty=$?
set -e
[ "$status_rm" = 1 ] && [ "$status_sh" = 1 ] && [ "$status_notty" = 1 ] || fail "refusals exit with $status_rm/$status_sh/$status_notty, not 1"
grep -q 'never a command' "$work/out-sh" || fail "no refusal message with a terminal"
grep -q 'needs a terminal' "$work/out-notty" || fail "ssh -T got no clear message: $(cat "$work/out-notty")"
say "ok: ssh host rm -rf / and sh -c id are refused with status 1 and run nothing; ssh -T is told to use a terminal"

# A command longer than any options: refused with the usage (under 32 KB), or, past the SSH library's
# packet limit, the connection ends and the log says why.
set +e
ssh_to "$port" client_key "$target" "$(printf 'a%.0s' $(seq 3000))" > "$work/out-long" 2>&1; status_long=$?
ssh_to "$port" client_key "$target" "$(printf 'a%.0s' $(seq 40000))" > /dev/null 2>&1; status_huge=$?
set -e
[ "$status_long" = 1 ] && grep -q 'never a command' "$work/out-long" || fail "a 3000-byte command was not refused with the usage"
[ "$status_huge" = 255 ] || fail "a 40 KB command did not end the connection (status $status_huge)"
wait_until 3 "no log line for the 40 KB command" grep -q 'closed: an SSH packet larger than the 33 KiB allowed' "$work/server.log"
say "ok: a 3000-byte command gets the usage; a 40 KB one ends the connection, and the log says why"

set +e
ssh_to "$port" stranger_key "$target" > "$work/out-stranger" 2>&1; status_stranger=$?
ssh_to "$port" rsa_key "$target" > "$work/out-rsa" 2>&1; status_rsa=$?
ssh_to "$port" ecdsa_key -T "$target" > /dev/null 2>&1; status_ecdsa=$?
set -e
[ "$status_stranger" = 255 ] && grep -q 'Permission denied (publickey)' "$work/out-stranger" || fail "an unlisted key was not refused: $(cat "$work/out-stranger")"
[ "$status_rsa" = 255 ] || fail "an RSA key was not refused: $(cat "$work/out-rsa")"
wait_until 3 "no log line explaining the RSA refusal" grep -q 'result="refused: no ed25519 or ECDSA key offered (tried: none); only ed25519 and ECDSA keys are accepted"' "$work/server.log"
[ "$status_ecdsa" = 1 ] || fail "a listed ECDSA key was not let in (status $status_ecdsa)"
wait_until 3 "no log line for the refused key" grep -q "key=\"$(ssh-keygen -l -f "$work/stranger_key" | awk '{print $2}') (refused)\"" "$work/server.log"
say "ok: an unlisted key is refused (and logged), an RSA key is refused (the log says why), ECDSA keys work"

grep -q 'warning: --public: anyone gets the dashboard, with or without an SSH key' "$work/server2.log" || fail "--public gave no warning"
set +e
ssh_to "$second_port" stranger_key -T "$target" > "$work/out-public" 2>&1; status_public=$?
# No key at all: no identity files, no agent; OpenSSH asks "none" first, which --public accepts.
SSH_AUTH_SOCK= ssh $ssh_options -o IdentityFile=none -o PubkeyAuthentication=no -o PasswordAuthentication=no \
  -o KbdInteractiveAuthentication=no -p "$second_port" -T "$target" > "$work/out-nokey" 2>&1; status_nokey=$?
set -e
[ "$status_public" = 1 ] && grep -q 'needs a terminal' "$work/out-public" || fail "--public did not let any key in: $(cat "$work/out-public")"
[ "$status_nokey" = 1 ] && grep -q 'needs a terminal' "$work/out-nokey" || fail "--public did not let a visitor without a key in: $(cat "$work/out-nokey")"
wait_until 3 "no log line for the visitor without a key" grep -q 'key="none (--public)"' "$work/server2.log"
set +e
SSH_AUTH_SOCK= ssh $ssh_options -o IdentityFile=none -o PubkeyAuthentication=no -p "$port" -T "$target" > "$work/out-nokey-private" 2>&1; status_private=$?
set -e
[ "$status_private" = 255 ] || fail "a visitor without a key got into the key-only server (status $status_private)"
say "ok: --public lets anyone in, with or without a key (warning at start); the key-only server refuses a visitor without one"

# authorized_keys options, with the real client: from=, expiry-time and command= are enforced, no-pty
# and options this server cannot enforce refuse their key with a line at start-up.
for name in from_key command_key nopty_key expired_key unknown_key; do ssh-keygen -q -t ed25519 -N '' -f "$work/$name"; done
{
  printf 'from="10.9.8.7,192.168.0.0/16" %s\n' "$(cat "$work/from_key.pub")"
  printf 'command="hubs --lang de",from="127.0.0.0/8"\t%s\n' "$(cat "$work/command_key.pub" | tr ' ' '\t')"
  printf 'no-pty %s\n' "$(cat "$work/nopty_key.pub")"
  printf 'expiry-time="20200101Z" %s\n' "$(cat "$work/expired_key.pub")"
  printf 'cert-authority %s\n' "$(cat "$work/unknown_key.pub")"
  cat "$work/client_key.pub"
} > "$work/option_keys"
options_port=$(free_port)
"$binary" serve --host 127.0.0.1 --port "$options_port" --host-key "$work/host_key" \
  --authorized-keys "$work/option_keys" 2> "$work/server-options.log" & options_pid=$!
wait_for_port "$options_port"
grep -q "warning: $work/option_keys:3: no-pty (or restrict without pty): the dashboard needs a terminal; this key is refused" \
  "$work/server-options.log" || fail "no start-up line for the no-pty key: $(cat "$work/server-options.log")"
grep -q "warning: $work/option_keys:5: option cert-authority is not supported by alidash serve; this key is refused" \
  "$work/server-options.log" || fail "no start-up line for the unknown option"
grep -q "access: 4 keys from $work/option_keys" "$work/server-options.log" || fail "the start-up count is not 4 usable keys"
set +e
for name in from_key nopty_key expired_key unknown_key; do
  ssh_to "$options_port" "$name" -T "$target" > "$work/out-$name" 2>&1
  [ $? = 255 ] || { kill "$options_pid"; fail "the $name got in"; }
done
set -e
wait_until 3 "no log line for from=" grep -q 'result="refused: from= does not allow 127.0.0.1' "$work/server-options.log"
wait_until 3 "no log line for the expired key" grep -q 'result="refused: key expired (expiry-time' "$work/server-options.log"
wait_until 3 "no log line for the no-pty key" grep -q 'result="refused: no-pty (or restrict without pty): the dashboard needs a terminal"' "$work/server-options.log"
# command= wins over what the visitor asks for (sources, English): German hubs.
tmux -S "$socket" new-window -d -n forced "env TERM=xterm-256color LANG=C.UTF-8 ssh -tt $ssh_options -i $work/command_key -p $options_port $target sources --lang en; echo \$? > $work/status-forced; sleep 60"
wait_for forced 'Weltkarte' "German hubs pane from the key's command="
tmux -S "$socket" send-keys -t forced q
wait_until 5 "the forced-command session did not end with status 0" status_is forced 0
wait_until 3 "no log line for the forced command" grep -q "options=\"--lang de --pane hubs\".*the key's command= replaced the visitor's command" "$work/server-options.log"
kill "$options_pid"; wait "$options_pid" 2>/dev/null || true
say "ok: from=, expiry-time and command= are enforced; no-pty and cert-authority keys are refused, each with a start-up line"

# The authorized-keys file is a regular file of at most 1 MiB.
set +e
timeout 10 "$binary" serve --host 127.0.0.1 --port 0 --authorized-keys /dev/zero 2> "$work/server-zero.log"; status_zero=$?
set -e
[ "$status_zero" = 1 ] && grep -q "cannot read the authorized keys file /dev/zero: not a regular file" "$work/server-zero.log" \
  || fail "--authorized-keys /dev/zero: status $status_zero, $(cat "$work/server-zero.log")"
say "ok: --authorized-keys /dev/zero is refused at once (not a regular file)"

set +e
ssh_to "$port" client_key -o ConnectTimeout=5 -N -o ExitOnForwardFailure=yes -R "0:127.0.0.1:$port" "$target" > /dev/null 2>&1 & forward_pid=$!
ssh_to "$port" client_key -W "127.0.0.1:$port" "$target" < /dev/null > /dev/null 2>&1; status_direct=$?
ssh_to "$port" client_key -s "$target" sftp < /dev/null > /dev/null 2>&1; status_subsystem=$?
for _ in $(seq 200); do kill -0 "$forward_pid" 2>/dev/null || break; sleep 0.025; done
kill "$forward_pid" 2>/dev/null && status_remote=killed || { wait "$forward_pid"; status_remote=$?; }
set -e
[ "$status_remote" = 255 ] && [ "$status_direct" = 255 ] && [ "$status_subsystem" != 0 ] \
  || fail "forwarding or a subsystem was not refused ($status_remote/$status_direct/$status_subsystem)"
say "ok: remote and local port forwarding and subsystems are refused"

# MARK: - Back-pressure

# A client that types as fast as it can (Tab: next pane, a redraw each) and never reads its screen. The
# server must stop reading the dashboard (which then blocks) and hold a bounded amount of memory.
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
rss_before=$(rss_kib "$server_pid")
{ ssh_to "$port" client_key -tt -E "$work/ssh-flood.log" "$target" < <(yes $'\t'); } 2>/dev/null | sleep 60 &
flood_pid=$!
wait_until 5 "the flooding client got no dashboard" dashboards_are 2
previous=0
for _ in $(seq 40); do
  sleep 0.5
  rss=$(rss_kib "$server_pid")
  [ "$rss" = "$previous" ] && break
  previous=$rss
done
sleep 1
rss_settled=$(rss_kib "$server_pid")
[ "$rss_settled" -le $((previous + 256)) ] || fail "server memory still grows with a client that does not read ($previous → $rss_settled KiB)"
[ $((rss_settled - rss_before)) -le 24576 ] || fail "a client that does not read made the server grow by $(( (rss_settled - rss_before) / 1024 )) MiB"
pkill -KILL -f -- "^ssh .*-E $work/ssh-flood.log" || fail "could not kill the flooding client"
kill "$flood_pid" 2>/dev/null || true
wait_until 4 "the flooding client's dashboard did not end" dashboards_are 1
say "ok: back-pressure: a client that never reads leaves the server $(( (rss_settled - rss_before) / 1024 )) MiB larger, and no more"

# MARK: - Limits

open_window second "$port"
wait_for second '1 Overview' "second session"
set +e
ssh_to "$port" client_key -tt "$target" < /dev/null > "$work/out-full" 2>&1; status_full=$?
set -e
[ "$status_full" = 1 ] && grep -q 'server is full (2 sessions)' "$work/out-full" || fail "a third session was not refused: $(cat "$work/out-full")"
say "ok: the session limit holds (a third visitor is told the server is full)"

[ "$(dashboards "$server_pid")" = 2 ] || fail "expected 2 dashboards, found $(dashboards "$server_pid")"
pkill -KILL -f -- "^ssh -tt .*-E $work/ssh-second.log" || fail "could not kill the client"
wait_until 3 "the dashboard of a killed client still runs" dashboards_are 1
no_zombies "$server_pid" || fail "a zombie is left"
wait_until 3 "no log line for the killed client" grep -q 'result="exit 129"' "$work/server.log"
say "ok: killing the client ends its dashboard (SIGHUP, exit 129), nothing left behind"

open_window idle "$second_port"
wait_for idle '1 Overview' "session on the idle-timeout server"
wait_until 6 "the idle session did not end" status_is idle 129
capture idle | grep -q 'closed after 2 s without activity' || fail "no idle message"
say "ok: the idle timeout holds (2 s), with a message and exit status 129"

started=$SECONDS
banner=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$second_port; cat <&3" 2>/dev/null | head -c 100 || true)
[ $((SECONDS - started)) -le 3 ] && echo "$banner" | grep -q '^SSH-2.0' || fail "a silent connection was not closed at the login timeout"
# A burst of real clients: the ones over the limit are told why before any key exchange.
set +e
for attempt in $(seq 8); do
  # LogLevel INFO, as a user has it (the first value given wins): OpenSSH prints a disconnect's reason at INFO.
  ssh -o LogLevel=INFO $ssh_options -i "$work/client_key" -p "$second_port" -T "$target" > "$work/out-burst-$attempt" 2>&1
done
set -e
grep -l 'Received disconnect from 127.0.0.1 port [0-9]*:2: too many new connections from 127.0.0.1 (6 a minute); try again in a minute.' \
  "$work"/out-burst-* > /dev/null || fail "no refused client was told why: $(cat "$work"/out-burst-*)"
grep -q 'refused: connection rate limit for 127.0.0.1' "$work/server2.log" || fail "the connection rate limit did not hold"
say "ok: the login timeout closes silent connections; the per-address rate limit refuses a burst, telling each refused client why"

# MARK: - Log and shutdown

fields="key=$(ssh-keygen -l -f "$work/client_key" | awk '{print $2}') term=xterm-256color size=100x30"
grep -q "from=127.0.0.1 $fields duration=[0-9.]*s result=\"exit 129\"" "$work/server.log" || fail "log line lacks address, key, TERM or size"
grep -q 'options="--lang de --color never --pane hubs" duration=.* result="exit 0"' "$work/server.log" || fail "log line lacks options or exit"
say "ok: one log line per connection with address, key fingerprint, TERM, size, duration and result"

# Prometheus metrics of everything above, from the metrics port (never the SSH port).
scrape() { python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "$1"; }
scrape "http://127.0.0.1:$metrics_port/metrics" > "$work/metrics.txt" || fail "no metrics at 127.0.0.1:$metrics_port"
for series in '^alidash_sessions 1' '^alidash_logins_total{result="accepted"} [1-9]' '^alidash_logins_total{result="refused"} [1-9]' \
  '^alidash_refusals_total{reason="command"} [1-9]' '^alidash_refusals_total{reason="server_full"} 1$' \
  '^alidash_refusals_total{reason="too_many_refused_requests"} 1$' '^alidash_bytes_total{direction="in"} [1-9]' \
  '^alidash_bytes_total{direction="out"} [1-9]' '^alidash_session_duration_seconds_count [1-9]' \
  '^alidash_session_duration_seconds_bucket{le="\+Inf"} [1-9]'; do
  grep -qE "$series" "$work/metrics.txt" || fail "no /$series/ in the metrics: $(cat "$work/metrics.txt")"
done
! python3 -c 'import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=5)' "http://127.0.0.1:$metrics_port/" 2>/dev/null \
  || fail "the metrics port answered 200 outside /metrics"
set +e
timeout 10 "$binary" serve --host 127.0.0.1 --port 2222 --public --metrics 127.0.0.1:2222 2> "$work/server-metrics.log"; status_metrics=$?
set -e
[ "$status_metrics" = 64 ] && grep -q 'must not use the SSH port 2222' "$work/server-metrics.log" || fail "--metrics on the SSH port was not refused"
say "ok: --metrics serves sessions, logins, refusals by reason, bytes and session durations in the Prometheus format; never on the SSH port"

kill -TERM "$server_pid"
wait_until 6 "the session did not end on SIGTERM" status_is first 129
capture first | grep -q 'server is shutting down' || fail "no shutdown message"
wait_until 6 "the server did not exit after SIGTERM" bash -c "! kill -0 $server_pid 2>/dev/null"
wait "$server_pid" || fail "the server exited with status $?"
server_pid=""
grep -q 'stopped' "$work/server.log" || fail "no stop line"
pgrep -f -- "$binary dashboard" > /dev/null && fail "a dashboard outlived the server"
kill -TERM "$second_pid"
wait "$second_pid" || fail "the second server exited with status $?"
second_pid=""
say "ok: SIGTERM ends every session with a message, then the server exits 0"
say "passed"

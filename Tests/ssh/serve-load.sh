#!/usr/bin/env bash
# Load test of `alidash serve` on loopback (not part of `make test`): SESSIONS OpenSSH clients in tmux
# windows connect at once, every first frame is checked, then each client switches panes every few
# seconds for DURATION seconds. Reports the server's memory and CPU per session, and the dashboards'.
# Usage: Tests/ssh/serve-load.sh PATH/TO/alidash   (SESSIONS=50 DURATION=60 by default)
set -euo pipefail

binary=$(realpath "${1:?usage: serve-load.sh PATH/TO/alidash}")
sessions=${SESSIONS:-50}
duration=${DURATION:-60}
work=$(mktemp -d /tmp/alidash-load.XXXXXX)
socket="$work/tmux.sock"  # in $work, so the clean-up removes it
server_pid=""

say() { printf 'serve-load: %s\n' "$*"; }
fail() { say "FAIL: $*"; tail -5 "$work/server.log" >&2 || true; exit 1; }
cleanup() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
peak_kib() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
dashboard_pids() { pgrep -P "$server_pid" -x alidash || true; }
ticks_per_second=$(getconf CLK_TCK)
# calc EXPRESSION [DECIMALS]: floating-point arithmetic with awk.
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" serve --host 127.0.0.1 --port "$port" --host-key "$work/host_key" --authorized-keys "$work/authorized_keys" \
  --max-sessions $((sessions + 10)) --rate $((sessions * 4)) 2> "$work/server.log" &
server_pid=$!
for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.025; done
sleep 0.2
baseline_rss=$(rss_kib "$server_pid")
login_ticks_before=$(cpu_ticks "$server_pid")

ssh_command="ssh -tt -i $work/client_key -p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o SendEnv=LANG visitor@127.0.0.1"
tmux -S "$socket" -f /dev/null new-session -d -s load -n w1 -x 100 -y 30 "env TERM=xterm-256color LANG=C.UTF-8 $ssh_command"
started=$(date +%s.%N)
for i in $(seq 2 "$sessions"); do
  tmux -S "$socket" new-window -d -t load -n "w$i" "env TERM=xterm-256color LANG=C.UTF-8 $ssh_command"
done

# Every first frame: the whole screen of each window must equal the first window's.
declare -A ready=()
for _ in $(seq 1200); do
  for i in $(seq "$sessions"); do
    [ -n "${ready[$i]:-}" ] && continue
    tmux -S "$socket" capture-pane -p -t "load:w$i" > "$work/frame-$i" 2>/dev/null || continue
    grep -q 'Liège hub' "$work/frame-$i" && ready[$i]=1
  done
  [ "${#ready[@]}" = "$sessions" ] && break
  sleep 0.05
done
[ "${#ready[@]}" = "$sessions" ] || fail "only ${#ready[@]} of $sessions sessions showed a first frame"
all_up=$(date +%s.%N)
grep -q '1 Overview │ 2 Hubs │ 3 Revenue' "$work/frame-1" || fail "the first frame lacks the tab bar"
for i in $(seq 2 "$sessions"); do
  cmp -s "$work/frame-1" "$work/frame-$i" || fail "session $i's first frame differs from session 1's"
done
say "$sessions sessions: every first frame complete and identical, all up $(calc "$all_up - $started") s after the first connect"

[ "$(dashboard_pids | wc -l)" = "$sessions" ] || fail "expected $sessions dashboards, found $(dashboard_pids | wc -l)"
rss_with_sessions=$(rss_kib "$server_pid")
server_ticks_before=$(cpu_ticks "$server_pid")
login_ticks=$((server_ticks_before - login_ticks_before))
dashboard_ticks_before=0
for pid in $(dashboard_pids); do dashboard_ticks_before=$((dashboard_ticks_before + $(cpu_ticks "$pid"))); done

# The minute: every 3 s each client switches to the next pane (1 → 2 → … → 6 → 1).
rounds=$((duration / 3))
max_rss=$rss_with_sessions
for round in $(seq "$rounds"); do
  key=$(( (round % 6) + 1 ))
  for i in $(seq "$sessions"); do tmux -S "$socket" send-keys -t "load:w$i" "$key"; done
  sleep 3
  rss=$(rss_kib "$server_pid"); [ "$rss" -gt "$max_rss" ] && max_rss=$rss
done
server_ticks=$(( $(cpu_ticks "$server_pid") - server_ticks_before ))
dashboard_ticks=0
dashboard_rss=0
for pid in $(dashboard_pids); do
  dashboard_ticks=$((dashboard_ticks + $(cpu_ticks "$pid")))
  dashboard_rss=$((dashboard_rss + $(rss_kib "$pid")))
done
dashboard_ticks=$((dashboard_ticks - dashboard_ticks_before))
last_key=$(( (rounds % 6) + 1 ))
titles=("" "Overview" "Hubs" "Revenue" "Amazon vs Alibaba" "Timeline" "Sources")
wrong=0
for i in $(seq "$sessions"); do
  tmux -S "$socket" capture-pane -p -t "load:w$i" | grep -q "Liège\|Cainiao\|Alibaba\|Amazon" || wrong=$((wrong + 1))
done
[ "$wrong" = 0 ] || fail "$wrong sessions show no dashboard after the minute"
peak=$(peak_kib "$server_pid")

elapsed=$((rounds * 3))
say "after $elapsed s with $rounds pane switches per session (last: ${titles[$last_key]}), every session still shows the dashboard"
say "server RSS: $((baseline_rss / 1024)) MiB idle, $((rss_with_sessions / 1024)) MiB with $sessions sessions, peak $((peak / 1024)) MiB" \
  "→ $(( (rss_with_sessions - baseline_rss) / sessions )) KiB per session (peak: $(( (peak - baseline_rss) / sessions )) KiB)"
say "server CPU for the $sessions logins (key exchange, authentication, start): $(calc "$login_ticks / $ticks_per_second") s" \
  "→ $(calc "1000 * $login_ticks / $ticks_per_second / $sessions" 1) ms per session"
say "server CPU over the $elapsed s: $(calc "$server_ticks / $ticks_per_second") s" \
  "= $(calc "100 * $server_ticks / $ticks_per_second / $elapsed") % of one core" \
  "→ $(calc "1000 * $server_ticks / $ticks_per_second / $sessions" 1) ms per session" \
  "($(calc "100 * $server_ticks / $ticks_per_second / $elapsed / $sessions" 3) % of a core each)"
say "dashboards: $((dashboard_rss / sessions / 1024)) MiB RSS each, CPU $(calc "1000 * $dashboard_ticks / $ticks_per_second / $sessions" 1) ms each over the $elapsed s"

shutdown_started=$(date +%s.%N)
kill -TERM "$server_pid"
wait "$server_pid" || fail "the server exited with status $?"
server_pid=""
say "SIGTERM: all $sessions sessions ended and the server exited 0 in $(calc "$(date +%s.%N) - $shutdown_started") s"
left=$( (pgrep -f -- "$binary dashboard" || true) | wc -l)
[ "$left" = 0 ] || fail "$left dashboards outlived the server"
[ "$(grep -c 'result="exit 129; ended by shutdown"' "$work/server.log")" = "$sessions" ] || fail "not every session logged its shutdown"
say "passed"

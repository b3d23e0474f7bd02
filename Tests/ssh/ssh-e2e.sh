#!/usr/bin/env bash
# End-to-end test over a real OpenSSH connection: a private sshd on 127.0.0.1 whose ForceCommand
# runs alidash, the real `ssh -tt` client inside tmux, and checks of the first frame, pane
# switching, a resize through the SSH channel, and clean-up when the client is killed.
# Usage: Tests/ssh/ssh-e2e.sh PATH/TO/alidash
set -euo pipefail

binary=$(realpath "${1:?usage: ssh-e2e.sh PATH/TO/alidash}")
user=alidash-sshtest
work=$(mktemp -d /tmp/alidash-ssh.XXXXXX)
socket="$work/tmux.sock"  # in $work, so the clean-up removes it
sshd_pid=""

say() { printf 'ssh-e2e: %s\n' "$*"; }
fail() { say "FAIL: $*"; capture >&2 || true; exit 1; }
capture() { tmux -S "$socket" capture-pane -p -t t 2>/dev/null; }

cleanup() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null || true
  pkill -KILL -u "$user" 2>/dev/null || true
  id "$user" >/dev/null 2>&1 && userdel "$user" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$(id -u)" != 0 ]; then
  say "skipped: needs root to create a dedicated user and run sshd (CI runs as root)"
  exit 0
fi
# `make test` installs what is missing (the Makefile holds the one package list); this script installs nothing.
for tool in /usr/sbin/sshd ssh ssh-keygen tmux python3 pkill; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run 'make deps' (or 'make test'), which installs it"
done
sshd_bin=/usr/sbin/sshd

# A dedicated user with /bin/sh, so no shell rc file runs before the ForceCommand.
id "$user" >/dev/null 2>&1 || useradd --no-create-home --home-dir "$work" --shell /bin/sh "$user"
# useradd leaves the account locked ("!"), and sshd without PAM refuses locked accounts: "*" is no password.
usermod -p "*" "$user"
install -m 0755 "$binary" "$work/alidash"
chmod 0755 "$work"
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
chmod 0644 "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cat > "$work/sshd_config" <<CONFIG
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM no
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
ForceCommand $work/alidash
PermitTTY yes
AllowTcpForwarding no
AllowStreamLocalForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PermitUserEnvironment no
AcceptEnv LANG LC_*
ClientAliveInterval 15
ClientAliveCountMax 2
CONFIG

mkdir -p /run/sshd
"$sshd_bin" -D -e -f "$work/sshd_config" 2> "$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.05
done

# Polls the captured screen until it matches a pattern (never a fixed sleep).
wait_for() {
  local pattern=$1 what=$2
  for _ in $(seq 200); do
    if capture | grep -qE -- "$pattern"; then return 0; fi
    sleep 0.025
  done
  fail "$what: no match for /$pattern/"
}

ssh_command="ssh -tt -i $work/client_key -p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o SendEnv=LANG $user@127.0.0.1"
tmux -S "$socket" -f /dev/null new-session -d -s t -x 100 -y 30 \
  "env TERM=xterm-256color LANG=C.UTF-8 $ssh_command"

wait_for '1 Overview' "first frame over ssh"
say "ok: first frame"
tmux -S "$socket" send-keys -t t 5
wait_for '5 Timeline' "pane switch"
tmux -S "$socket" send-keys -t t 2
wait_for 'Kigali' "hubs pane over ssh"
say "ok: pane switching"

tmux -S "$socket" resize-window -t t -x 60 -y 15
wait_for '^ 1 │ 2 Hubs │ 3 │' "narrow tab bar (numbers, the active pane named) after resize to 60x15"
[ "$(capture | wc -l)" -le 15 ] || fail "screen taller than 15 rows after resize"
tmux -S "$socket" resize-window -t t -x 100 -y 30
wait_for '1 Overview │ 2 Hubs' "full tab bar after resize back to 100x30"
say "ok: resize through the ssh channel"

pgrep -u "$user" -x alidash >/dev/null || fail "no alidash process for $user while connected"
pkill -KILL -f "ssh -tt -i $work/client_key" || fail "could not kill the ssh client"
# Processes of the test user that still run; zombies have ended and only wait for sshd to reap them.
live_processes() { ps -o stat=,pid= -u "$user" 2>/dev/null | awk '$1 !~ /^Z/ { print $2 }'; }
for _ in $(seq 40); do
  [ -z "$(live_processes)" ] && break
  sleep 0.025
done
if [ -n "$(live_processes)" ]; then
  ps -o pid,stat,etime,time,cmd -u "$user" >&2
  fail "processes of $user still running 1 s after the client was killed"
fi
say "ok: killing the client ended the remote alidash within 1 s, nothing left behind"
say "passed"

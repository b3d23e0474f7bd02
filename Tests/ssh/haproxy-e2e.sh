#!/usr/bin/env bash
# alidash serve scaled out behind HAProxy: two servers sharing one host key, each with --proxy-protocol,
# and haproxy (Debian's package) in front with send-proxy-v2, all on 127.0.0.1. Visitors connect from
# 127.0.0.2 and 127.0.0.3 (loopback has the whole 127/8) with the real OpenSSH client; the test shows
# both servers reached, each visitor's own address in the log (via= the balancer), a header refused by
# a server not told to expect one, and a connection without a header refused by one that is.
# Usage: Tests/ssh/haproxy-e2e.sh PATH/TO/alidash   (alidash-serve must be beside it)
set -euo pipefail

binary=$(realpath "${1:?usage: haproxy-e2e.sh PATH/TO/alidash}")
here=$(cd "$(dirname "$0")" && pwd)
export TERM=xterm-256color LANG=C.UTF-8
work=$(mktemp -d /tmp/alidash-haproxy.XXXXXX)
pids=()

say() { printf 'haproxy-e2e: %s\n' "$*"; }
fail() {
  say "FAIL: $*"
  for log in "$work"/*.log; do echo "--- $log" >&2; cat "$log" >&2; done
  exit 1
}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in haproxy ssh ssh-keygen python3; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] \
    || fail "$tool is missing: run 'make deps' (or 'make test'), which installs it"
done
haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)

# shellcheck source=Tests/ssh/helpers.sh
. "$(dirname "$0")/helpers.sh"

ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
front=$(free_port); first=$(free_port); second=$(free_port); plain=$(free_port)

# Two instances, one host key (created by the first, read by the second): visitors see one server.
for port in "$first" "$second"; do
  "$binary" serve --host 127.0.0.1 --port "$port" --host-key "$work/host_key" --authorized-keys "$work/authorized_keys" \
    --proxy-protocol 2> "$work/server-$port.log" &
  pids+=($!)
  wait_for_port "$port"
done
"$binary" serve --host 127.0.0.1 --port "$plain" --host-key "$work/host_key" --authorized-keys "$work/authorized_keys" \
  --log-format json 2> "$work/server-plain.log" &
pids+=($!)
wait_for_port "$plain"

cat > "$work/haproxy.cfg" <<CONFIG
global
    maxconn 100
defaults
    mode tcp
    timeout connect 5s
    timeout client 1h
    timeout server 1h
frontend ssh
    bind 127.0.0.1:$front
    default_backend dashboards
backend dashboards
    balance roundrobin
    server first 127.0.0.1:$first send-proxy-v2
    server second 127.0.0.1:$second send-proxy-v2
CONFIG
"$haproxy" -c -q -f "$work/haproxy.cfg" || fail "haproxy refuses its configuration"
"$haproxy" -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
pids+=($!)
wait_for_port "$front"

echo "alidash-test $(ssh-keygen -y -f "$work/host_key")" > "$work/known_hosts"
ssh_options="-o HostKeyAlias=alidash-test -o UserKnownHostsFile=$work/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR"
ssh_options+=" -o IdentitiesOnly=yes -i $work/client_key"

# Four visitors from two addresses: round robin alternates the servers, so each sees both addresses.
for visitor in 127.0.0.2 127.0.0.3 127.0.0.3 127.0.0.2; do
  set +e
  ssh $ssh_options -b "$visitor" -p "$front" -T visitor@127.0.0.1 > "$work/out-$visitor" 2>&1; status=$?
  set -e
  [ "$status" = 1 ] && grep -q 'needs a terminal' "$work/out-$visitor" || fail "visitor $visitor did not reach a dashboard server: $(cat "$work/out-$visitor")"
done
for port in "$first" "$second"; do
  for visitor in 127.0.0.2 127.0.0.3; do
    wait_until 3 "server on $port did not log visitor $visitor with the balancer as via=" \
      grep -q "connection from=$visitor via=127.0.0.1 key=SHA256:" "$work/server-$port.log"
  done
done
say "ok: through haproxy (send-proxy-v2) visitors reach both servers, which share one host key and log each visitor's own address"

# With a terminal, the dashboard itself, through the balancer.
python3 - "$work" "$front" "$ssh_options" <<'PYTHON' || fail "no dashboard through haproxy"
import fcntl, os, pty, select, struct, sys, termios, time
work, port, options = sys.argv[1], sys.argv[2], sys.argv[3].split()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    os.execvp("ssh", ["ssh", *options, "-tt", "-p", port, "visitor@127.0.0.1"])
seen, deadline = b"", time.time() + 10
while b"as reported" not in seen and time.time() < deadline:
    if select.select([fd], [], [], 0.2)[0]:
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
os.write(fd, b"q")
os.waitpid(pid, 0)
if b"as reported" not in seen:
    print(seen[-400:], file=sys.stderr)
sys.exit(0 if b"as reported" in seen else 1)
PYTHON
say "ok: the dashboard's first frame arrives through haproxy"

# A server not told to expect a header refuses one; one that is refuses a connection without it.
set +e
ssh $ssh_options -o ProxyCommand="$here/proxy-header.py %h %p v2 198.51.100.9" -p "$plain" -T visitor@127.0.0.1 > /dev/null 2>&1
ssh $ssh_options -p "$first" -T visitor@127.0.0.1 > /dev/null 2>&1
ssh $ssh_options -o ProxyCommand="$here/proxy-header.py %h %p v1 198.51.100.9" -p "$first" -T visitor@127.0.0.1 > "$work/out-v1" 2>&1
set -e
wait_until 3 "no refusal of an unexpected header" \
  grep -q '"from":"127.0.0.1",.*"result":"refused: a PROXY protocol header, but --proxy-protocol is not set"}$' "$work/server-plain.log"
# --log-format json: every line of that server is one JSON object with time, level and message.
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    entry = json.loads(line)
    assert {"time", "level", "message"} <= entry.keys(), line
' "$work/server-plain.log" || fail "the JSON log has a line that is not a JSON object with time, level and message"
wait_until 3 "no refusal of a missing header" grep -q 'result="refused: no PROXY protocol header"' "$work/server-$first.log"
grep -q 'needs a terminal' "$work/out-v1" && grep -q 'connection from=198.51.100.9 via=127.0.0.1' "$work/server-$first.log" \
  || fail "a PROXY v1 header was not read"
say "ok: PROXY v1 and v2 are read; a header without --proxy-protocol, or none with it, is refused and logged (as JSON lines with --log-format json)"
say "passed"

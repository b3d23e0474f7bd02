# Shared by the SSH test scripts (sourced; the script defines `fail`).

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for_port() {
  for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.025; done
  fail "nothing listens on port $1"
}
# Polls until a command succeeds (never a fixed sleep): wait_until SECONDS WHAT COMMAND...
wait_until() {
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 40))); do "$@" && return 0; sleep 0.025; done
  fail "$what"
}

#!/usr/bin/env bash
# The README's alidash-serve.service passes `systemd-analyze verify` with no warning at all, with
# ExecStart pointing at the binary under test. Skipped (and says so) where systemd-analyze is missing.
# Usage: Tests/ssh/systemd-unit.sh PATH/TO/alidash
set -euo pipefail
binary=$(realpath "${1:?usage: systemd-unit.sh PATH/TO/alidash}")
cd "$(dirname "$0")/../.."
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-unit: skipped: no systemd-analyze on this machine"
  exit 0
fi
work=$(mktemp -d /tmp/alidash-unit.XXXXXX)
trap 'rm -rf "$work"' EXIT
awk '/^<!-- alidash-serve.service -->$/ { found = 1; next }
     found && /^```ini$/ { inside = 1; next }
     inside && /^```$/ { exit }
     inside { print }' README.md > "$work/alidash-serve.service"
grep -q '^ExecStart=/usr/local/bin/alidash serve ' "$work/alidash-serve.service" \
  || { echo "systemd-unit: FAIL: no unit with ExecStart=/usr/local/bin/alidash serve in the README"; exit 1; }
sed -i "s|^ExecStart=/usr/local/bin/alidash |ExecStart=$binary |" "$work/alidash-serve.service"
output=$(cd "$work" && systemd-analyze verify ./alidash-serve.service 2>&1) \
  || { echo "systemd-unit: FAIL: $output"; exit 1; }
[ -z "$output" ] || { echo "systemd-unit: FAIL: systemd-analyze warned: $output"; exit 1; }
echo "systemd-unit: ok: the README's alidash-serve.service passes systemd-analyze verify without a warning"

#!/usr/bin/env bash
# The man pages render without a warning and hold what --help cannot say; the completions load in bash
# and offer the pane names; the Debian package installs every file where it belongs into a scratch root
# (dpkg --root) and removes cleanly. Works on the debug build, so `make test` needs no release build.
# Usage: Tests/packaging.sh BIN_DIR   (alidash, alidash-serve and generate-manual in BIN_DIR)
set -euo pipefail
bin=$(realpath "${1:?usage: packaging.sh BIN_DIR}")
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/alidash-packaging.XXXXXX)
trap 'rm -rf "$work"' EXIT
say() { printf 'packaging: %s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }
command -v man >/dev/null 2>&1 || fail "man is missing: run 'make deps' (or 'make test'), which installs man-db"

packaging/docs.sh "$bin" "$bin/generate-manual" "$work/docs" > /dev/null
for page in alidash alidash-serve; do
  warnings=$(MANWIDTH=80 man --warnings -l "$work/docs/man/$page.1" 2>&1 > "$work/$page.txt") || fail "man cannot render $page.1"
  [ -z "$warnings" ] || fail "$page.1 renders with warnings: $warnings"
done
for section in NAME SYNOPSIS DESCRIPTION KEYS PANES FILES ENVIRONMENT 'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
  grep -q "^$section" "$work/alidash.txt" || fail "alidash(1) has no $section section"
done
grep -q 'Cainiao at Liège' "$work/alidash.txt" || fail "alidash(1) lost the è of Liège"
grep -q -- '--proxy-protocol' "$work/alidash-serve.txt" && grep -q '^EXIT STATUS' "$work/alidash-serve.txt" \
  || fail "alidash-serve(1) lacks its options or exit status"
! grep -q 'manual-sections' "$work/alidash.txt" || fail "the hidden manual-sections subcommand is in the page"
# Every option of --help is in the page, so the two cannot drift apart.
for option in $("$bin/alidash" dashboard --help | grep -oE '^  --[a-z-]+' | tr -d ' '); do
  grep -q -- "$option" "$work/alidash.txt" || fail "alidash(1) lacks $option"
done
say "ok: alidash(1) and alidash-serve(1) render without a warning, with keys, panes, files, environment, exit status and examples"

bash -c "source '$work/docs/completions/alidash.bash' && complete -p alidash" | grep -q '_alidash alidash' || fail "the bash completion does not load"
grep -q "'hubs'" "$work/docs/completions/alidash.bash" || fail "the bash completion lacks the pane names"
grep -q "'claims'" "$work/docs/completions/alidash.bash" || fail "the bash completion lacks the export data sets"
[ "$(head -1 "$work/docs/completions/_alidash")" = "#compdef alidash" ] || fail "the zsh completion has no #compdef line"
grep -q "^complete -c 'alidash' " "$work/docs/completions/alidash.fish" || fail "the fish completion completes nothing"
say "ok: bash, zsh and fish completions, with pane and data set names"

packaging/deb.sh "$bin" "$work/docs" "$work/deb" > /dev/null
deb=$(ls "$work"/deb/alidash_*.deb)
root="$work/root"
mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
touch "$root/var/lib/dpkg/status"
# A scratch root has no libc registered, hence --force-depends; nothing touches this machine's own dpkg.
dpkg --root="$root" --force-depends --force-script-chrootless -i "$deb" > "$work/dpkg.log" 2>&1 || fail "dpkg -i: $(cat "$work/dpkg.log")"
for file in usr/bin/alidash usr/bin/alidash-serve usr/share/man/man1/alidash.1.gz usr/share/man/man1/alidash-serve.1.gz \
  usr/share/bash-completion/completions/alidash usr/share/zsh/vendor-completions/_alidash \
  usr/share/fish/vendor_completions.d/alidash.fish lib/systemd/system/alidash-serve.service usr/share/doc/alidash/copyright; do
  [ -f "$root/$file" ] || fail "the package did not install /$file"
done
"$root/usr/bin/alidash" --version | grep -q '^alidash ' || fail "the installed alidash does not run"
grep -q '^ExecStart=/usr/bin/alidash serve ' "$root/lib/systemd/system/alidash-serve.service" || fail "the unit does not run /usr/bin/alidash"
dpkg --root="$root" -r alidash > "$work/dpkg.log" 2>&1 || fail "dpkg -r: $(cat "$work/dpkg.log")"
left=$(find "$root" -mindepth 1 -not -path "$root/var*" -type f)
[ -z "$left" ] || fail "dpkg -r left files behind: $left"
say "ok: the .deb installs every file where it belongs (dpkg --root) and removes cleanly"

#!/usr/bin/env bash
# A Debian package of alidash: both programs, the man pages, the bash/zsh/fish completions, the
# systemd unit of the README (not enabled: it needs /etc/alidash/authorized_keys first) and a copyright
# file. Built with dpkg-deb alone, owned by root, reproducible from the same inputs.
# Usage: packaging/deb.sh BIN_DIR DOCS_DIR OUT_DIR   (DOCS_DIR from packaging/docs.sh)
set -euo pipefail
bin=${1:?usage: deb.sh BIN_DIR DOCS_DIR OUT_DIR}
docs=${2:?usage: deb.sh BIN_DIR DOCS_DIR OUT_DIR}
out=${3:?usage: deb.sh BIN_DIR DOCS_DIR OUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$("$bin/alidash" --version | awk '{ print $2 }')
architecture=$(dpkg --print-architecture)
root=$(mktemp -d "${TMPDIR:-/tmp}/alidash-deb.XXXXXX")
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT

install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/alidash" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d" "$root/lib/systemd/system"
# Stripped, as Debian policy asks (a crash report then names fewer functions).
install -m 0755 "$bin/alidash" "$bin/alidash-serve" "$root/usr/bin/"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/alidash" "$root/usr/bin/alidash-serve"
for page in alidash alidash-serve; do gzip -9n < "$docs/man/$page.1" > "$root/usr/share/man/man1/$page.1.gz"; done
# bash-completion sources the file: no #! line.
sed '1{/^#!/d}' "$docs/completions/alidash.bash" > "$root/usr/share/bash-completion/completions/alidash"
chmod 0644 "$root/usr/share/bash-completion/completions/alidash"
install -m 0644 "$docs/completions/_alidash" "$root/usr/share/zsh/vendor-completions/_alidash"
install -m 0644 "$docs/completions/alidash.fish" "$root/usr/share/fish/vendor_completions.d/alidash.fish"
# The unit as the README shows it, with the package's path for the program.
awk '/^<!-- alidash-serve.service -->$/ { found = 1; next }
     found && /^```ini$/ { inside = 1; next }
     inside && /^```$/ { exit }
     inside { print }' "$here/README.md" | sed 's|^ExecStart=/usr/local/bin/alidash |ExecStart=/usr/bin/alidash |' \
  > "$root/lib/systemd/system/alidash-serve.service"
grep -q '^ExecStart=/usr/bin/alidash serve ' "$root/lib/systemd/system/alidash-serve.service" || { echo "deb: no unit in the README"; exit 1; }
chmod 0644 "$root/lib/systemd/system/alidash-serve.service"

cat > "$root/usr/share/doc/alidash/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: alidash
Comment: The figures come from the public sources each one names (alidash, pane Sources).

Files: *
Copyright: 2026 the alidash authors
License: Apache-2.0
 The Swift packages linked in (swift-argument-parser, swift-nio, swift-nio-ssh, swift-crypto, swift-log,
 swift-metrics, swift-prometheus, swift-atomics, swift-collections, swift-system) are Apache-2.0 as well.
 .
 On Debian systems, the full text of the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0.
COPYRIGHT
printf 'alidash (%s) unstable; urgency=low\n\n  * Built from the alidash sources.\n\n -- alidash authors <alidash@example.org>  %s\n' \
  "$version" "$(date -u -R -d "@$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)")" \
  | gzip -9n > "$root/usr/share/doc/alidash/changelog.gz"

# Depends: the package of every shared library the programs load (libstdc++, libgcc_s and ncurses only
# when the release was linked against them instead of their archives, see packaging/static-link.sh; the
# terminfo database comes from ncurses-base, which every Debian system has).
depends=$(readelf -d "$root/usr/bin/alidash" "$root/usr/bin/alidash-serve" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u |
  while read -r library; do
    case "$library" in
      libc.so.6 | libm.so.6 | ld-linux*.so.*) echo libc6 ;;
      libncursesw.so.6) echo libncursesw6 ;;
      libtinfo.so.6) echo libtinfo6 ;;
      libstdc++.so.6) echo libstdc++6 ;;
      libgcc_s.so.1) echo libgcc-s1 ;;
      # A debug build (as the packaging test uses) loads the Swift toolchain's own libraries, which no
      # Debian package provides; the release build, which `make deb` packages, has them inside.
      libswift*.so | libdispatch.so | libBlocksRuntime.so | libFoundation*.so | lib_Foundation*.so) ;;
      *) echo "deb.sh: no Debian package known for $library" >&2; exit 1 ;;
    esac
  done | sort -u | paste -sd, | sed 's/,/, /g')
[ -n "$depends" ]
size=$(du -sk --exclude=DEBIAN "$root" | awk '{ print $1 }')
cat > "$root/DEBIAN/control" <<CONTROL
Package: alidash
Version: $version
Architecture: $architecture
Maintainer: alidash authors <alidash@example.org>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: terminal dashboard of Alibaba's push into Europe, with fact checks
 alidash shows, in a terminal and over SSH, Cainiao's hub at Liège airport,
 the eWTP hubs in Malaysia and Rwanda, Alibaba's revenue and Singles' Day, and
 how its marketplace differs from Amazon's: every figure with its source and a
 confidence label, and a claim-by-claim check of a 2019 news article.
 .
 alidash-serve (also run as "alidash serve") gives every SSH visitor the
 dashboard and nothing else.
CONTROL
mkdir -p "$out"
deb="$out/alidash_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null
echo "deb: $deb"

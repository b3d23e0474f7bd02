#!/bin/sh
# Prints the swift build flags that link libstdc++, libgcc's unwinder and ncurses (libncursesw and
# libtinfo) from their static archives, after writing DIR/libstdc++.so, DIR/libgcc_s.so and
# DIR/libncursesw.so: linker scripts that name the archives. SwiftPM puts -lstdc++ (and clang -lgcc_s,
# and the CNcursesw module -lncursesw) on the link line itself, so the only way in is a folder searched
# before the system's. The archives are the ones the toolchain's clang links against; when one is missing
# its library is linked shared as before (and with neither pair, this prints nothing).
# Usage: packaging/static-link.sh DIR [SWIFT]
dir=$1
swift=$(command -v "${2:-swift}") || exit 0
clang="$(dirname "$(readlink -f "$swift")")/clang"
[ -x "$clang" ] || exit 0
# Without the archive, clang prints the bare name back.
archive() {
  found=$("$clang" -print-file-name="$1" 2>/dev/null)
  case "$found" in /*) [ -f "$found" ] && echo "$found" ;; esac
}
mkdir -p "$dir" || exit 0
rm -f "$dir/libstdc++.so" "$dir/libgcc_s.so" "$dir/libncursesw.so"
written=
stdcxx=$(archive libstdc++.a) unwinder=$(archive libgcc_eh.a)
if [ -n "$stdcxx" ] && [ -n "$unwinder" ]; then
  echo "INPUT($stdcxx)" > "$dir/libstdc++.so" && echo "INPUT($unwinder)" > "$dir/libgcc_s.so" && written=yes
fi
# libncursesw.so is itself a linker script naming libtinfo; the archive needs libtinfo's archive too.
ncursesw=$(archive libncursesw.a) tinfo=$(archive libtinfo.a)
if [ -n "$ncursesw" ] && [ -n "$tinfo" ]; then
  echo "INPUT($ncursesw $tinfo)" > "$dir/libncursesw.so" && written=yes
fi
[ -n "$written" ] && echo "-Xswiftc -Xclang-linker -Xswiftc -L$dir"
exit 0

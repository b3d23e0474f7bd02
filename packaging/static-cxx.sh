#!/bin/sh
# Prints the swift build flags that link libstdc++ and libgcc's unwinder from their static archives,
# after writing DIR/libstdc++.so and DIR/libgcc_s.so: linker scripts that name the archives. SwiftPM
# puts -lstdc++ (and clang -lgcc_s) on the link line itself, so the only way in is a folder searched
# before the system's. The archives are the ones the toolchain's clang links against; when one is
# missing this prints nothing and the release uses the shared libraries as before.
# Usage: packaging/static-cxx.sh DIR [SWIFT]
dir=$1
swift=$(command -v "${2:-swift}") || exit 0
clang="$(dirname "$(readlink -f "$swift")")/clang"
[ -x "$clang" ] || exit 0
stdcxx=$("$clang" -print-file-name=libstdc++.a 2>/dev/null)
unwinder=$("$clang" -print-file-name=libgcc_eh.a 2>/dev/null)
# Without the archive, clang prints the bare name back.
case "$stdcxx$unwinder" in /*.a/*.a) ;; *) exit 0 ;; esac
[ -f "$stdcxx" ] && [ -f "$unwinder" ] || exit 0
mkdir -p "$dir" || exit 0
echo "INPUT($stdcxx)" > "$dir/libstdc++.so" && echo "INPUT($unwinder)" > "$dir/libgcc_s.so" || exit 0
echo "-Xswiftc -Xclang-linker -Xswiftc -L$dir"

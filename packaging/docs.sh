#!/usr/bin/env bash
# Man pages and shell completions, made from the programs themselves so they never drift from --help:
# swift-argument-parser's generate-manual writes NAME, SYNOPSIS, DESCRIPTION and every option from the
# parsers; `alidash manual-sections` adds keys, panes, files, environment, exit status and examples from
# the key map and pane registry; `--generate-completion-script` writes the bash, zsh and fish completions.
# Usage: packaging/docs.sh BIN_DIR GENERATE_MANUAL OUT_DIR   (BIN_DIR holds alidash and alidash-serve)
set -euo pipefail
bin=${1:?usage: docs.sh BIN_DIR GENERATE_MANUAL OUT_DIR}
generate_manual=${2:?usage: docs.sh BIN_DIR GENERATE_MANUAL OUT_DIR}
out=${3:?usage: docs.sh BIN_DIR GENERATE_MANUAL OUT_DIR}
# The date of the last commit, so the same sources give the same pages.
date=$(git -C "$(dirname "$0")" log -1 --format=%cs 2>/dev/null || date -u +%F)
rm -rf "$out" && mkdir -p "$out/man" "$out/completions" "$out/raw"

"$generate_manual" "$bin/alidash" --date "$date" -o "$out/raw"
"$generate_manual" "$bin/alidash-serve" --date "$date" -o "$out/raw"

# generate-manual drops non-ASCII letters ("Liège" became "Lige") and leaves blank lines, which mdoc
# warns about: put the letter back as a groff escape and make blank lines paragraph breaks. Its EXIT STATUS
# (".Ex -std") gives way to the full one of manual-sections; "1–7" lost its dash; the generated "help"
# subcommand entry says nothing.
tidy() { awk 1 | sed -e 's/Cainiao at Lige/Cainiao at Li\\(`ege/' -e 's/(or 17)/(or 1\\(en7)/g' -e 's/^$/.Pp/' \
  -e '/^\.Sh "EXIT STATUS"$/d' -e '/^\.Ex -std$/d' -e '/^\.It Em help$/,/^\.El$/d'; }
# The hidden manual-sections subcommand is for this script, not for the page.
{ tidy < "$out/raw/alidash.1" | sed -e '/^\.It Em manual-sections$/,/^\.El$/d'; "$bin/alidash" manual-sections; } > "$out/man/alidash.1"
# The server's page is for the program alidash-serve (also run as `alidash serve`), which has no subcommands.
{ tidy < "$out/raw/alidash serve.1" | sed -e 's/^\.Dt "ALIDASH SERVE" 1$/.Dt ALIDASH-SERVE 1/' \
    -e 's/^\.Nm "alidash serve"$/.Nm alidash-serve/' -e '/^\.Ar subcommand$/d'
  "$bin/alidash" manual-sections --serve; } > "$out/man/alidash-serve.1"
rm -rf "$out/raw"

"$bin/alidash" --generate-completion-script bash > "$out/completions/alidash.bash"
"$bin/alidash" --generate-completion-script zsh > "$out/completions/_alidash"
"$bin/alidash" --generate-completion-script fish > "$out/completions/alidash.fish"
echo "docs: man pages and completions in $out"

# alidash: `make run` starts the dashboard, `make test` runs every test (unit, screens, tmux end-to-end, SSH).
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BINDIR = $(DESTDIR)$(PREFIX)/bin
# SwiftPM leaves a few TemporaryDirectory.* folders in $TMPDIR on every call: keep them inside .build
# (`make clean` removes them), so building and testing leave nothing in /tmp.
export TMPDIR := $(CURDIR)/.build/tmp
$(shell mkdir -p "$(TMPDIR)")
# SwiftPM plans the whole build again (3-5 s) whenever its environment differs from the last call, and
# a shell's environment always does (OLDPWD, SHLVL, TMUX_PANE, SSH_CLIENT...). Building in a fixed
# environment makes a second `make run` with nothing changed start the dashboard at once.
BUILD = env -i PATH="$$PATH" HOME="$$HOME" TMPDIR="$(TMPDIR)" $(SWIFT) build
DEBUG_BIN = $$($(BUILD) --show-bin-path)
# Linked by the toolchain's lld with packed relative relocations (DT_RELR, glibc 2.36+): the loader's
# work on the 32 MB position-independent binary drops from 44,000 relocation entries to a bitmap, about
# 0.7 ms of every start, and the binary stays position-independent (address randomisation kept).
# The programs' own symbols stay out of the dynamic symbol table (4,567 entries to 374; nothing loads
# them): the loader then has less to search for every symbol the libraries take from the executable.
RELEASE_LINK = -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic \
	$(STATIC_LINK)
# libstdc++, libgcc's unwinder and ncurses linked in too (see packaging/static-link.sh): loading libstdc++.so and
# running its initializers took about 1 ms of every start, libncursesw.so and libtinfo.so about 0.2 ms
# (their symbol lookups; the terminfo database is read as before). Worked out on first use and kept: targets
# that never build the release do not run the script, and those that do run it once.
STATIC_LINK = $(eval STATIC_LINK := $$(shell packaging/static-link.sh "$(CURDIR)/.build/static-link" "$(SWIFT)"))$(STATIC_LINK)
# No $ORIGIN run path: the release needs no library of its own beside it, and the loader would look for
# each system library in the program's folder first (some twenty failed opens at every start).
# Generic types' metadata reached by direct accessor calls, not by mangled names demangled at run time
# (which for a type like [String: String] also searched every conformance in the binary): 1.3 to 0.4
# million instructions of the start in swift_getTypeByMangledName, 0.7 million fewer in all.
RELEASE_SWIFTC = -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
RELEASE = $(BUILD) -c release --static-swift-stdlib --disable-local-rpath $(RELEASE_LINK) $(RELEASE_SWIFTC)
RELEASE_BIN = $$($(RELEASE) --show-bin-path)

.PHONY: all build release run serve test test-ssh test-serve load-test-serve deps deps-build deps-bench deps-load docs install uninstall deb bench clean

all: build

build: deps-build
	$(BUILD)

# A single binary that needs only libc, libstdc++ and ncurses on the target machine (the data is inside).
release: deps-build
	$(RELEASE)

# Builds only the dashboard (not the SSH server and its libraries), so the first start is quick.
run: deps-build
	$(BUILD) --product alidash
	@"$(DEBUG_BIN)/alidash"

# The SSH server on port 2222 for the keys in ~/.ssh/authorized_keys (see README, "alidash serve").
serve: build
	"$(DEBUG_BIN)/alidash" serve --port 2222 --authorized-keys "$$HOME/.ssh/authorized_keys"

# The end-to-end tests start the debug binary built by the first step. They run after the others,
# on their own, so the CPU-heavy fuzz tests do not slow the terminal under test.
# Then the real OpenSSH tests: through sshd (as root; it says it skipped otherwise), through alidash serve,
# and two alidash serve instances behind HAProxy with the PROXY protocol.
# Last, a check that the run left nothing behind (files, /tmp, processes, the sshd test's user).
test: deps
	Tests/leftovers.sh before
	$(BUILD) --build-tests
	$(SWIFT) test --skip-build --skip EndToEndTests
	ALIDASH_BINARY="$(DEBUG_BIN)/alidash" $(SWIFT) test --skip-build --filter EndToEndTests
	Tests/ssh/ssh-e2e.sh "$(DEBUG_BIN)/alidash"
	Tests/ssh/serve-e2e.sh "$(DEBUG_BIN)/alidash"
	Tests/ssh/haproxy-e2e.sh "$(DEBUG_BIN)/alidash"
	Tests/ssh/systemd-unit.sh "$(DEBUG_BIN)/alidash"
	$(BUILD) --product generate-manual
	Tests/packaging.sh "$(DEBUG_BIN)"
	Tests/leftovers.sh after

# The alidash serve test alone (no root needed).
test-serve: deps build
	Tests/ssh/serve-e2e.sh "$(DEBUG_BIN)/alidash"

# Not part of `make test`: SESSIONS visitors at once (1000 by default) against the release build from one
# asyncssh client, TYPERS of them typing for DURATION seconds, with memory, CPU and round-trip figures.
load-test-serve: deps deps-load release
	Tests/ssh/serve-crowd.sh "$(RELEASE_BIN)/alidash"

# The OpenSSH test alone, with the release binary that `make install` installs (needs root: it creates
# a user and runs a private sshd on 127.0.0.1).
test-ssh: deps release
	Tests/ssh/ssh-e2e.sh "$(RELEASE_BIN)/alidash"

# The one list of Debian packages: what building needs, then what the tests need on top.
RUN_PACKAGES = libncurses-dev
TEST_PACKAGES = $(RUN_PACKAGES) tmux screen openssh-client openssh-server haproxy python3 python3-asyncssh procps man-db binutils
BENCH_PACKAGES = $(RUN_PACKAGES) python3 python3-pyte
LOAD_PACKAGES = $(TEST_PACKAGES)

# Installs the packages that are missing: as root with `apt-get update` first (a fresh machine's package
# lists are empty), otherwise it prints the one command to run and stops.
define install_missing
	@missing=""; \
	for package in $(1); do \
		case "$$package" in \
			libncurses-dev) [ -e /usr/include/ncursesw/curses.h ] ;; \
			openssh-client) command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 ;; \
			openssh-server) [ -x /usr/sbin/sshd ] ;; \
			haproxy) [ -x /usr/sbin/haproxy ] ;; \
			man-db) command -v man >/dev/null 2>&1 ;; \
			binutils) command -v strip >/dev/null 2>&1 ;; \
			procps) command -v pgrep >/dev/null 2>&1 && command -v ps >/dev/null 2>&1 ;; \
			python3-pyte) python3 -c 'import pyte' >/dev/null 2>&1 || /usr/bin/python3 -c 'import pyte' >/dev/null 2>&1 ;; \
			python3-asyncssh) /usr/bin/python3 -c 'import asyncssh' >/dev/null 2>&1 ;; \
			*) command -v "$$package" >/dev/null 2>&1 ;; \
		esac || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing:$$missing"; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update && apt-get install -y --no-install-recommends $$missing; \
		else \
			echo "alidash needs these Debian packages:$$missing. Install them with:"; \
			echo "  sudo apt-get update && sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi
endef

# What `make run` and `make build` need.
deps-build:
	$(call install_missing,$(RUN_PACKAGES))

# What `make test` needs.
deps:
	$(call install_missing,$(TEST_PACKAGES))

# What `make bench` needs.
deps-bench:
	$(call install_missing,$(BENCH_PACKAGES))

deps-load:
	$(call install_missing,$(LOAD_PACKAGES))

# alidash-serve goes beside alidash: `alidash serve` runs it from there.
# Man pages and bash/zsh/fish completions, made from the release programs themselves (packaging/docs.sh).
DOCS = .build/docs
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
SHAREDIR = $(DESTDIR)$(PREFIX)/share
docs: release
	$(BUILD) --product generate-manual
	packaging/docs.sh "$(RELEASE_BIN)" "$(DEBUG_BIN)/generate-manual" $(DOCS)

install: release docs
	install -d "$(BINDIR)" "$(MANDIR)" "$(SHAREDIR)/bash-completion/completions" \
		"$(SHAREDIR)/zsh/site-functions" "$(SHAREDIR)/fish/vendor_completions.d"
	install -m 0755 "$(RELEASE_BIN)/alidash" "$(BINDIR)/alidash"
	install -m 0755 "$(RELEASE_BIN)/alidash-serve" "$(BINDIR)/alidash-serve"
	install -m 0644 $(DOCS)/man/alidash.1 $(DOCS)/man/alidash-serve.1 "$(MANDIR)/"
	install -m 0644 $(DOCS)/completions/alidash.bash "$(SHAREDIR)/bash-completion/completions/alidash"
	install -m 0644 $(DOCS)/completions/_alidash "$(SHAREDIR)/zsh/site-functions/_alidash"
	install -m 0644 $(DOCS)/completions/alidash.fish "$(SHAREDIR)/fish/vendor_completions.d/alidash.fish"

uninstall:
	rm -f "$(BINDIR)/alidash" "$(BINDIR)/alidash-serve" "$(MANDIR)/alidash.1" "$(MANDIR)/alidash-serve.1" \
		"$(SHAREDIR)/bash-completion/completions/alidash" "$(SHAREDIR)/zsh/site-functions/_alidash" \
		"$(SHAREDIR)/fish/vendor_completions.d/alidash.fish"

# A Debian package (dpkg-deb) of the release build in .build/deb: programs, man pages, completions, the
# systemd unit and a copyright file. Checked with lintian when it is installed.
deb: docs
	packaging/deb.sh "$(RELEASE_BIN)" $(DOCS) .build/deb
	@if command -v lintian >/dev/null 2>&1; then lintian --no-tag-display-limit .build/deb/alidash_*.deb; \
	else echo "deb: lintian is not installed; skipped (apt-get install lintian)"; fi

# Start-up, keystroke cost, bytes on the wire and memory against a C ncurses floor, and at 1x, 100x and
# 10,000x the bundled data (generated under .build/bench). Prints a table; writes bench/results/latest.json
# and latest.md. BENCH_ROUNDS=N changes the number of rounds (default 7); see bench/run.py.
BENCH_BUILD = .build/bench
BENCH_CC = $(shell command -v cc || command -v clang)
bench: deps-bench release
	@mkdir -p $(BENCH_BUILD)
	$(BENCH_CC) -O2 -o $(BENCH_BUILD)/floor bench/floor.c $$(pkg-config --cflags --libs ncursesw 2>/dev/null || echo -lncursesw)
	@# The Python that has pyte: python3, else Debian's own (a pyenv or venv python3 may lack the Debian package).
	python=$$(for p in python3 /usr/bin/python3; do $$p -c 'import pyte' 2>/dev/null && { echo $$p; break; }; done); \
	"$${python:-python3}" bench/run.py --alidash "$(RELEASE_BIN)/alidash" \
		--floor $(BENCH_BUILD)/floor --data-dir $(BENCH_BUILD)/data
	python3 bench/startup.py "$(RELEASE_BIN)/alidash" $(BENCH_BUILD)/floor 31
	python=$$(for p in python3 /usr/bin/python3; do $$p -c 'import pyte' 2>/dev/null && { echo $$p; break; }; done); \
	"$${python:-python3}" bench/bytes.py "$(RELEASE_BIN)/alidash" 3

clean:
	rm -rf .build

# alidash: `make run` starts the dashboard, `make test` runs every test (unit, screens, tmux end-to-end, SSH).
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BINDIR = $(DESTDIR)$(PREFIX)/bin
# What a fresh Debian 12 lacks to build and test alidash.
APT_PACKAGES = libncurses-dev tmux pkg-config openssh-client

.PHONY: all build release run serve test test-ssh test-serve load-test-serve deps install uninstall bench clean

all: build

build:
	$(SWIFT) build

# A single binary that needs only libc, libstdc++ and ncurses on the target machine (the data is inside).
release:
	$(SWIFT) build -c release --static-swift-stdlib

# Builds only the dashboard (not the SSH server and its libraries), so the first start is quick.
run: deps
	$(SWIFT) build --product alidash
	"$$($(SWIFT) build --show-bin-path)/alidash"

# The SSH server on port 2222 for the keys in ~/.ssh/authorized_keys (see README, "alidash serve").
serve: deps build
	"$$($(SWIFT) build --show-bin-path)/alidash" serve --port 2222 --authorized-keys "$$HOME/.ssh/authorized_keys"

# The end-to-end tests start the debug binary built by the first step. They run after the others,
# on their own, so the CPU-heavy fuzz tests do not slow the terminal under test.
# Last, the real OpenSSH tests: through sshd (as root; it says it skipped otherwise) and through alidash serve.
test: deps
	$(SWIFT) build
	$(SWIFT) test --skip EndToEndTests
	ALIDASH_BINARY="$$($(SWIFT) build --show-bin-path)/alidash" $(SWIFT) test --filter EndToEndTests
	Tests/ssh/ssh-e2e.sh "$$($(SWIFT) build --show-bin-path)/alidash"
	Tests/ssh/serve-e2e.sh "$$($(SWIFT) build --show-bin-path)/alidash"

# The alidash serve test alone (no root needed).
test-serve: deps build
	Tests/ssh/serve-e2e.sh "$$($(SWIFT) build --show-bin-path)/alidash"

# Not part of `make test`: 50 SSH sessions for a minute against the release build, with memory and CPU figures.
load-test-serve: deps release
	Tests/ssh/serve-load.sh "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/alidash"

# The OpenSSH test alone, with the release binary that `make install` installs (needs root: it creates
# a user and runs a private sshd on 127.0.0.1).
test-ssh: deps release
	Tests/ssh/ssh-e2e.sh "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/alidash"

# Installs the ncurses headers and tmux when they are missing: with apt-get as root, else says how.
deps:
	@missing=""; \
	pkg-config --exists ncursesw 2>/dev/null || dpkg -s libncurses-dev >/dev/null 2>&1 || missing="$$missing libncurses-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v ssh >/dev/null 2>&1 || missing="$$missing openssh-client"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing:$$missing"; \
			apt-get update && apt-get install -y $(APT_PACKAGES); \
		else \
			echo "Missing:$$missing. Install them with:"; \
			echo "  sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES)"; \
			exit 1; \
		fi; \
	fi

# alidash-serve goes beside alidash: `alidash serve` runs it from there.
install: release
	install -d "$(BINDIR)"
	install -m 0755 "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/alidash" "$(BINDIR)/alidash"
	install -m 0755 "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/alidash-serve" "$(BINDIR)/alidash-serve"

uninstall:
	rm -f "$(BINDIR)/alidash" "$(BINDIR)/alidash-serve"

# Start-up, keystroke cost, bytes on the wire and memory against a C ncurses floor, and at 1x, 100x and
# 10,000x the bundled data (generated under .build/bench). Prints a table; writes bench/results/latest.json
# and latest.md. BENCH_ROUNDS=N changes the number of rounds (default 7); see bench/run.py.
BENCH_BUILD = .build/bench
bench: deps release
	@mkdir -p $(BENCH_BUILD)
	$(CC) -O2 -o $(BENCH_BUILD)/floor bench/floor.c $$(pkg-config --cflags --libs ncursesw 2>/dev/null || echo -lncursesw)
	python3 bench/run.py --alidash "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/alidash" \
		--floor $(BENCH_BUILD)/floor --data-dir $(BENCH_BUILD)/data

clean:
	rm -rf .build

# Two entry points: `make run` opens the library of Articles/, `make test` runs every test.
# Both install the system packages Gloss needs first (Debian/Ubuntu, via apt-get).

SYSTEM_PACKAGES := pkg-config libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libsqlite3-dev libcurl4 ca-certificates tmux less
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build release fuzz

deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --product gloss --static-swift-stdlib

run: release
	.build/release/gloss $(ARGS)

# `make test` also runs the suite under AddressSanitizer and every fuzz target for FUZZ_SECONDS
# seconds (docs/FUZZING.md); leaks inside dependencies are suppressed by Fuzz/lsan.supp.
FUZZ_SECONDS ?= 8

test: build
	swift test --parallel
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp swift test --sanitize=address --scratch-path .build-asan --parallel
	Fuzz/run $(FUZZ_SECONDS)

# The long fuzzing run: every target for 10 minutes.
fuzz: deps
	Fuzz/run 600

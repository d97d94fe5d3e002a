# Two entry points: `make run` opens the library of Articles/, `make test` runs every test.
# Both install the system packages Gloss needs first (Debian/Ubuntu, via apt-get).

SYSTEM_PACKAGES := pkg-config libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libcurl4 ca-certificates tmux less
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build release

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

test: build
	swift test --parallel

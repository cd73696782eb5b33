# Flexo — the two commands of the README, on a fresh Debian 12 machine:
#   make run    install what is missing, build, start Flexo on the example document
#   make test   install what is missing, build, run every suite (and the unit
#               suites again under AddressSanitizer/UndefinedBehaviorSanitizer)
# Packagers: see the plain meson commands in README.md.

BUILDDIR ?= _build
ASANDIR  ?= _build-asan
SCREEN   ?= 1600x1000x24

# Debian 12 packages needed to build, run and test Flexo.
PACKAGES = \
	gcc libc6-dev pkg-config meson ninja-build \
	libglib2.0-dev libgtk-4-dev libadwaita-1-dev libxml2-dev libcairo2-dev libpango1.0-dev \
	check gettext desktop-file-utils appstream libglib2.0-bin \
	adwaita-icon-theme fonts-cantarell fonts-dejavu-core \
	librsvg2-bin poppler-utils \
	xvfb xauth dbus dbus-x11 xdotool libxml2-utils

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON := $(shell [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)

# GUI suites need a display: use Xvfb when there is none, and a private
# session bus when there is none.
ifeq ($(strip $(DISPLAY)$(WAYLAND_DISPLAY)),)
XRUN = xvfb-run -a -s '-screen 0 $(SCREEN) -noreset'
endif
# The editor's figures need a display as large as the measured view.
ifeq ($(strip $(DISPLAY)$(WAYLAND_DISPLAY)),)
BENCH_XRUN = xvfb-run -a -s '-screen 0 2000x1200x24 -noreset'
endif
ifeq ($(strip $(DBUS_SESSION_BUS_ADDRESS)),)
DBUS = dbus-run-session --
endif

EXAMPLE = $(firstword $(wildcard resources/examples/*.flexo))
RUN_ENV = GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/resources FLEXO_LOCALEDIR=$(BUILDDIR)/po

.PHONY: all deps setup build run test bench clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

setup: deps
	@[ -f $(BUILDDIR)/build.ninja ] || meson setup $(BUILDDIR)

build: setup
	meson compile -C $(BUILDDIR)

run: build
	$(RUN_ENV) $(BUILDDIR)/app/flexo $(EXAMPLE)

test: build
	@rm -f $(BUILDDIR)/meson-logs/testlog.json $(ASANDIR)/meson-logs/testlog.json; \
	status=0; \
	$(DBUS) $(XRUN) meson test -C $(BUILDDIR) --print-errorlogs || status=1; \
	{ [ -f $(ASANDIR)/build.ninja ] || \
	  meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false; } && \
	meson compile -C $(ASANDIR) && \
	meson test -C $(ASANDIR) --suite unit --print-errorlogs || status=1; \
	$(PYTHON) tests/summarize.py --require=unit,gui,data $(BUILDDIR) $(ASANDIR) || status=1; \
	exit $$status

# The benchmark measures a release build, as packagers ship it.
BENCHDIR ?= _build-release
SHAPES ?= 100000
bench: deps
	@[ -f $(BENCHDIR)/build.ninja ] || meson setup $(BENCHDIR) --buildtype=release
	meson compile -C $(BENCHDIR) flexo-bench
	GSK_RENDERER=cairo GDK_BACKEND=x11 $(BENCH_XRUN) $(BENCHDIR)/tests/bench/flexo-bench run --shapes $(SHAPES) --json $(BENCHDIR)/bench.json

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(BENCHDIR)

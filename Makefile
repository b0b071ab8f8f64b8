# permille: build, test, install.
#   make                       release build (.build-install/release/permille)
#   make install PREFIX=DIR    DIR/bin/permille and its factor tables in DIR/share/permille (default /usr/local)
#   make uninstall PREFIX=DIR  removes both
#   make test                  the test suite (as CI runs it)
# The installed program finds its tables at ../share/permille/Indicators beside its real path;
# `permille --indicators DIR` still reads another folder. The Swift runtime is linked statically,
# so the program runs on machines without a Swift toolchain (it needs libxml2).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# Its own build folder: the static-runtime flags would otherwise rebuild .build/release from scratch.
SCRATCH ?= .build-install
BIN = $(SCRATCH)/release/permille
BINDIR = $(DESTDIR)$(PREFIX)/bin
DATADIR = $(DESTDIR)$(PREFIX)/share/permille

.PHONY: all build install uninstall test clean

all: build

build:
	$(SWIFT) build -c release --product permille --static-swift-stdlib --scratch-path $(SCRATCH)

install: build
	install -d "$(BINDIR)" "$(DATADIR)"
	install -m 755 "$(BIN)" "$(BINDIR)/permille"
	rm -rf "$(DATADIR)/Indicators"
	cp -R Indicators "$(DATADIR)/Indicators"
	@echo "installed $(BINDIR)/permille with its factor tables in $(DATADIR)/Indicators"

uninstall:
	rm -f "$(BINDIR)/permille"
	rm -rf "$(DATADIR)"

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf $(SCRATCH)

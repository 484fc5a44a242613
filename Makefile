# make install [PREFIX=/usr/local]: builds savnet for release and copies the binary to
# PREFIX/bin. The default theme and the gazetteer are built into it: nothing else is needed
# at run time besides libcmark-gfm (scripts/setup.sh installs it).
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin

.PHONY: build install uninstall test

build:
	scripts/setup.sh
	swift build -c release --product savnet

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$(swift build -c release --show-bin-path)/savnet" "$(DESTDIR)$(BINDIR)/savnet"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/savnet"

test:
	scripts/setup.sh && swift test --disable-swift-testing

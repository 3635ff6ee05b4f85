# proofkeys: build, run and test.
#
# On a fresh Debian 12 / Ubuntu 22.04+ machine `make run` and `make test` do all the setup
# themselves: every target first runs scripts/setup-debian.sh, which installs only what is
# missing (system packages, the frontend's npm packages) and takes well under a second when
# all is there. Go 1.26 and Node.js 20.19+ must be on PATH.
#
# The app is built with plain `go build`, exactly as `wails build` would: the Wails CLI is
# needed only to regenerate the frontend bindings (make bindings) and for the Windows
# installer (make release-windows). Debian 12 has WebKitGTK 4.1 only, hence the webkit2_41
# build tag on Linux.
#
# `make help` lists the targets.

SHELL := /bin/sh
.DEFAULT_GOAL := help

GO       ?= go
APP      := proofkeys
BIN      := build/bin/$(APP)
DEV_BIN  := build/bin/$(APP)-dev
PORT     ?= 34115
ARGS     ?=
LINUX_TAGS := webkit2_41
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
REVIVE      := github.com/mgechev/revive@v1.5.1
GO_TEST_FLAGS ?= -timeout 15m
NFPM     := build/bin/nfpm

# The version every build states (proofkeys --version, the support bundle): the newest tag,
# with the commits since and -dirty for uncommitted changes (v1.2.0-3-gabc1234-dirty); the
# commit alone when there is no tag yet; dev outside git. Worked out once per make (:=), so
# that all the files of one release state the same; VERSION=... on the command line wins.
ifeq ($(origin VERSION),undefined)
VERSION := $(shell git describe --tags --dirty --always 2>/dev/null || echo dev)
endif
# PROOF_ROOTS lists the Proof roots a release trusts ("pkroot1_... NAME;pkroot1_... NAME",
# README: Proof's root keys); empty, the binary accepts no enablement code.
PROOF_ROOTS ?=
LDFLAGS  := -X main.version=$(VERSION) -X 'proofkeys/backend/enablement.builtInRoots=$(PROOF_ROOTS)'
# The app and dev builds link the window's libraries (GTK, WebKitGTK) with --as-needed ahead
# of every -l: the binary's own trampolines stand for their functions (backend/lazygui, made
# by make lazygui), so the libraries are not DT_NEEDED, and the app opens them (dlopen) only
# when the window is about to open. A command-line run never loads them.
GUI_LINK := CGO_LDFLAGS="$(strip $(or $(CGO_LDFLAGS),-O2 -g) -Wl,--as-needed)"

# The frontend is rebuilt when one of these is newer than frontend/dist/index.html.
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/wailsjs -type f 2>/dev/null) \
  $(wildcard frontend/index.html frontend/package.json frontend/package-lock.json \
    frontend/vite.config.* frontend/svelte.config.* frontend/tsconfig*.json)
FRONTEND := frontend/dist/index.html

TEST_TARGETS := lint test-go test-frontend test-e2e test-smoke test-windows test-install

.PHONY: help setup frontend build build-dev build-server run dev-server bindings lazygui lint \
  test test-go test-frontend test-e2e test-smoke test-windows test-install \
  release release-linux release-windows release-macos bench bench-ui clean

help: ## list the targets
	@echo "make TARGET, where TARGET is one of:"
	@sed -n 's/^\([a-z0-9-]*\):.*## \(.*\)/\1|\2/p' $(MAKEFILE_LIST) | awk -F'|' '{ printf "  %-14s %s\n", $$1, $$2 }'

setup: ## install what is missing: system packages and the frontend's npm packages
	@scripts/setup-debian.sh

$(FRONTEND): $(FRONTEND_SOURCES) | setup
	cd frontend && npm run build
	@touch $@

frontend: $(FRONTEND) ## build the web UI into frontend/dist

# -buildmode=pie: the address space layout randomisation Debian expects of a packaged binary.
build: $(FRONTEND) | setup ## the production binary, build/bin/proofkeys (PROOF_ROOTS=... for a release)
	$(GUI_LINK) $(GO) build -tags desktop,production,$(LINUX_TAGS) -buildmode=pie -ldflags "-w -s $(LDFLAGS)" -o $(BIN) .

build-dev: $(FRONTEND) | setup ## the dev binary (serves the UI to a browser), build/bin/proofkeys-dev
	$(GUI_LINK) $(GO) build -tags dev,$(LINUX_TAGS) -ldflags "$(LDFLAGS)" -o $(DEV_BIN) .

run: build ## build and open the app on its default data folder and the OS vault (ARGS=... for flags)
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "make run: no desktop session here (DISPLAY and WAYLAND_DISPLAY are unset)." >&2; \
	  echo "  To use the app in a browser instead: make dev-server, then open http://127.0.0.1:$(PORT)" >&2; \
	  exit 1; \
	fi
	./$(BIN) $(ARGS)

dev-server: build-dev ## serve the real UI and Go methods at http://127.0.0.1:$PORT (34115) until Ctrl-C
	PORT=$(PORT) scripts/dev-server.sh $(DEV_BIN)

lazygui: $(FRONTEND) | setup ## regenerate backend/lazygui's trampolines after a Wails, GTK or WebKitGTK upgrade
	$(GO) run ./scripts/lazyguigen

bindings: setup ## regenerate frontend/wailsjs from the bound Go methods (builds the Wails CLI once)
	wails=$$(scripts/wails-cli.sh) && "$$wails" generate module -tags $(LINUX_TAGS)

lint: $(FRONTEND) | setup ## gofmt, go vet, staticcheck, revive (doc comments), shellcheck, svelte-check
	@unformatted=$$(find . -name '*.go' -not -path './frontend/*' -not -path './build/*' -not -path './.git/*' \
	  -exec gofmt -l {} +); \
	if [ -n "$$unformatted" ]; then echo "gofmt -l: run gofmt -w on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags dev,$(LINUX_TAGS) .
	$(GO) vet -tags server ./backend/cli
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags server ./backend/cli
	$(GO) run $(REVIVE) -config revive.toml ./...
	shellcheck scripts/*.sh .ci/run
	cd frontend && npm run check

test-go: $(FRONTEND) | setup ## Go tests, on a private Xvfb with a private Secret Service
	scripts/with-xvfb.sh scripts/with-keyring.sh $(GO) test $(GO_TEST_FLAGS) ./...
	$(GO) test $(GO_TEST_FLAGS) -tags server -run Server ./backend/cli

test-frontend: setup ## component tests (vitest)
	cd frontend && CI=true npm test

test-e2e: build-dev build-server ## the help article's steps in headless Chromium against the dev build; a shared organization on two of them
	scripts/e2e.sh
	scripts/e2e-shared.sh

build-server: ## the server build for a shared organization, build/bin/proofkeys-server
	$(GO) build -tags server -ldflags "$(LDFLAGS)" -o build/bin/proofkeys-server .

test-smoke: build ## the production binary: a command loads no GUI library; on Xvfb: window, screenshot (build/smoke.png), clean exit
	PROOFKEYS_BIN=$(abspath $(BIN)) $(GO) test -count=1 -tags builtbinary -run BuiltBinary ./scripts/lazyguigen
	$(GO) test -count=1 -tags $(LINUX_TAGS) ./backend/lazygui
	scripts/smoke.sh $(BIN)

test-windows: release-windows ## the Windows installer: built, holds the app, keeps the data folder
	scripts/check-windows-installer.sh dist/$(APP)-amd64-installer.exe

test-install: release-linux ## the .deb: lintian and validators, install, run as the menu does, purge (as root)
	scripts/test-install.sh dist/$(APP)_*_amd64.deb $(VERSION)

release: release-linux release-windows ## dist/: the .deb, the .rpm, the Windows installer and SHA256SUMS
	cd dist && rm -f SHA256SUMS && sha256sum $(APP)_*_amd64.deb $(APP)-*.x86_64.rpm $(APP)-amd64-installer.exe >SHA256SUMS
	@ls -l dist

release-linux: build $(NFPM) ## dist/: the .deb and the .rpm (nfpm, build/linux/)
	scripts/release-linux.sh $(BIN) $(VERSION) $(NFPM)

release-windows: $(FRONTEND) | setup ## dist/: the Windows installer (Wails' NSIS template, build/windows/)
	PK_LDFLAGS="$(LDFLAGS)" scripts/release-windows.sh $(VERSION)

release-macos: ## on a Mac only: build/bin/proofkeys.app and dist/proofkeys-macos-universal.zip
	scripts/release-macos.sh $(VERSION)

# nfpm, a build tool only: its own module (tools/go.mod) keeps it out of the app's
# dependencies.
$(NFPM): tools/go.mod tools/go.sum
	cd tools && $(GO) build -o ../$(NFPM) github.com/goreleaser/nfpm/v2/cmd/nfpm

# Every test target runs, even after a failure; then a summary with times, and the exit
# code says whether all passed.
test: setup ## all of the above: lint test-go test-frontend test-e2e test-smoke test-windows test-install
	@failed=0; passed=0; summary=""; \
	for t in $(TEST_TARGETS); do \
	  echo "==== make $$t"; \
	  start=$$(date +%s); \
	  if $(MAKE) --no-print-directory $$t; then r=ok; passed=$$((passed + 1)); \
	  else r=FAILED; failed=$$((failed + 1)); fi; \
	  summary="$$summary$$(printf '\n  %-14s %-6s %4s s' "$$t" "$$r" "$$(($$(date +%s) - start))")"; \
	done; \
	echo "==== make test:$$summary"; \
	echo "targets: $$passed passed, $$failed failed"; \
	[ "$$failed" -eq 0 ]

bench: $(FRONTEND) | setup ## benchmarks of the backend, with the real Secret Service, then bench-ui
	scripts/with-xvfb.sh scripts/with-keyring.sh $(GO) test -bench=. -run='^$$' ./backend/...
	$(MAKE) --no-print-directory bench-ui

bench-ui: build build-dev ## UI benchmarks: search keystroke with 10,000 keys, start-up and memory vs a bare Wails app
	scripts/bench-ui.sh

.PHONY: soak
soak: | setup ## the long kill -9 soak: 500 kills during concurrent generate, delete and replace, each checked
	PROOFKEYS_SOAK_KILLS=500 scripts/with-keyring.sh $(GO) test -run '^TestSoak$$' -count=1 -v -timeout 90m ./backend/keys/

clean: ## remove what the build and tests made
	rm -rf build/bin dist build/smoke.png build/smoke-installed.png build/windows/installer/tmp build/e2e-api-keys.png build/e2e-failure.png build/e2e-app.log
	find frontend/dist -mindepth 1 -not -name .gitkeep -delete 2>/dev/null || true

# The sqlite_fts5 build tag compiles SQLite's full-text search into the
# binary; every target passes it.
GO      ?= go
TAGS    := sqlite_fts5
BIN     := ./citebot
SHARED  ?= ../shared

# retrieval/ftsrank is C linked against the SQLite inside go-sqlite3; it
# is compiled with that module's own header (cgo's default flags kept).
SQLITE_SRC := $(shell $(GO) mod download github.com/mattn/go-sqlite3 >/dev/null 2>&1; $(GO) list -m -f '{{.Dir}}' github.com/mattn/go-sqlite3 2>/dev/null)
export CGO_CFLAGS ?= -O2 -g
ifneq ($(SQLITE_SRC),)
CGO_CFLAGS += -I$(SQLITE_SRC)
endif

.PHONY: all build run demo test vet fuzz bench eval clean

all: build

# The Dockerfile runs this same target.
build:
	CGO_ENABLED=1 $(GO) build -tags $(TAGS) -trimpath -ldflags="-s -w" -o $(BIN) ./cmd/citebot

# The main job: the Discord bot when DISCORD_TOKEN is set (over the folder in
# CITEBOT_CORPUS, by default the example corpus), else the console demo.
run: build
	@if [ -n "$$DISCORD_TOKEN" ]; then \
		$(BIN) index --corpus "$${CITEBOT_CORPUS:-examples/corpus}" && $(BIN) serve; \
	else \
		$(BIN) demo; \
	fi

# Try citebot on the bundled example corpus (no Discord needed).
demo: build
	$(BIN) demo

# The test command CI runs: the product, then the benchmark harness's own
# module (bench/, which pulls in Bleve).
test:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) ./...
	cd bench && $(GO) vet -tags $(TAGS) . && $(GO) test -tags $(TAGS) .

fuzz:
	$(GO) test -tags $(TAGS) -run=^$$ -fuzz=FuzzSearch -fuzztime=60s ./retrieval/
	$(GO) test -tags $(TAGS) -run=^$$ -fuzz=FuzzParse -fuzztime=60s ./corpus/
	$(GO) test -tags $(TAGS) -run=^$$ -fuzz=FuzzTagTimex -fuzztime=60s ./corpus/

# The benchmark harness (bench/, a module of its own): citebot against Bleve
# and plain SQLite FTS5 on the shared data and, when bench/large-corpus.sh
# has made it, the large corpus. Results go to bench/results/.
bench:
	cd bench && $(GO) run -tags $(TAGS) . -shared $(abspath $(SHARED))/bench

# The in-package Go benchmarks.
bench-go:
	$(GO) test -tags $(TAGS) -run=^$$ -bench=. -benchmem ./retrieval/ ./corpus/

# Accuracy on the shared acceptance data, when it sits beside the checkout.
eval: build
	python3 $(SHARED)/eval/score.py --bin $(BIN) --corpus $(SHARED)/corpus --gold $(SHARED)/eval/seeds.jsonl --verbose
	python3 $(SHARED)/eval/score.py --bin $(BIN) --corpus examples/corpus --gold examples/gold.jsonl --verbose

clean:
	rm -f $(BIN)

# Build stage: cgo is needed for SQLite, and the sqlite_fts5 tag compiles in
# full-text search. It runs `make build`, the same target CI runs.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN make build BIN=/out/citebot

# Run stage: a small Debian with only the C library the binary links to.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 --home-dir /data citebot \
	&& mkdir -p /data /corpus && chown citebot /data
COPY --from=build /out/citebot /usr/local/bin/citebot
USER citebot
# The index lives on a volume so it survives new images; mount documents at /corpus.
ENV CITEBOT_DB=/data/index.db
VOLUME ["/data"]
ENTRYPOINT ["citebot"]
CMD ["help"]

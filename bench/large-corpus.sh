#!/bin/sh
# large-corpus.sh builds the large benchmark corpus: at least 500 MB of
# real English text and 1 million passages, as JSON Lines files in
# $DATA/large (DATA defaults to /var/tmp/citebot-bench, outside the repo).
#
#   sudo apt-get install anarchism python3.11-doc linux-doc-6.1 dict-gcide   (done here when root)
#   bench/large-corpus.sh [DATA]
#
# What goes in, in this order:
#   1. Debian packages that ship English text, converted by `go run . mkcorpus`
#      (long files cut into documents of at most 40 paragraphs / 32 KB):
#        anarchism      /usr/share/doc/anarchism/markdown/*.md.gz  (An Anarchist FAQ)
#        python3.11-doc /usr/share/doc/python3.11/html/_sources/**/*.rst.txt
#        linux-doc-6.1  /usr/share/doc/linux-doc-6.1/html/_sources/**/*.txt (the reStructuredText sources)
#        dict-gcide     /usr/share/dictd/gcide.dict.dz (GNU Collaborative International Dictionary)
#      PACKAGES (default "anarchism python linux gcide") picks which of them go in.
#   2. Reuters-21578 from the shared bench data, repeated with the ids
#      rewritten to reuters-cNN-<n> until the folder holds TARGET_MB (default
#      600) MB of JSON Lines, a little over 500 MB of passage text.
set -eu
DATA=${1:-${CITEBOT_BENCH_DATA:-/var/tmp/citebot-bench}}
TARGET_MB=${TARGET_MB:-600}
PACKAGES=${PACKAGES:-anarchism python linux gcide}
HERE=$(cd "$(dirname "$0")" && pwd)
REUTERS=${REUTERS:-$HERE/../../shared/bench/news/reuters/reuters21578.jsonl.gz}
OUT=$DATA/large
PKGS="anarchism python3.11-doc linux-doc-6.1 dict-gcide"

missing=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
	else
		echo "install first: sudo apt-get install $missing" >&2
		exit 2
	fi
fi

rm -rf "$OUT"
mkdir -p "$OUT"
cd "$HERE"
mk() { go run -tags sqlite_fts5 . mkcorpus -out "$OUT" "$@"; }
for p in $PACKAGES; do
	case $p in
	anarchism) mk -prefix anarchism -ext .md /usr/share/doc/anarchism/markdown ;;
	python) mk -prefix python -ext .rst.txt /usr/share/doc/python3.11/html/_sources ;;
	linux) mk -prefix linux -ext .txt /usr/share/doc/linux-doc-6.1/html/_sources ;;
	gcide) mk -prefix gcide -ext .dict /usr/share/dictd/gcide.dict.dz ;;
	*) echo "unknown package text $p" >&2; exit 2 ;;
	esac
done

i=1
while [ "$(du -sm "$OUT" | cut -f1)" -lt "$TARGET_MB" ]; do
	n=$(printf %02d "$i")
	gzip -dc "$REUTERS" | sed "s/\"id\": \"reuters-/\"id\": \"reuters-c$n-/" > "$OUT/reuters-c$n.jsonl"
	i=$((i + 1))
done
echo "large corpus: $(du -sh "$OUT" | cut -f1) in $(ls "$OUT" | wc -l) files, $((i - 1)) Reuters copies, in $OUT"

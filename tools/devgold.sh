#!/bin/sh
# Blind development gold (testdata/devgold): extract the forty articles listed
# in testdata/devgold/ids.txt (first ten, devgold.gold.json), ids2.txt
# (second ten, devgold2.gold.json), ids3.txt (third ten, devgold3.gold.json)
# and ids4.txt (fourth ten, devgold4.gold.json) from shared/data/arabic-news (found walking up from
# the repository, as internal/shareddata does; the corpus is CC BY-NC-SA and is
# never copied into the repository, so testdata/devgold/articles.jsonl is
# git-ignored), run `marsad extract` on them once and score with
# shared/eval/score.py: the first ten, the second ten, all twenty (as before
# the third ten, so the old figures stay comparable), the third ten, all
# thirty (the first three sets, as before the fourth ten), and the fourth ten
# (a blind yardstick: scored alone, in no union yet, and without --misses so
# that no rule is written from its misses).
#
# usage: tools/devgold.sh [MARSAD_BINARY]   (default: go build to /tmp/devgold-m)
# Skips with a message, exit 0, where the shared folder is absent.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=$repo
shared=
while :; do
	if [ -d "$dir/shared/data/arabic-news" ]; then shared=$dir/shared; break; fi
	[ "$dir" = / ] && break
	dir=$(dirname "$dir")
done
if [ -z "$shared" ]; then
	echo "devgold: shared/data/arabic-news not found above $repo: skipped" >&2
	exit 0
fi
bin=${1:-}
if [ -z "$bin" ]; then
	bin=/tmp/devgold-m
	(cd "$repo" && go build -o "$bin" ./cmd/marsad)
fi
gold=$repo/testdata/devgold
python3 - "$shared/data/arabic-news" "$gold/ids.txt" "$gold/ids2.txt" "$gold/ids3.txt" "$gold/ids4.txt" >"$gold/articles.jsonl" <<'PY'
import json, sys, os
d = sys.argv[1]
ids = [l.strip() for f in sys.argv[2:] for l in open(f) if l.strip()]
found = {}
for f in ("libya_articles.jsonl", "general_saudinewsnet_5000.jsonl"):
    for line in open(os.path.join(d, f), encoding="utf-8"):
        i = json.loads(line)["id"]
        if i in ids:
            found[i] = line
missing = [i for i in ids if i not in found]
if missing:
    sys.exit("devgold: ids not in arabic-news: " + " ".join(missing))
for i in ids:
    sys.stdout.write(found[i])
PY
out=${DEVGOLD_OUT:-/tmp/devgold-s.jsonl}
"$bin" extract "$gold/articles.jsonl" >"$out"
union() {
	python3 - "$@" <<'PY'
import json, sys
gs = [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]
json.dump({"about": "union of " + " ".join(sys.argv[1:]),
           "documents": [d for g in gs for d in g["documents"]]}, sys.stdout, ensure_ascii=False)
PY
}
union=${out%.jsonl}.union.gold.json
union "$gold/devgold.gold.json" "$gold/devgold2.gold.json" >"$union"
union30=${out%.jsonl}.union30.gold.json
union "$gold/devgold.gold.json" "$gold/devgold2.gold.json" "$gold/devgold3.gold.json" >"$union30"
echo "== first ten (devgold.gold.json)"
python3 "$shared/eval/score.py" --misses "$gold/devgold.gold.json" "$out"
echo "== second ten (devgold2.gold.json)"
python3 "$shared/eval/score.py" --misses "$gold/devgold2.gold.json" "$out"
echo "== all twenty"
python3 "$shared/eval/score.py" "$union" "$out"
echo "== third ten (devgold3.gold.json)"
python3 "$shared/eval/score.py" --misses "$gold/devgold3.gold.json" "$out"
echo "== all thirty"
python3 "$shared/eval/score.py" "$union30" "$out"
echo "== fourth ten (devgold4.gold.json)"
python3 "$shared/eval/score.py" "$gold/devgold4.gold.json" "$out"

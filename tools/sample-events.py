#!/usr/bin/env python3
"""Draw a fixed random sample of events from `marsad extract` output, to read and judge by hand.

    marsad extract ../shared/data/arabic-news/*.jsonl > out.jsonl
    python3 tools/sample-events.py out.jsonl 50 --seed 1 > sample.tsv

Each row: number, document, type, mode, modality, trigger, actor, recipients, location, date_text, the sentence.
The reader adds two columns (type right? actor right?) and the counts go into docs/BENCHMARKS.md. The same seed on
the same output draws the same events, so a judged sample can be checked by anyone.
"""
import argparse
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extract", help="JSON Lines written by marsad extract")
    ap.add_argument("n", type=int, help="events to draw")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--types", default="", help="comma-separated PLOVER types to draw from (default: all)")
    args = ap.parse_args()
    want = {t for t in args.types.split(",") if t}
    events = []
    with open(args.extract, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for e in doc.get("events", []):
                if not want or e["type"] in want:
                    events.append((doc["doc"], e))
    if not events:
        sys.exit("no events in " + args.extract)
    rnd = random.Random(args.seed)
    sample = rnd.sample(events, min(args.n, len(events)))
    w = sys.stdout
    w.write("n\tdoc\ttype\tmode\tmodality\ttrigger\tactor\trecipients\tlocation\tdate_text\tsentence\n")
    for i, (doc, e) in enumerate(sample, 1):
        cols = [str(i), doc, e["type"], e.get("mode") or "", e.get("modality") or "", e.get("trigger") or "",
                e.get("actor") or "", "، ".join(e.get("recipients") or []), e.get("location") or "",
                e.get("date_text") or "", " ".join(e.get("sentence", "").split())]
        w.write("\t".join(cols) + "\n")
    print(f"{len(sample)} of {len(events)} events", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compare the events of two `marsad extract` outputs of the same input, to read what a change did.

    python3 tools/event-diff.py before.jsonl after.jsonl            # counts only
    python3 tools/event-diff.py before.jsonl after.jsonl 7 30 20    # and 30 added, 20 removed events drawn with seed 7

An event is keyed by type, mode, actor, recipients, location, modality and sentence start: an event whose place or
actor changed counts as one removed and one added. Prints the documents that changed, the event totals, added and
removed events by type, then the drawn events with their sentences.
"""
import collections
import json
import random
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            out[o["doc"]] = o.get("events") or []
    return out


def key(e):
    return (e["type"], e.get("mode", ""), e.get("actor", ""), tuple(e.get("recipients") or []),
            e.get("location", ""), e.get("modality", ""), e["start"])


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    a, b = load(sys.argv[1]), load(sys.argv[2])
    add, rem, docs = [], [], 0
    for doc in b:
        ka = collections.Counter(key(e) for e in a.get(doc, []))
        kb = collections.Counter(key(e) for e in b[doc])
        if ka != kb:
            docs += 1
        ea = {key(e): e for e in a.get(doc, [])}
        eb = {key(e): e for e in b[doc]}
        add += [(doc, eb[k]) for k in kb - ka]
        rem += [(doc, ea[k]) for k in ka - kb]
    print("docs changed", docs, "events before", sum(len(v) for v in a.values()), "after", sum(len(v) for v in b.values()))
    print("added", len(add), collections.Counter(e["type"] for _, e in add).most_common())
    print("removed", len(rem), collections.Counter(e["type"] for _, e in rem).most_common())
    if len(sys.argv) > 3:
        r = random.Random(int(sys.argv[3]))
        na = int(sys.argv[4]) if len(sys.argv) > 4 else 30
        nr = int(sys.argv[5]) if len(sys.argv) > 5 else 20
        for tag, lst, n in (("ADD", add, na), ("REM", rem, nr)):
            for doc, e in r.sample(lst, min(n, len(lst))):
                print(f"{tag} {doc} {e['type']}/{e.get('mode', '')} A={e.get('actor', '')} R={e.get('recipients')} "
                      f"L={e.get('location', '')} M={e.get('modality')} T={e.get('trigger', '')}\n   {e['sentence'][:400]}\n")


if __name__ == "__main__":
    main()

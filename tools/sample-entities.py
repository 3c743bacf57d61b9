#!/usr/bin/env python3
"""Draw entities of an `extract` output at random, for reading by hand.

    python3 tools/sample-entities.py OUT.jsonl SEED [N]

N times (default 60): a random article with entities, then a random entity of
it; prints its type, canonical name, up to six mentions in context and the
article's other entities sharing a word with it. The same seed draws the same
articles from two outputs of the same input, so before and after are read in
pairs. Used for docs/ENTITIES.md (branch ent8).
"""
import json, random, sys

docs = [json.loads(l) for l in open(sys.argv[1])]
r = random.Random(int(sys.argv[2]))
n = int(sys.argv[3]) if len(sys.argv) > 3 else 60
out = 0
while out < n:
    d = r.choice(docs)
    if not d.get('entities'):
        continue
    e = r.choice(d['entities'])
    t = d['text']
    out += 1
    print(f"#{out} [{d['doc']}] {e['type']} «{e['name']}» ({len(e['mentions'])} mentions)")
    for m in e['mentions'][:6]:
        s, en = m['start'], m['end']
        print(f"   {m['text']!r}: …{t[max(0, s-45):s]}⟦{t[s:en]}⟧{t[en:en+45]}…".replace('\n', ' '))
    words = set(e['name'].split())
    others = [o['name'] + '/' + o['type'] for o in d['entities']
              if o is not e and (set(o['name'].split()) & words or any(w in o['name'] for w in words if len(w) > 3))]
    if others:
        print("   other ents sharing words:", others[:6])

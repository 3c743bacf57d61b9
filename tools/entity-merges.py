#!/usr/bin/env python3
"""Compare the entities of two SQLite stores of the same articles.

    python3 tools/entity-merges.py BEFORE.db AFTER.db [N]

Each article entity (article id, name as analysed) of BEFORE is looked up in
AFTER; an AFTER entity that covers several BEFORE entities is a merge. Prints
the number of merges and the N biggest (default 40): type, AFTER name | the
BEFORE names (articles). Used for docs/ENTITIES.md (cross-article resolution).
"""
import sqlite3, collections, sys
old = sqlite3.connect(sys.argv[1]); new = sqlite3.connect(sys.argv[2])
q = "SELECT d.id, de.name, de.aliases, e.key, e.name, e.type FROM doc_entities de JOIN documents d ON d.rowid=de.doc JOIN entities e ON e.rowid=de.entity"
oldmap = {}
oldname = {}
oldarts = collections.Counter()
for doc, name, al, key, ename, typ in old.execute(q):
    oldmap[(doc, name)] = key; oldname[key] = ename; oldarts[key] += 1
newgroups = collections.defaultdict(set)
newname = {}
for doc, name, al, key, ename, typ in new.execute(q):
    k = oldmap.get((doc, name))
    if k: newgroups[key].add(k)
    newname[key] = (ename, typ)
merged = [(k, v) for k, v in newgroups.items() if len(v) > 1]
print("new entities covering >1 old entity:", len(merged), "old entities absorbed:", sum(len(v)-1 for k, v in merged))
merged.sort(key=lambda kv: -sum(oldarts[x] for x in kv[1]))
for k, v in merged[:int(sys.argv[3]) if len(sys.argv)>3 else 40]:
    parts = sorted(v, key=lambda x: -oldarts[x])
    print(newname[k][1], newname[k][0], "|", "; ".join("%s (%d)" % (oldname[x], oldarts[x]) for x in parts))

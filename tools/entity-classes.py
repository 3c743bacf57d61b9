#!/usr/bin/env python3
"""Count some entity error classes in an `extract` output (docs/ENTITIES.md, branch ent8).

    python3 tools/entity-classes.py OUT.jsonl

Prints one line per class, sorted, to join two outputs:
    join -t$'\t' <(python3 tools/entity-classes.py BEFORE.jsonl) <(python3 tools/entity-classes.py AFTER.jsonl)
"""
import json,sys,re,collections
def norm(s):
    s=re.sub('[\u064B-\u0652\u0640]','',s)
    for a,b in [('أ','ا'),('إ','ا'),('آ','ا'),('ى','ي'),('ة','ه'),('ؤ','و'),('ئ','ي')]: s=s.replace(a,b)
    return s
docs=[json.loads(l) for l in open(sys.argv[1])]
m=collections.Counter()
for d in docs:
    t=d['text']; ents=d['entities']; m['entities']+=len(ents)
    pers=[e for e in ents if e['type']=='PER']
    for e in pers:
        w=e['name'].split()
        if len(w)>=2 and w[-1]=='ولي': m['PER name ending in ولي']+=1
        if w and w[0] in ('بن','ابن'): m['PER name starting with بن']+=1
        for x in e['mentions']:
            pre=t[:x['start']].split()[-1:]
            if pre and pre[0] in ('علي','وعلي'): m['PER mention right after علي']+=1
    for e in ents:
        if e['type']=='LOC':
            for x in e['mentions']:
                if x['text']=='السعودية':
                    pre=t[:x['start']].split()[-1:]
                    if pre and re.match('^(و|ب|ل|ف)?ال',pre[0]) and pre[0] not in ('العربية','الى','إلى'): m['LOC السعودية after a definite word']+=1
        w=e['name'].split()
        if e['type'] in ('ORG','LOC') and any(x.startswith('و') and len(x)>3 for x in w[1:]): m['ORG/LOC name with an inner و-word']+=1
    names=[norm(e['name']).split() for e in pers]
    for i,a in enumerate(names):
        for j,b in enumerate(names):
            if i!=j and len(b)>len(a) and b[:len(a)]==a and len(a)>=3 and ('بن' in a[1:]): m['same-article PER nasab that prefixes another PER']+=1
            if i<j and a!=b and ''.join(a)==''.join(b): m['same-article PER pair differing only by spaces']+=1
    for a in pers:
        wa=norm(a['name']).split()
        if len(wa)!=1: continue
        c=[b for b in pers if b is not a and len(b['name'].split())>=2 and norm(b['name']).split()[0]==wa[0]]
        if len(c)==1: m['one-word PER with one fuller PER starting with it']+=1
for k in sorted(m): print(f"{k}\t{m[k]}")

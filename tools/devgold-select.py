#!/usr/bin/env python3
"""Pick the ten articles of the blind development gold (testdata/devgold).

usage: devgold-select.py [--seed N] [--exclude IDS.txt]... [--skip ID]... [--spread] [DATA_DIR]
       (default ../shared/data/arabic-news)

Prints the chosen ids, one a line. The rule is fixed before any system output
is seen, so anyone can redraw the same ten:

  - published date given and on or after 2015-08-01 (before that the
    SaudiNewsNet crawl time is not the publication date, see SOURCE.md);
  - 150-700 whitespace words of text;
  - not a sports paper (arreyadi, arriyadiyah);
  - political / security news about a conflict or diplomacy in the region,
    not an opinion column: at least 4 hits of the REGION words (a conflict
    zone, a party to it, the UN) and at least 3 of the EVENT words (meetings,
    strikes, arrests, killings ...), and no "مقالات أخرى للكاتب";
  - 5 drawn from libya_articles.jsonl and 5 from general_saudinewsnet_5000.jsonl
    with random.Random(20261204), from the eligible ids in sorted order.

The second ten (testdata/devgold/ids2.txt) came from
  devgold-select.py --seed 20261205 --exclude testdata/devgold/ids.txt \
      --skip saudinewsnet:2015-08-10:1267 --spread
the same rule with another seed, the first ten left out, and --spread: the
ids are taken in the seeded shuffle order, skipping an article whose topic
(the country group with most REGION hits, TOPICS below) already has one
article in this draw from the same file, so that the ten are not Yemen-heavy
as the first ten were (4 of 10). 2015-08-10:1267, drawn first for Yemen, is
an unsigned editorial (alyaum's leader: no reported event, no source); it was
read, not annotated, and skipped (--skip) before any system run, so the next
Yemen article of the same order came in.

The third ten (testdata/devgold/ids3.txt) came from
  devgold-select.py --seed 20261206 --exclude testdata/devgold/ids.txt \
      --exclude testdata/devgold/ids2.txt --spread
(--exclude may be given several times; the ids of all the files are left
out). With the first twenty left out only 4 Libya-file articles are
eligible: a file with fewer than 5 gives all it has and the general file
gives the shortfall too (still at most one per topic under --spread), so
the draw is ten. The earlier draws had at least 5 eligible in each file and
print the same ids as before.

The fourth ten (testdata/devgold/ids4.txt) came from
  devgold-select.py --seed 20261207 --exclude testdata/devgold/ids.txt \
      --exclude testdata/devgold/ids2.txt --exclude testdata/devgold/ids3.txt \
      --skip saudinewsnet:2015-08-02:725 --spread
With the first thirty left out no Libya-file article is eligible and the
general file's eligible articles fall in 8 topics (no Libya, no Tunisia), so
one per topic drew eight: --spread then takes a second round in the same
seeded order, at most two per topic (a rule added when the draw came out
eight, before any article was read). The earlier three commands print the
same ids as before. 2015-08-02:725, drawn second (Egypt), is an opinion
column (alriyadh, on television comedy; no reported event) without the
"مقالات أخرى للكاتب" line: read, not annotated, skipped before any system
run, so the next Egypt article of the same order (2015-08-10:645) came in.
"""
import json
import os
import random
import re
import sys

# Conflict zones and parties (no السعودية / الخليج: every Saudi paper names
# them, and a first draw with them picked economy features and columns).
REGION = ["ليبي", "ليبيا", "سوري", "سوريا", "اليمن", "يمني", "العراق", "عراقي", "مصر", "مصري",
          "الحوثي", "الحوثيين", "داعش", "طرابلس", "بنغازي", "دمشق", "صنعاء", "عدن", "بغداد", "حلب",
          "تعز", "إيران", "تركيا", "فلسطين", "فلسطيني", "غزة", "إسرائيل", "الاحتلال", "لبنان",
          "حزب الله", "التحالف", "الأمم المتحدة", "مجلس الأمن"]
# Reported happenings (no bare دعا / قتل / بحث / مساعدات, which columns and
# features use as often as reports do).
EVENT = ["التقى", "استقبل", "اجتماع", "مباحثات", "محادثات", "زيارة", "زار", "قصف", "غارات",
         "غارة", "هجوم", "اشتباكات", "مقتل", "قتلى", "اعتقال", "اعتقل", "القبض", "خطف", "اختطف",
         "وقف إطلاق النار", "انسحاب", "هدد", "اتهم", "أدان", "مظاهرة", "احتجاج", "عقوبات",
         "تفجير", "انتحاري", "أسرى", "سيطرة", "معارك", "المعارك"]
# Opinion columns end with the writer's other columns.
COLUMN = "مقالات أخرى للكاتب"
SPORTS = {"arreyadi", "arriyadiyah"}
SEED = 20261204
# Country groups for --spread (the topic of an article is the group with most hits).
TOPICS = {
    "libya": ["ليبي", "ليبيا", "طرابلس", "بنغازي", "درنة", "سرت"],
    "syria": ["سوري", "سوريا", "دمشق", "حلب", "حمص", "إدلب"],
    "yemen": ["اليمن", "يمني", "الحوثي", "الحوثيين", "صنعاء", "عدن", "تعز", "مأرب"],
    "iraq": ["العراق", "عراقي", "بغداد", "الموصل", "الأنبار"],
    "egypt": ["مصر", "مصري", "القاهرة", "سيناء"],
    "palestine": ["فلسطين", "فلسطيني", "غزة", "إسرائيل", "الاحتلال"],
    "lebanon": ["لبنان", "حزب الله", "بيروت"],
    "iran": ["إيران", "إيراني", "طهران"],
    "turkey": ["تركيا", "تركي", "أنقرة"],
    "tunisia": ["تونس", "تونسي"],
}


def hits(text, words):
    return sum(len(re.findall(r"(?<![\w])(?:[وفبلك]|ال)?" + re.escape(w), text)) for w in words)


def topic(a):
    t = a.get("title", "") + "\n" + a.get("text", "")
    return max(sorted(TOPICS), key=lambda k: hits(t, TOPICS[k]))


def eligible(path, with_topic=False):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            pub = a.get("published") or ""
            if pub[:10] < "2015-08-01" or a.get("source") in SPORTS:
                continue
            n = len(a.get("text", "").split())
            if not 150 <= n <= 700:
                continue
            t = a.get("title", "") + "\n" + a.get("text", "")
            if COLUMN in t:
                continue
            if hits(t, REGION) >= 4 and hits(t, EVENT) >= 3:
                out.append((a["id"], topic(a)) if with_topic else a["id"])
    return sorted(out)


def main():
    args = sys.argv[1:]
    seed, exclude, skip, spread, rest = SEED, set(), set(), False, []
    while args:
        a = args.pop(0)
        if a == "--seed":
            seed = int(args.pop(0))
        elif a == "--exclude":
            with open(args.pop(0), encoding="utf-8") as f:
                exclude |= {l.strip() for l in f if l.strip() and not l.startswith("#")}
        elif a == "--skip":
            skip.add(args.pop(0))
        elif a == "--spread":
            spread = True
        else:
            rest.append(a)
    d = rest[0] if rest else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "arabic-news")
    rng = random.Random(seed)
    short = 0  # what the Libya file could not give, taken from the general file
    for name in ("libya_articles.jsonl", "general_saudinewsnet_5000.jsonl"):
        pool = [x for x in eligible(os.path.join(d, name), True) if x[0] not in exclude]
        print(f"# {name}: {len(pool)} eligible", file=sys.stderr)
        want = 5 + short
        if not spread:
            k = min(want, len(pool))
            for i, _ in rng.sample(pool, k):
                print(i)
            short = want - k
            continue
        order = rng.sample(pool, len(pool))
        seen, taken, n = {}, set(), 0
        # Round 1: at most one per topic (general file). Round 2, only when
        # round 1 ran out of topics (the fourth ten: 0 Libya-file articles
        # left, 8 topics in the general file): the same order again, at most
        # a second one per topic. The earlier draws never reach round 2.
        for cap in (1, 2):
            for i, tp in order:
                if n == want:
                    break
                if i in skip or i in taken or (seen.get(tp, 0) >= cap and name != "libya_articles.jsonl"):
                    continue
                seen[tp] = seen.get(tp, 0) + 1
                taken.add(i)
                print(i)
                print(f"#   {i}: {tp}", file=sys.stderr)
                n += 1
        short = want - n


if __name__ == "__main__":
    main()

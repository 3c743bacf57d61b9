#!/usr/bin/env python3
"""Pick the ten articles of the blind development gold (testdata/devgold).

usage: devgold-select.py [DATA_DIR]   (default ../shared/data/arabic-news)

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


def hits(text, words):
    return sum(len(re.findall(r"(?<![\w])(?:[وفبلك]|ال)?" + re.escape(w), text)) for w in words)


def eligible(path):
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
                out.append(a["id"])
    return sorted(out)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "arabic-news")
    rng = random.Random(SEED)
    for name in ("libya_articles.jsonl", "general_saudinewsnet_5000.jsonl"):
        ids = eligible(os.path.join(d, name))
        print(f"# {name}: {len(ids)} eligible", file=sys.stderr)
        for i in rng.sample(ids, 5):
            print(i)


if __name__ == "__main__":
    main()

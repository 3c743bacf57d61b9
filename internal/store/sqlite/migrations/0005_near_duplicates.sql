-- Near-duplicates (sqlstore/dups.go): each article's 12 LSH keys
-- (story.MinHash.Keys over the MinHash of `marsad extract`: 128 values over
-- word 3-shingles, the keys from the first 36; low 32 bits), rows of
-- doc_bands. The signature is not stored: a candidate is signed again from
-- its text. dup_of is the rowid of the earliest stored article of its
-- near-duplicate group (estimated Jaccard >= 0.8 with one of the group),
-- NULL when it has none. Articles stored before get theirs from
-- sqlstore.Open, once, in rowid order (meta 'minhash').
ALTER TABLE documents ADD COLUMN dup_of INTEGER;
CREATE INDEX documents_dup_of ON documents(dup_of) WHERE dup_of IS NOT NULL;

CREATE TABLE doc_bands (
	key INTEGER NOT NULL,
	doc INTEGER NOT NULL REFERENCES documents(rowid),
	PRIMARY KEY (key, doc)
) WITHOUT ROWID;

-- FTS5 answers no query of a store whose postings have positions for every
-- article (sqlstore.canRank; migrations 0002 and 0003): in a store empty
-- now, articles are no longer written to documents_fts (0.2x the raw text
-- on arabic-news, and the time to write it). Only Options.FTSRanking (tests
-- comparing rankings) ranks with FTS5: a store created with it keeps the
-- index (sqlite.Open). An older store goes on writing it.
INSERT INTO meta(key, value) SELECT 'fts', 'none' WHERE NOT EXISTS (SELECT 1 FROM documents)
	AND EXISTS (SELECT 1 FROM meta WHERE key = 'postings' AND value = 'complete')
	AND EXISTS (SELECT 1 FROM meta WHERE key = 'positions' AND value = 'complete');

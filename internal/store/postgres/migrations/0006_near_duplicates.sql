-- Near-duplicates (sqlstore/dups.go): each article's MinHash signature
-- (story.MinHash, the parameters of `marsad extract`: 128 values over word
-- 3-shingles, kept as their low 16 bits, 256 bytes) and its 12 LSH keys
-- (story.MinHash.Keys, low 32 bits) as an integer array under a GIN index
-- (one row per article: a (key, doc) table with a B-tree took 13 MB on
-- arabic-news with 32 keys an article). dup_of is the rowid of the earliest
-- stored article of its near-duplicate group (estimated Jaccard >= 0.8
-- with one of the group), NULL when it has none. Articles stored before
-- get theirs from sqlstore.Open, once, in rowid order (meta 'minhash').
ALTER TABLE documents ADD COLUMN minhash BYTEA;
ALTER TABLE documents ADD COLUMN dup_of BIGINT;
ALTER TABLE documents ADD COLUMN bands INTEGER[];
CREATE INDEX documents_dup_of ON documents(dup_of) WHERE dup_of IS NOT NULL;
-- fastupdate off: a Put looks its keys up right after the previous Put
-- wrote its own; a pending list would be scanned by every look-up.
CREATE INDEX documents_bands ON documents USING gin (bands) WITH (fastupdate = off);

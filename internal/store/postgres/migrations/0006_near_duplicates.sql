-- Near-duplicates (sqlstore/dups.go): each article's 12 LSH keys
-- (story.MinHash.Keys over the MinHash of `marsad extract`: 128 values over
-- word 3-shingles, the keys from the first 36; low 32 bits) as an integer
-- array under a GIN index (one row per article: a (key, doc) table with a
-- B-tree took 13 MB on arabic-news with 32 keys an article). The signature
-- is not stored: a candidate is signed again from its text. dup_of is the
-- rowid of the earliest stored article of its near-duplicate group
-- (estimated Jaccard >= 0.8 with one of the group), NULL when it has none.
-- Articles stored before get theirs from sqlstore.Open, once, in rowid
-- order (meta 'minhash').
ALTER TABLE documents ADD COLUMN dup_of BIGINT;
ALTER TABLE documents ADD COLUMN bands INTEGER[];
CREATE INDEX documents_dup_of ON documents(dup_of) WHERE dup_of IS NOT NULL;
-- fastupdate off: a Put looks its keys up right after the previous Put
-- wrote its own; a pending list would be scanned by every look-up.
CREATE INDEX documents_bands ON documents USING gin (bands) WITH (fastupdate = off);

-- Near-duplicates (sqlstore/dups.go): each article's MinHash signature
-- (story.MinHash, the parameters of `marsad extract`: 128 values over word
-- 3-shingles, kept as their low 32 bits, 512 bytes) and its 32 LSH band keys
-- (low 32 bits). dup_of is the rowid of the earliest stored article of its
-- near-duplicate group (estimated Jaccard >= 0.8 with one of the group),
-- NULL when it has none. Articles stored before get theirs from
-- sqlstore.Open, once, in rowid order (meta 'minhash').
ALTER TABLE documents ADD COLUMN minhash BYTEA;
ALTER TABLE documents ADD COLUMN dup_of BIGINT;
CREATE INDEX documents_dup_of ON documents(dup_of) WHERE dup_of IS NOT NULL;

CREATE TABLE doc_bands (
	key INTEGER NOT NULL,
	doc BIGINT NOT NULL REFERENCES documents(rowid),
	PRIMARY KEY (key, doc)
);

-- A document-level inverted index beside FTS5 (see sqlstore/postings.go):
-- one row per term and segment (the articles of one Put; Optimize merges
-- a term's segments into one row), data = varint pairs (rowid delta, term
-- frequency). Searches without a phrase rank from it instead of calling
-- bm25() for every match.
CREATE TABLE postings (
	term TEXT NOT NULL,
	seg  INTEGER NOT NULL, -- the first rowid of the segment
	data BLOB NOT NULL,
	PRIMARY KEY (term, seg)
) WITHOUT ROWID;

-- The postings cover every article only in a store that was empty when
-- they were added; an older store keeps ranking with FTS5's bm25().
INSERT INTO meta(key, value) SELECT 'postings', 'complete' WHERE NOT EXISTS (SELECT 1 FROM documents);

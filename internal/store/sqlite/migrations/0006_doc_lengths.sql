-- Every article's length in terms (documents.nterms, bm25's document
-- length), packed as the postings are (sqlstore/postings.go): one row per
-- segment (the articles of one Put, seg its first rowid; Optimize merges
-- them into one), data = varint pairs (rowid delta, length). A search loads
-- them once per process: reading documents.nterms row by row was the
-- slowest part of a process's first search (59 ms at 82,384 articles).
-- Articles stored before get theirs from sqlstore.Open, once (meta
-- 'doc_lengths').
CREATE TABLE doc_lengths (
	seg  INTEGER PRIMARY KEY,
	data BLOB NOT NULL
);

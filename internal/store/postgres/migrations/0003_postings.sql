-- The analysed terms with their positions as postings (see
-- sqlstore/postings.go), the same table SQLite keeps: one row per term and
-- segment (the articles of one Put; Optimize merges a term's segments).
-- Searches are
-- matched and ranked from it in Go, with FTS5's bm25 as on SQLite, which
-- replaces the tsvector column and its GIN index (1.9× the raw text with
-- them on arabic-news).
CREATE TABLE postings (
	term TEXT COLLATE "C" NOT NULL,
	seg  BIGINT NOT NULL, -- the first rowid of the segment
	data BYTEA NOT NULL,  -- varint rowid delta, tf per article
	pos  BYTEA NOT NULL,  -- the tf varint position deltas of each article in turn (read for phrases only)
	CONSTRAINT postings_pk PRIMARY KEY (term, seg)
);
-- varints do not compress: store long rows out of line without trying.
ALTER TABLE postings ALTER COLUMN data SET STORAGE EXTERNAL;
ALTER TABLE postings ALTER COLUMN pos SET STORAGE EXTERNAL;

-- Only a store that is empty now gets every article into the postings: it
-- drops the tsvector. An older store keeps it (and ts_rank_cd ranking).
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM documents) THEN DROP INDEX documents_tsv; ALTER TABLE documents DROP COLUMN tsv; INSERT INTO meta(key, value) VALUES ('postings', 'complete'); END IF; END $$;

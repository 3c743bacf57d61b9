-- Positions in the postings and the byte offsets of each article's terms,
-- so that a snippet is cut from the text around the matched words without
-- analysing it again (sqlstore/snippets.go), and phrases are matched from
-- the postings as on PostgreSQL.
--
-- postings.pos: per article of the row, its tf varint position deltas
-- (term indexes, as sqlstore.encodePostings writes them); NULL in rows
-- written before this migration.
ALTER TABLE postings ADD COLUMN pos BLOB;
-- documents.offsets: per term of the article, the varint gap from the
-- previous term's end and the varint length (sqlstore.encodeOffsets);
-- NULL for articles stored before this migration.
ALTER TABLE documents ADD COLUMN offsets BLOB;

-- Only a store that is empty now has positions for every article its
-- postings hold; its new articles get positions and offsets. An older store
-- goes on without them (its postings rows cannot mix rows with and
-- without positions when merged): phrases go to FTS5 and snippets are made
-- by analysing each hit's text, as before, until it is re-ingested.
INSERT INTO meta(key, value) SELECT 'positions', 'complete' WHERE NOT EXISTS (SELECT 1 FROM documents);

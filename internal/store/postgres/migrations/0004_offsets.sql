-- The byte offsets of each article's terms (per term the varint gap from
-- the previous term's end and the varint length; sqlstore.encodeOffsets),
-- so that a snippet is cut from the text around the matched words, found
-- from the positions the postings already hold, without analysing it
-- again (sqlstore/snippets.go). Articles stored before this migration keep
-- NULL: their snippets are made by analysing their text, as before.
ALTER TABLE documents ADD COLUMN offsets BYTEA;

-- The postings have had positions for every article since they were
-- created (migration 0003, NOT NULL): new articles get offsets.
INSERT INTO meta(key, value) VALUES ('positions', 'complete') ON CONFLICT (key) DO NOTHING;

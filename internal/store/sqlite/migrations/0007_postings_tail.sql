-- Tiered postings (sqlstore/postings.go, "Tiers"): a Put writes its
-- segment rows to postings_tail, a small table ordered by term, rather
-- than to postings, where they fell next to every earlier segment of
-- their terms: at 16x arabic-news one batch dirtied pages across the
-- whole table (343 KB written an article against 40 KB at 1x). When the
-- tail outgrows a bound that grows with postings, it is merged into
-- postings (one row a term, rewritten in key order) and emptied. Searches
-- read both. meta 'tail_bytes' and 'main_bytes' hold the bytes of postings
-- data in each (the merge's bound); 'postings_epoch' counts the rewrites
-- of postings (a replica that read an older one loads it again).
CREATE TABLE postings_tail (
	term TEXT NOT NULL,
	seg  INTEGER NOT NULL,
	data BLOB NOT NULL,
	pos  BLOB,
	PRIMARY KEY (term, seg)
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('tail_bytes', '0');
INSERT INTO meta(key, value) SELECT 'main_bytes', coalesce(sum(length(data) + coalesce(length(pos), 0)), 0) FROM postings;

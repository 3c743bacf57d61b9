-- Cross-article entity resolution (sqlstore/resolve.go). entity_keys maps
-- each exact key of a name (TYPE:normalised words without the article,
-- TYPE~skeleton for persons, #old-id for an entity merged into another) to
-- one entity: the first to register it. entity_words lists, for persons,
-- the first (PER^word) and last (PER$word) words of their names of two
-- words or more: a one-word name joins the one full name it ends when no
-- other person has that surname or first name.
-- A store built before has its keys back-filled by sqlstore.Open from its
-- entities and aliases (meta 'entity_keys'); its entities keep their ids.
CREATE TABLE entity_keys (
	key    TEXT PRIMARY KEY,
	entity INTEGER NOT NULL REFERENCES entities(rowid)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity);

CREATE TABLE entity_words (
	key    TEXT NOT NULL,
	entity INTEGER NOT NULL REFERENCES entities(rowid),
	PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE INDEX entity_words_entity ON entity_words(entity);

-- How many articles named the entity by this name (their canonical name):
-- a fuller name becomes the entity's name once two articles use it (rows
-- stored before count 0).
ALTER TABLE entity_aliases ADD COLUMN n INTEGER NOT NULL DEFAULT 0;

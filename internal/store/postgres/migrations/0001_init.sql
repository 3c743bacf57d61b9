-- Articles, their analysed terms (FTS5), entities and events.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE documents (
	rowid     BIGSERIAL PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	hash      TEXT NOT NULL,
	source    TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	published BIGINT,              -- unix seconds, NULL when unknown
	origin    TEXT NOT NULL DEFAULT '',
	body      TEXT NOT NULL,
	sentences TEXT NOT NULL DEFAULT '[]', -- JSON [[start,end],…]
	mentions  TEXT NOT NULL DEFAULT '[]', -- JSON raw tagger mentions
	nterms    INTEGER NOT NULL DEFAULT 0,
	stored_at BIGINT NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_source ON documents(source, published);

-- The analysed terms with their positions, built by the store from the
-- analyzer's terms (no text-search parser or dictionary in between, so it
-- holds exactly what SQLite's FTS5 table holds).
ALTER TABLE documents ADD COLUMN tsv tsvector NOT NULL;
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE entities (
	rowid    BIGSERIAL PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE, -- store.EntityKey
	name     TEXT NOT NULL,
	norm     TEXT NOT NULL,        -- store.NameKey(name)
	type     TEXT NOT NULL,
	articles INTEGER NOT NULL DEFAULT 0,
	mentions INTEGER NOT NULL DEFAULT 0,
	lat      DOUBLE PRECISION,
	lon      DOUBLE PRECISION,
	country  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_type ON entities(type, mentions);
CREATE INDEX entities_mentions ON entities(mentions);

CREATE TABLE entity_aliases (
	entity BIGINT NOT NULL REFERENCES entities(rowid),
	alias  TEXT NOT NULL,
	norm   TEXT NOT NULL,
	PRIMARY KEY (entity, alias)
);
CREATE INDEX entity_aliases_norm ON entity_aliases(norm);

CREATE TABLE doc_entities (
	doc      BIGINT NOT NULL REFERENCES documents(rowid),
	entity   BIGINT NOT NULL REFERENCES entities(rowid),
	ord      INTEGER NOT NULL,     -- order in the article's entity list
	name     TEXT NOT NULL,        -- the name as analysed in this article
	aliases  TEXT NOT NULL DEFAULT '[]',
	mentions TEXT NOT NULL DEFAULT '[]', -- JSON [[start,end,text],…]
	n        INTEGER NOT NULL,
	PRIMARY KEY (doc, entity)
);
CREATE INDEX doc_entities_entity ON doc_entities(entity, doc);

CREATE TABLE events (
	rowid      BIGSERIAL PRIMARY KEY,
	doc        BIGINT NOT NULL REFERENCES documents(rowid),
	ord        INTEGER NOT NULL,
	type       TEXT NOT NULL,
	mode       TEXT NOT NULL DEFAULT '',
	actor      TEXT NOT NULL DEFAULT '',
	recipients TEXT NOT NULL DEFAULT '[]',
	location   TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL DEFAULT '',
	day        TEXT NOT NULL DEFAULT '', -- date, else the article's day
	date_text  TEXT NOT NULL DEFAULT '',
	modality   TEXT NOT NULL DEFAULT '',
	quantities TEXT NOT NULL DEFAULT '{}',
	trigger    TEXT NOT NULL DEFAULT '',
	sentence   TEXT NOT NULL DEFAULT '',
	sent_start INTEGER NOT NULL DEFAULT 0,
	sent_end   INTEGER NOT NULL DEFAULT 0,
	source     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_type ON events(type, day);
CREATE INDEX events_day ON events(day);

-- Names taking part in an event, for the actor/place filters.
CREATE TABLE event_args (
	event BIGINT NOT NULL REFERENCES events(rowid),
	role  TEXT NOT NULL, -- actor, recipient, location
	norm  TEXT NOT NULL, -- store.NameKey(name)
	PRIMARY KEY (norm, role, event)
);

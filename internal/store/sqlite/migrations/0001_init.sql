-- Articles, their analysed terms (FTS5), entities and events.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE documents (
	rowid     INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	hash      TEXT NOT NULL,
	source    TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	published INTEGER,             -- unix seconds, NULL when unknown
	origin    TEXT NOT NULL DEFAULT '',
	body      BLOB NOT NULL,       -- the text, DEFLATE-compressed (see EncodeBody)
	sentences TEXT NOT NULL DEFAULT '[]', -- JSON [[start,end],…]
	mentions  TEXT NOT NULL DEFAULT '[]', -- JSON raw tagger mentions
	nterms    INTEGER NOT NULL DEFAULT 0,
	stored_at INTEGER NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_source ON documents(source, published);

-- Contentless: the index only; the text lives in documents.body.
-- The ascii tokenizer splits at ASCII non-alphanumerics only; terms are
-- made safe for it by the analyzer (see store.Analyzer).
CREATE VIRTUAL TABLE documents_fts USING fts5(
	terms, content='', contentless_delete=1, tokenize='ascii'
);

CREATE TABLE entities (
	rowid    INTEGER PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE, -- store.EntityKey
	name     TEXT NOT NULL,
	norm     TEXT NOT NULL,        -- store.NameKey(name)
	type     TEXT NOT NULL,
	articles INTEGER NOT NULL DEFAULT 0,
	mentions INTEGER NOT NULL DEFAULT 0,
	lat      REAL,
	lon      REAL,
	country  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_type ON entities(type, mentions);
CREATE INDEX entities_mentions ON entities(mentions);

CREATE TABLE entity_aliases (
	entity INTEGER NOT NULL REFERENCES entities(rowid),
	alias  TEXT NOT NULL,
	norm   TEXT NOT NULL,
	PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_norm ON entity_aliases(norm);

CREATE TABLE doc_entities (
	doc      INTEGER NOT NULL REFERENCES documents(rowid),
	entity   INTEGER NOT NULL REFERENCES entities(rowid),
	ord      INTEGER NOT NULL,     -- order in the article's entity list
	name     TEXT NOT NULL,        -- the name as analysed in this article
	aliases  TEXT NOT NULL DEFAULT '[]',
	mentions TEXT NOT NULL DEFAULT '[]', -- JSON [[start,end,text],…]
	n        INTEGER NOT NULL,
	PRIMARY KEY (doc, entity)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity, doc);

CREATE TABLE events (
	rowid      INTEGER PRIMARY KEY,
	doc        INTEGER NOT NULL REFERENCES documents(rowid),
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
	event INTEGER NOT NULL REFERENCES events(rowid),
	role  TEXT NOT NULL, -- actor, recipient, location
	norm  TEXT NOT NULL, -- store.NameKey(name)
	PRIMARY KEY (norm, role, event)
) WITHOUT ROWID;

-- sitrep store, first schema. Documents and entities have integer keys
-- (n) that the other tables use; their text IDs are the ones sitrep shows.
-- Dates are ISO 8601 text: YYYY-MM-DD for publication dates, the item's
-- own precision for quote, claim and incident dates, with date_from and
-- date_to the first and last day of that period for range filters.

-- documents: one row per analysed article (Document.ID). analysis is the
-- full Document as gzip-compressed JSON without its text (the text is the
-- column), analysis_hash the SHA-256 of that JSON, to tell whether a new
-- analysis changes anything.
CREATE TABLE documents (
	n          INTEGER PRIMARY KEY,
	id         TEXT NOT NULL UNIQUE,
	source     TEXT NOT NULL,
	format     TEXT NOT NULL,
	url        TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	outlet     TEXT NOT NULL DEFAULT '',
	published  TEXT,
	dateline   TEXT NOT NULL DEFAULT '',
	authors    TEXT NOT NULL DEFAULT '[]',
	entities   INTEGER NOT NULL DEFAULT 0,
	quotes     INTEGER NOT NULL DEFAULT 0,
	claims     INTEGER NOT NULL DEFAULT 0,
	incidents  INTEGER NOT NULL DEFAULT 0,
	analysis_hash TEXT NOT NULL,
	ingested   TEXT NOT NULL,
	analysed   TEXT NOT NULL,
	-- The long columns come last, so that reading the others does not
	-- walk a row's overflow pages.
	text       TEXT NOT NULL,
	analysis   BLOB NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet COLLATE NOCASE);

-- inputs: every distinct raw input read (keyed by sitrep.Input.Key), the
-- gzip-compressed JSON of the sitrep.Input, and the document analysed
-- from it, in the order read. Several inputs may give one document
-- (duplicates); the first is the one reanalysis reads.
CREATE TABLE inputs (
	n        INTEGER PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE,
	doc      INTEGER NOT NULL,
	source   TEXT NOT NULL,
	raw      BLOB NOT NULL,
	ingested TEXT NOT NULL
);
CREATE INDEX inputs_doc ON inputs(doc);

-- Full-text index over title and text (external content: the text is
-- stored once, in documents). Porter stemming over unicode61 with
-- diacritics removed. The title weighs 4 times the text in BM25. The store
-- writes the index itself, once per transaction for all the documents it
-- adds, rather than by triggers: FTS5 flushes its pending terms to disk at
-- every statement of a transaction that touched it, so a row at a time
-- makes many small segments to merge (3 times slower ingest).
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text,
	content='documents', content_rowid='n',
	tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts(documents_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)');

-- entities: canonical entities (Entity.ID) as last analysed. Rows are
-- never deleted, so their n stay valid; an entity no document mentions
-- any longer has no doc_entities rows and is not listed.
CREATE TABLE entities (
	n         INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	name      TEXT NOT NULL,
	type      TEXT NOT NULL,
	subtype   TEXT NOT NULL DEFAULT '',
	relations TEXT,
	place     TEXT
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

-- doc_entities: which documents mention which entity, how often, and the
-- document's publication date (for counts by month and first and last
-- dates without reading documents).
CREATE TABLE doc_entities (
	entity    INTEGER NOT NULL,
	doc       INTEGER NOT NULL,
	published TEXT,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (entity, doc)
) WITHOUT ROWID;
CREATE INDEX doc_entities_doc ON doc_entities(doc, entity);

-- entity_names: the names (aliases and the canonical name as written) an
-- entity was seen under, in each document.
CREATE TABLE entity_names (
	entity   INTEGER NOT NULL,
	name     TEXT NOT NULL,
	doc      INTEGER NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (entity, name, doc)
) WITHOUT ROWID;
CREATE INDEX entity_names_name ON entity_names(name COLLATE NOCASE);
CREATE INDEX entity_names_doc ON entity_names(doc);

-- mentions: every entity mention, a span of the document's text.
CREATE TABLE mentions (
	doc    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	"end"  INTEGER NOT NULL,
	entity INTEGER NOT NULL,
	text   TEXT NOT NULL,
	via    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, start, entity)
) WITHOUT ROWID;

-- quotes: Document.Quotes, with the speaker resolved; data is the quote's
-- full JSON.
CREATE TABLE quotes (
	n              INTEGER PRIMARY KEY,
	doc            INTEGER NOT NULL,
	idx            INTEGER NOT NULL,
	speaker_entity INTEGER,
	speaker_name   TEXT NOT NULL DEFAULT '',
	speaker_text   TEXT NOT NULL DEFAULT '',
	speaker_kind   TEXT NOT NULL DEFAULT '',
	speaker_role   TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL,
	direct         INTEGER NOT NULL,
	cue            TEXT NOT NULL DEFAULT '',
	date           TEXT,
	date_from      TEXT,
	date_to        TEXT,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	data           TEXT NOT NULL,
	UNIQUE (doc, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity, date_to);
CREATE INDEX quotes_date ON quotes(date_to);
-- The words of quotes, indexed as documents_fts is.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	text, content='quotes', content_rowid='n',
	tokenize='porter unicode61 remove_diacritics 2'
);

-- claims: Document.Claims; quote is the index of the quote the claim
-- comes from, or -1. data is the claim's full JSON.
CREATE TABLE claims (
	doc            INTEGER NOT NULL,
	idx            INTEGER NOT NULL,
	subject_entity INTEGER,
	subject_name   TEXT NOT NULL DEFAULT '',
	predicate      TEXT NOT NULL,
	object_entity  INTEGER,
	object_name    TEXT NOT NULL DEFAULT '',
	polarity       TEXT NOT NULL,
	hedged         INTEGER NOT NULL,
	value          TEXT NOT NULL DEFAULT '',
	speaker_entity INTEGER,
	speaker_name   TEXT NOT NULL DEFAULT '',
	date           TEXT,
	date_from      TEXT,
	date_to        TEXT,
	quote          INTEGER NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	data           TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX claims_subject ON claims(subject_entity, date_to);
CREATE INDEX claims_object ON claims(object_entity, date_to);
CREATE INDEX claims_speaker ON claims(speaker_entity, date_to);
CREATE INDEX claims_predicate ON claims(predicate, date_to);
CREATE INDEX claims_date ON claims(date_to);

-- incidents: Document.Incidents, with the place and the casualty figures
-- as columns; data is the incident's full JSON.
CREATE TABLE incidents (
	doc           INTEGER NOT NULL,
	idx           INTEGER NOT NULL,
	type          TEXT NOT NULL,
	cue           TEXT NOT NULL DEFAULT '',
	date          TEXT,
	date_from     TEXT,
	date_to       TEXT,
	date_precision TEXT NOT NULL DEFAULT '',
	place_entity  INTEGER,
	place_name    TEXT NOT NULL DEFAULT '',
	country       TEXT NOT NULL DEFAULT '',
	admin1        TEXT NOT NULL DEFAULT '',
	admin2        TEXT NOT NULL DEFAULT '',
	lat           REAL,
	lon           REAL,
	geo_precision INTEGER,
	killed        INTEGER,
	killed_min    INTEGER,
	killed_max    INTEGER,
	injured       INTEGER,
	injured_min   INTEGER,
	injured_max   INTEGER,
	hedged        INTEGER NOT NULL DEFAULT 0,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	data          TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX incidents_type ON incidents(type, date_to);
CREATE INDEX incidents_date ON incidents(date_to);
CREATE INDEX incidents_place ON incidents(place_entity, date_to);

-- incident_parties: the perpetrators (with the basis of the attribution
-- and who made it), targets and acting state forces of each incident.
CREATE TABLE incident_parties (
	doc      INTEGER NOT NULL,
	incident INTEGER NOT NULL,
	role     TEXT NOT NULL, -- perpetrator, target, actor
	pos      INTEGER NOT NULL,
	entity   INTEGER,
	name     TEXT NOT NULL DEFAULT '',
	basis    TEXT NOT NULL DEFAULT '', -- claimed, attributed, suspected (perpetrators)
	speaker_entity INTEGER,
	speaker_name   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, incident, role, pos)
) WITHOUT ROWID;
CREATE INDEX incident_parties_entity ON incident_parties(entity, role);

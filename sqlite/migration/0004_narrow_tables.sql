-- doc_refs: the short columns of each document, what a DocumentRef, the
-- date filters and the search facets read, in a narrow table kept by
-- triggers. Read from documents, whose rows hold the text (a page and
-- more each), listing 200 quotes or counting the facets of 1,000 search
-- hits reads a page per document: 6 ms for 1,000 at 100,000 documents,
-- against under 1 ms here. It replaces doc_dates (migration 0002), which
-- held the dates alone.
CREATE TABLE doc_refs (
	n         INTEGER PRIMARY KEY, -- documents.n
	id        TEXT NOT NULL,
	source    TEXT NOT NULL,
	url       TEXT NOT NULL,
	title     TEXT NOT NULL,
	outlet    TEXT NOT NULL,
	published TEXT,
	dateline  TEXT NOT NULL,
	quotes    INTEGER NOT NULL,
	incidents INTEGER NOT NULL
);
INSERT INTO doc_refs (n, id, source, url, title, outlet, published, dateline, quotes, incidents)
	SELECT n, id, source, url, title, outlet, published, dateline, quotes, incidents FROM documents;
CREATE INDEX doc_refs_published ON doc_refs(published);

DROP TRIGGER documents_dates_insert;
DROP TRIGGER documents_dates_update;
DROP TRIGGER documents_dates_delete;
DROP TABLE doc_dates;

CREATE TRIGGER documents_refs_insert AFTER INSERT ON documents BEGIN
	INSERT INTO doc_refs (n, id, source, url, title, outlet, published, dateline, quotes, incidents)
	VALUES (new.n, new.id, new.source, new.url, new.title, new.outlet, new.published, new.dateline, new.quotes, new.incidents);
END;
CREATE TRIGGER documents_refs_update AFTER UPDATE ON documents BEGIN
	DELETE FROM doc_refs WHERE n = old.n;
	INSERT INTO doc_refs (n, id, source, url, title, outlet, published, dateline, quotes, incidents)
	VALUES (new.n, new.id, new.source, new.url, new.title, new.outlet, new.published, new.dateline, new.quotes, new.incidents);
END;
CREATE TRIGGER documents_refs_delete AFTER DELETE ON documents BEGIN
	DELETE FROM doc_refs WHERE n = old.n;
END;

-- entity_months: for each entity and month of publication ('' for
-- documents without a date), how many documents mention it, how many
-- times, and the first and last publication dates, kept by triggers on
-- doc_entities. A dossier's profile reads it instead of grouping every
-- document of the entity (13,600 for the United States at 100,000
-- documents: 5 ms a dossier). A deleted document that was the first or
-- last of its month has the month's bound found again from doc_entities;
-- that happens for about two documents a month, so it costs little.
CREATE TABLE entity_months (
	entity    INTEGER NOT NULL,
	month     TEXT NOT NULL,
	documents INTEGER NOT NULL,
	mentions  INTEGER NOT NULL,
	first     TEXT,
	last      TEXT,
	PRIMARY KEY (entity, month)
) WITHOUT ROWID;
INSERT INTO entity_months (entity, month, documents, mentions, first, last)
	SELECT entity, coalesce(substr(published, 1, 7), ''), count(*), sum(mentions), min(published), max(published)
	FROM doc_entities GROUP BY 1, 2;

CREATE TRIGGER doc_entities_months_insert AFTER INSERT ON doc_entities BEGIN
	INSERT INTO entity_months (entity, month, documents, mentions, first, last)
	VALUES (new.entity, coalesce(substr(new.published, 1, 7), ''), 1, new.mentions, new.published, new.published)
	ON CONFLICT (entity, month) DO UPDATE SET
		documents = documents + 1,
		mentions = mentions + excluded.mentions,
		first = CASE WHEN excluded.first < first THEN excluded.first ELSE first END,
		last = CASE WHEN excluded.last > last THEN excluded.last ELSE last END;
END;
CREATE TRIGGER doc_entities_months_delete AFTER DELETE ON doc_entities BEGIN
	UPDATE entity_months SET
		documents = documents - 1,
		mentions = mentions - old.mentions,
		first = CASE WHEN old.published = first THEN (SELECT min(published) FROM doc_entities
			WHERE entity = old.entity AND published >= month || '-01' AND published < month || '-32') ELSE first END,
		last = CASE WHEN old.published = last THEN (SELECT max(published) FROM doc_entities
			WHERE entity = old.entity AND published >= month || '-01' AND published < month || '-32') ELSE last END
	WHERE entity = old.entity AND month = coalesce(substr(old.published, 1, 7), '');
	DELETE FROM entity_months WHERE entity = old.entity AND month = coalesce(substr(old.published, 1, 7), '') AND documents <= 0;
END;
CREATE TRIGGER doc_entities_months_update AFTER UPDATE ON doc_entities BEGIN
	SELECT RAISE(ABORT, 'doc_entities rows are deleted and inserted, never updated (entity_months counts them)');
END;

-- quote_mentions gains each quote's sort key (date_to, doc, idx), indexed
-- by entity, so that the quotes about an entity are read latest first
-- from the index and the walk stops after a page, however many quotes
-- name it.
CREATE TABLE quote_mentions_new (
	entity  INTEGER NOT NULL,
	quote   INTEGER NOT NULL, -- quotes.n
	doc     INTEGER NOT NULL,
	idx     INTEGER NOT NULL, -- quotes.idx
	date_to TEXT,             -- quotes.date_to
	PRIMARY KEY (entity, quote)
) WITHOUT ROWID;
INSERT INTO quote_mentions_new (entity, quote, doc, idx, date_to)
	SELECT m.entity, m.quote, m.doc, q.idx, q.date_to FROM quote_mentions m JOIN quotes q ON q.n = m.quote;
DROP TABLE quote_mentions;
ALTER TABLE quote_mentions_new RENAME TO quote_mentions;
CREATE INDEX quote_mentions_doc ON quote_mentions(doc);
CREATE INDEX quote_mentions_date ON quote_mentions(entity, date_to, doc, idx);

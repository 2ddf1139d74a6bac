-- doc_dates: each document's publication date in a narrow table, kept by
-- triggers. A search with a date range checks the date of each match it
-- walks; read from documents, whose rows hold the text, that is a page
-- read per match (10,000 matches: 20 ms and more); here, a few hundred
-- small pages hold every date.
CREATE TABLE doc_dates (
	n         INTEGER PRIMARY KEY, -- documents.n
	published TEXT
);
INSERT INTO doc_dates (n, published) SELECT n, published FROM documents;
CREATE INDEX doc_dates_published ON doc_dates(published);

CREATE TRIGGER documents_dates_insert AFTER INSERT ON documents BEGIN
	INSERT INTO doc_dates (n, published) VALUES (new.n, new.published);
END;
CREATE TRIGGER documents_dates_update AFTER UPDATE OF n, published ON documents BEGIN
	DELETE FROM doc_dates WHERE n = old.n;
	INSERT INTO doc_dates (n, published) VALUES (new.n, new.published);
END;
CREATE TRIGGER documents_dates_delete AFTER DELETE ON documents BEGIN
	DELETE FROM doc_dates WHERE n = old.n;
END;

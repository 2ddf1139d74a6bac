-- Incidents by place name (IncidentFilter.Place without an entity id: a
-- place, district, province or country by name, as the dossier of a
-- location and "sitrep incidents --place" ask) are read from these
-- indexes, one look-up per column, instead of walking every incident
-- latest first and reading its row (a full walk for a place with few
-- incidents).
CREATE INDEX incidents_place_name ON incidents(place_name COLLATE NOCASE, date_to);
CREATE INDEX incidents_admin2 ON incidents(admin2 COLLATE NOCASE, date_to);
CREATE INDEX incidents_admin1 ON incidents(admin1 COLLATE NOCASE, date_to);
CREATE INDEX incidents_country ON incidents(country COLLATE NOCASE, date_to);

-- Row lengths of the full-text tables, 1,024 rows to a blob, so that
-- ranking reads them from memory instead of looking each one up (package
-- retrieval/ftsrank). Rows missing here are looked up as before.
CREATE TABLE fts_lengths (
	tbl   TEXT NOT NULL,
	chunk INTEGER NOT NULL,
	lens  BLOB NOT NULL,
	PRIMARY KEY (tbl, chunk)
) WITHOUT ROWID;

-- Facts about the index as a whole, such as which version of the text
-- analysis built it.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Files are the unit of incremental indexing: a file whose hash is unchanged
-- is skipped, a changed one has its documents replaced.
CREATE TABLE files (
	path TEXT PRIMARY KEY,
	hash TEXT NOT NULL,
	size INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
	id        INTEGER PRIMARY KEY,
	file      TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
	ext_id    TEXT NOT NULL,
	title     TEXT NOT NULL,
	url       TEXT NOT NULL,
	date      TEXT NOT NULL,
	date_from TEXT NOT NULL,
	source    TEXT NOT NULL,
	author    TEXT NOT NULL
);
CREATE INDEX documents_file ON documents(file);

CREATE TABLE passages (
	id      INTEGER PRIMARY KEY,
	doc     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	para    INTEGER NOT NULL,
	section TEXT NOT NULL,
	text    TEXT NOT NULL,
	date    TEXT NOT NULL,
	links   TEXT NOT NULL -- JSON array of {"text","url"}, "" when none
);
CREATE INDEX passages_doc ON passages(doc, ord);

-- The FTS index holds analyzed terms only (contentless): the verbatim text
-- lives in passages, and highlighting is done in Go on the original.
-- The ascii tokenizer only splits on the spaces the analyzer put there.
CREATE VIRTUAL TABLE passages_fts USING fts5(
	title, body,
	content = '', contentless_delete = 1,
	tokenize = "ascii tokenchars '_'",
	detail = full
);
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, row);

-- Whole documents are indexed too: which article a question is about is
-- judged better on all of its text than on one paragraph of it.
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, body,
	content = '', contentless_delete = 1,
	tokenize = "ascii tokenchars '_'",
	detail = full
);

-- Quotations found in the passages, with who said them. A quote may run
-- over several passages; parts holds [passage ord, start, end] byte ranges.
CREATE TABLE quotes (
	id         INTEGER PRIMARY KEY,
	doc        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	passage    INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
	text       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	speaker    TEXT NOT NULL,
	role       TEXT NOT NULL,
	confidence REAL NOT NULL,
	rule       TEXT NOT NULL,
	sentence   TEXT NOT NULL,
	parts      TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

-- Quotations have their own full-text index, analyzed like passages, so
-- that `who said` matches the quoted words first.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	body,
	content = '', contentless_delete = 1,
	tokenize = "ascii tokenchars '_'",
	detail = full
);
CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab(quotes_fts, row);

-- Temporal expressions of each passage, normalized at index time against
-- the passage's own date, else the document's (anchor says which).
CREATE TABLE timexes (
	passage  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
	start    INTEGER NOT NULL,
	end      INTEGER NOT NULL,
	text     TEXT NOT NULL,
	type     TEXT NOT NULL,
	value    TEXT NOT NULL,
	anchored INTEGER NOT NULL,
	anchor   TEXT NOT NULL,
	-- Keyed by passage so each expression costs one B-tree insert and
	-- a passage's expressions are read together.
	PRIMARY KEY (passage, start)
) WITHOUT ROWID;

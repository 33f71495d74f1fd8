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

-- The state database holds what users make, never what `citebot index`
-- rebuilds: the pin board and quizzes. Times are Unix milliseconds.

-- The pin board keeps a copy of what was pinned (quote, speaker, source),
-- so that it still reads right after the index is rebuilt and ids change.
CREATE TABLE pins (
	id         INTEGER PRIMARY KEY,
	guild      TEXT NOT NULL,
	channel    TEXT NOT NULL,
	message    TEXT NOT NULL,   -- the Discord message pinned, '' when none
	kind       TEXT NOT NULL CHECK (kind IN ('quote', 'passage')),
	ref        INTEGER NOT NULL, -- quote or passage id in the index
	quote      TEXT NOT NULL,
	speaker    TEXT NOT NULL,
	role       TEXT NOT NULL,
	title      TEXT NOT NULL,
	link       TEXT NOT NULL,
	doc_date   TEXT NOT NULL,
	source     TEXT NOT NULL,
	pinned_by  TEXT NOT NULL,
	pinned_at  INTEGER NOT NULL,
	on_discord INTEGER NOT NULL, -- 1 when Discord pinned the message too
	UNIQUE (guild, kind, ref)
);
CREATE INDEX pins_guild ON pins(guild, id);

-- At most one running quiz per channel.
CREATE TABLE quizzes (
	id         INTEGER PRIMARY KEY,
	guild      TEXT NOT NULL,
	channel    TEXT NOT NULL,
	started_by TEXT NOT NULL,
	kind       TEXT NOT NULL, -- who, when, mixed or ask
	topic      TEXT NOT NULL,
	rounds     INTEGER NOT NULL,
	seconds    INTEGER NOT NULL,
	state      TEXT NOT NULL CHECK (state IN ('running', 'done', 'stopped', 'interrupted')),
	created_at INTEGER NOT NULL,
	ended_at   INTEGER
);
CREATE UNIQUE INDEX quizzes_running ON quizzes(channel) WHERE state = 'running';

-- Every question of a quiz is stored at its start; a round is open from
-- opened_at until closed_at is set, and never past its deadline.
CREATE TABLE questions (
	quiz      INTEGER NOT NULL REFERENCES quizzes(id),
	round     INTEGER NOT NULL,
	kind      TEXT NOT NULL, -- who or when
	prompt    TEXT NOT NULL,
	choices   TEXT NOT NULL, -- JSON array of the four choices, in button order
	answer    INTEGER NOT NULL CHECK (answer BETWEEN 0 AND 3),
	quote     TEXT NOT NULL, -- the evidence: the quotation or sentence
	speaker   TEXT NOT NULL,
	role      TEXT NOT NULL,
	title     TEXT NOT NULL,
	link      TEXT NOT NULL,
	doc_date  TEXT NOT NULL,
	ref_kind  TEXT NOT NULL,
	ref       INTEGER NOT NULL,
	message   TEXT NOT NULL DEFAULT '',
	opened_at INTEGER,
	deadline  INTEGER,
	closed_at INTEGER,
	PRIMARY KEY (quiz, round)
) WITHOUT ROWID;

-- One answer per quiz, question and user: the primary key is what makes a
-- double click or a race count once.
CREATE TABLE answers (
	quiz       INTEGER NOT NULL,
	round      INTEGER NOT NULL,
	user       TEXT NOT NULL,
	guild      TEXT NOT NULL,
	choice     INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	at         INTEGER NOT NULL,
	elapsed_ms INTEGER NOT NULL,
	PRIMARY KEY (quiz, round, user),
	FOREIGN KEY (quiz, round) REFERENCES questions(quiz, round)
) WITHOUT ROWID;
CREATE INDEX answers_guild_at ON answers(guild, at);

package retrieval

import (
	"context"
	"fmt"
	"strings"

	"github.com/citebot/citebot/corpus"
)

// Quiz questions are made only from what the index is sure of: direct
// quotations with a named speaker attributed with at least
// MinQuizConfidence, and full calendar dates that are written out or
// counted from a publication or item date (never from an undated text).
const MinQuizConfidence = 0.7

// quizTopicPool is how many passages a topic is searched for.
const quizTopicPool = 60

// topicPassages returns the ids of passages about topic, or nil for any.
func (d *DB) topicPassages(ctx context.Context, topic string) ([]any, error) {
	hits, err := d.Search(ctx, topic, quizTopicPool)
	if err != nil {
		return nil, err
	}
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.PassageID
	}
	return ids, nil
}

// QuizQuotes returns up to limit random quotations fit for a "who said"
// question, from passages about topic when it is set.
func (d *DB) QuizQuotes(ctx context.Context, topic string, limit int) ([]QuoteHit, error) {
	where := `q.kind = 'direct' AND q.speaker != '' AND q.confidence >= ? AND length(q.text) BETWEEN 20 AND 600`
	args := []any{MinQuizConfidence}
	if topic = strings.TrimSpace(topic); topic != "" {
		ids, err := d.topicPassages(ctx, topic)
		if err != nil {
			return nil, fmt.Errorf("quiz quotes about %q: %w", topic, err)
		}
		if len(ids) == 0 {
			return nil, nil
		}
		where += ` AND q.passage IN (` + placeholders(len(ids)) + `)`
		args = append(args, ids...)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+quoteColumns+` WHERE `+where+` ORDER BY random() LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("quiz quotes: %w", err)
	}
	out, err := scanQuotes(rows)
	if err != nil {
		return nil, fmt.Errorf("quiz quotes: %w", err)
	}
	return out, nil
}

// QuizSpeakers returns up to limit speakers other than the one of h, as
// distractors, most plausible first: people quoted in the same document,
// then by the same outlet, then in documents closest in date. Only
// speakers with a confident direct quotation are offered, so that every
// choice reads like a name.
func (d *DB) QuizSpeakers(ctx context.Context, h QuoteHit, limit int) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT q.speaker,
			max(dd.id = (SELECT doc FROM quotes WHERE id = ?1)) AS same_doc,
			max(dd.source != '' AND dd.source = ?2) AS same_source,
			min(abs(coalesce(julianday(dd.date), 0) - coalesce(julianday(?3), 0))) AS days
		FROM quotes q JOIN documents dd ON dd.id = q.doc
		WHERE q.kind = 'direct' AND q.speaker != '' AND q.confidence >= ?4 AND q.speaker != ?5 COLLATE NOCASE
		GROUP BY q.speaker COLLATE NOCASE
		ORDER BY same_doc DESC, same_source DESC, days, random() LIMIT ?6`,
		h.QuoteID, h.Doc.Source, h.Doc.Date, MinQuizConfidence, h.Speaker, limit*3)
	if err != nil {
		return nil, fmt.Errorf("quiz speakers: %w", err)
	}
	defer rows.Close()
	var out []string
	answer := strings.ToLower(h.Speaker)
	for rows.Next() {
		var name string
		var sameDoc, sameSource bool
		var days float64
		if err := rows.Scan(&name, &sameDoc, &sameSource, &days); err != nil {
			return nil, fmt.Errorf("quiz speakers: %w", err)
		}
		// "Brandvold" is no distractor for "Ilse Brandvold".
		l := strings.ToLower(name)
		if strings.Contains(l, answer) || strings.Contains(answer, l) {
			continue
		}
		if len(out) < limit {
			out = append(out, name)
		}
	}
	return out, rows.Err()
}

// QuizDates returns up to limit random dates fit for a "when" question,
// from passages about topic when it is set: full calendar dates (a day)
// that are written out or counted from the publication or item date. The
// DateHit's Sentence holds the expression; Expression is its text, and
// its one Highlight its bytes in Passage.
func (d *DB) QuizDates(ctx context.Context, topic string, limit int) ([]DateHit, error) {
	// A written date ("Dec. 9", "June 14, 2024") holds a digit; a bare
	// weekday may be a habit ("open on Tuesday and Thursday mornings").
	where := `t.type = 'DATE' AND t.value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND t.anchor != 'undated'
		AND t.text GLOB '*[0-9]*'`
	var args []any
	if topic = strings.TrimSpace(topic); topic != "" {
		ids, err := d.topicPassages(ctx, topic)
		if err != nil {
			return nil, fmt.Errorf("quiz dates about %q: %w", topic, err)
		}
		if len(ids) == 0 {
			return nil, nil
		}
		where += ` AND t.passage IN (` + placeholders(len(ids)) + `)`
		args = append(args, ids...)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT t.start, t.end, t.text, t.value, t.anchor,
			p.id, p.doc, p.text, p.para, p.section, p.date,
			d.ext_id, d.file, d.title, d.url, d.date, d.date_from, d.source, d.author
		FROM timexes t JOIN passages p ON p.id = t.passage JOIN documents d ON d.id = p.doc
		WHERE `+where+` ORDER BY random() LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("quiz dates: %w", err)
	}
	defer rows.Close()
	var out []DateHit
	for rows.Next() {
		var dh DateHit
		var start, end int
		h := &dh.Hit
		if err := rows.Scan(&start, &end, &dh.Expression, &dh.Date, &dh.Anchor,
			&h.PassageID, &h.docRow, &h.Passage, &h.Para, &h.Section, &h.Date,
			&h.Doc.ID, &h.Doc.Path, &h.Doc.Title, &h.Doc.URL, &h.Doc.Date, &h.Doc.DateFrom, &h.Doc.Source, &h.Doc.Author); err != nil {
			return nil, fmt.Errorf("quiz dates: %w", err)
		}
		if start < 0 || end > len(h.Passage) || start >= end {
			continue
		}
		h.SentenceSpan = sentenceAround(h.Passage, start)
		h.Sentence = h.Passage[h.SentenceSpan.Start:h.SentenceSpan.End]
		// The expression's bytes in Passage, for blanking it out.
		h.Highlights = []corpus.Span{{Start: start, End: end}}
		out = append(out, dh)
	}
	return out, rows.Err()
}

// NearbyDates returns up to limit other full dates of the corpus within
// days of date, nearest first, as plausible distractors.
func (d *DB) NearbyDates(ctx context.Context, date string, days, limit int) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT value FROM timexes
		WHERE type = 'DATE' AND value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND value != ?1
			AND abs(julianday(value) - julianday(?1)) <= ?2
		ORDER BY abs(julianday(value) - julianday(?1)) LIMIT ?3`, date, days, limit)
	if err != nil {
		return nil, fmt.Errorf("dates near %s: %w", date, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("dates near %s: %w", date, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

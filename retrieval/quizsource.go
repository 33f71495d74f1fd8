package retrieval

import (
	"context"
	"fmt"
	"slices"
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
	return queryAll(ctx, d.db, "quiz quotes", scanQuoteRow,
		`SELECT `+quoteColumns+` WHERE `+where+` ORDER BY random() LIMIT ?`, append(args, limit)...)
}

// QuizSpeakers returns up to limit speakers other than the one of h, as
// distractors, most plausible first: people quoted in the same document,
// then by the same outlet, then in documents closest in date. Only
// speakers with a confident direct quotation are offered, so that every
// choice reads like a name.
func (d *DB) QuizSpeakers(ctx context.Context, h QuoteHit, limit int) ([]string, error) {
	var out []string
	answer := strings.ToLower(h.Speaker)
	err := eachRow(ctx, d.db, "quiz speakers", func(r rowScanner) error {
		var name string
		var sameDoc, sameSource bool
		var days float64
		if err := r.Scan(&name, &sameDoc, &sameSource, &days); err != nil {
			return err
		}
		// "Brandvold" is no distractor for "Ilse Brandvold".
		l := strings.ToLower(name)
		if strings.Contains(l, answer) || strings.Contains(answer, l) {
			return nil
		}
		if len(out) < limit {
			out = append(out, name)
		}
		return nil
	}, `SELECT q.speaker,
			max(dd.id = (SELECT doc FROM quotes WHERE id = ?1)) AS same_doc,
			max(dd.source != '' AND dd.source = ?2) AS same_source,
			min(abs(coalesce(julianday(dd.date), 0) - coalesce(julianday(?3), 0))) AS days
		FROM quotes q JOIN documents dd ON dd.id = q.doc
		WHERE q.kind = 'direct' AND q.speaker != '' AND q.confidence >= ?4 AND q.speaker != ?5 COLLATE NOCASE
		GROUP BY q.speaker COLLATE NOCASE
		ORDER BY same_doc DESC, same_source DESC, days, random() LIMIT ?6`,
		h.QuoteID, h.Doc.Source, h.Doc.Date, MinQuizConfidence, h.Speaker, limit*3)
	if err != nil {
		return nil, err
	}
	return out, nil
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
	var out []DateHit
	err := eachRow(ctx, d.db, "quiz dates", func(r rowScanner) error {
		var dh DateHit
		var start, end int
		h := &dh.Hit
		if err := r.Scan(slices.Concat([]any{&start, &end, &dh.Expression, &dh.Date, &dh.Anchor},
			passageDest(h), docDest(&h.Doc))...); err != nil {
			return err
		}
		if start < 0 || end > len(h.Passage) || start >= end {
			return nil
		}
		h.SentenceSpan = sentenceAround(h.Passage, start)
		h.Sentence = h.Passage[h.SentenceSpan.Start:h.SentenceSpan.End]
		// The expression's bytes in Passage, for blanking it out.
		h.Highlights = []corpus.Span{{Start: start, End: end}}
		out = append(out, dh)
		return nil
	}, `SELECT t.start, t.end, t.text, t.value, t.anchor,
			`+passageColumns+`,
			`+docColumns+`
		FROM timexes t JOIN passages p ON p.id = t.passage JOIN documents d ON d.id = p.doc
		WHERE `+where+` ORDER BY random() LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// NearbyDates returns up to limit other full dates of the corpus within
// days of date, nearest first, as plausible distractors.
func (d *DB) NearbyDates(ctx context.Context, date string, days, limit int) ([]string, error) {
	return queryAll(ctx, d.db, "dates near "+date, func(r rowScanner) (string, error) {
		var v string
		err := r.Scan(&v)
		return v, err
	}, `SELECT DISTINCT value FROM timexes
		WHERE type = 'DATE' AND value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND value != ?1
			AND abs(julianday(value) - julianday(?1)) <= ?2
		ORDER BY abs(julianday(value) - julianday(?1)) LIMIT ?3`, date, days, limit)
}

package commands

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// Quiz answer buttons carry the quiz, round and choice: "qz1:12:3:0".
const answerPrefix = "qz1:"

type answerRef struct {
	quiz   retrieval.QuizID
	round  int
	choice int
}

// AnswerID is the custom id of a quiz answer button.
func AnswerID(quiz retrieval.QuizID, round, choice int) string {
	return fmt.Sprintf("%s%d:%d:%d", answerPrefix, quiz, round, choice)
}

func parseAnswerID(id string) (answerRef, bool) {
	rest, ok := strings.CutPrefix(id, answerPrefix)
	if !ok {
		return answerRef{}, false
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return answerRef{}, false
	}
	q, err1 := strconv.ParseInt(parts[0], 10, 64)
	r, err2 := strconv.Atoi(parts[1])
	c, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || q <= 0 || r < 1 || c < 0 || c > 3 {
		return answerRef{}, false
	}
	return answerRef{retrieval.QuizID(q), r, c}, true
}

// choiceLetter is the letter of choice i: A, B, C or D.
func choiceLetter(i int) string { return string(rune('A' + i)) }

// intOption reads an integer option within [lo, hi], def when unset.
func intOption(req Request, name string, lo, hi, def int) (int, error) {
	v := req.Option(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, userErrorf(fmt.Sprintf("Give %s from %d to %d.", name, lo, hi), "“%s” is not a valid %s.", Escape(v), name)
	}
	return n, nil
}

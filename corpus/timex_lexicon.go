package corpus

import "time"

// txUnit is a calendar or clock unit of a duration or relative expression.
type txUnit uint8

const (
	txNoUnit txUnit = iota
	txSecond
	txMinute
	txHour
	txDay
	txWeek
	txMonth
	txQuarter
	txYear
	txDecade
	txCentury
)

// txUnitWord returns the unit a word names, and whether it is plural.
func txUnitWord(w string) (txUnit, bool) {
	switch w {
	case "second", "sec":
		return txSecond, false
	case "seconds", "secs":
		return txSecond, true
	case "minute", "min":
		return txMinute, false
	case "minutes", "mins":
		return txMinute, true
	case "hour", "hr":
		return txHour, false
	case "hours", "hrs":
		return txHour, true
	case "day":
		return txDay, false
	case "days":
		return txDay, true
	case "week":
		return txWeek, false
	case "weeks":
		return txWeek, true
	case "month":
		return txMonth, false
	case "months":
		return txMonth, true
	case "quarter":
		return txQuarter, false
	case "quarters":
		return txQuarter, true
	case "year", "yr":
		return txYear, false
	case "years", "yrs":
		return txYear, true
	case "decade":
		return txDecade, false
	case "decades":
		return txDecade, true
	case "century":
		return txCentury, false
	case "centuries":
		return txCentury, true
	}
	return txNoUnit, false
}

// txMonthWord returns the month a full or abbreviated month name names, and
// whether the name is an abbreviation (which then wants a period or a day).
func txMonthWord(w string) (time.Month, bool) {
	switch w {
	case "january":
		return time.January, false
	case "february":
		return time.February, false
	case "march":
		return time.March, false
	case "april":
		return time.April, false
	case "may":
		return time.May, false
	case "june":
		return time.June, false
	case "july":
		return time.July, false
	case "august":
		return time.August, false
	case "september":
		return time.September, false
	case "october":
		return time.October, false
	case "november":
		return time.November, false
	case "december":
		return time.December, false
	case "jan":
		return time.January, true
	case "feb":
		return time.February, true
	case "mar":
		return time.March, true
	case "apr":
		return time.April, true
	case "jun":
		return time.June, true
	case "jul":
		return time.July, true
	case "aug":
		return time.August, true
	case "sep", "sept":
		return time.September, true
	case "oct":
		return time.October, true
	case "nov":
		return time.November, true
	case "dec":
		return time.December, true
	}
	return 0, false
}

// txWeekdayWord returns the weekday a name names; ok is false otherwise.
// Abbreviations are accepted only by callers that see a following period.
func txWeekdayWord(w string) (d time.Weekday, abbrev, ok bool) {
	switch w {
	case "monday", "mondays":
		return time.Monday, false, true
	case "tuesday", "tuesdays":
		return time.Tuesday, false, true
	case "wednesday", "wednesdays":
		return time.Wednesday, false, true
	case "thursday", "thursdays":
		return time.Thursday, false, true
	case "friday", "fridays":
		return time.Friday, false, true
	case "saturday", "saturdays":
		return time.Saturday, false, true
	case "sunday", "sundays":
		return time.Sunday, false, true
	case "mon":
		return time.Monday, true, true
	case "tue", "tues":
		return time.Tuesday, true, true
	case "wed":
		return time.Wednesday, true, true
	case "thu", "thur", "thurs":
		return time.Thursday, true, true
	case "fri":
		return time.Friday, true, true
	case "sat":
		return time.Saturday, true, true
	case "sun":
		return time.Sunday, true, true
	}
	return 0, false, false
}

// txNumberWord returns the value of a cardinal number word; "a" and "an"
// count as one. The second result is false for words that are not numbers.
func txNumberWord(w string) (int, bool) {
	switch w {
	case "a", "an", "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve", "dozen":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	case "hundred":
		return 100, true
	}
	return 0, false
}

// txVagueAmount reports words that stand for an unknown number of units
// ("several weeks" is PXW).
func txVagueAmount(w string) bool {
	switch w {
	case "few", "several", "many", "some", "numerous", "couple":
		return true
	}
	return false
}

// txOrdinalWord returns the value of an ordinal word ("third" is 3).
func txOrdinalWord(w string) int {
	switch w {
	case "first":
		return 1
	case "second":
		return 2
	case "third":
		return 3
	case "fourth":
		return 4
	case "fifth":
		return 5
	case "sixth":
		return 6
	case "seventh":
		return 7
	case "eighth":
		return 8
	case "ninth":
		return 9
	case "tenth":
		return 10
	case "eleventh":
		return 11
	case "twelfth":
		return 12
	case "thirteenth":
		return 13
	case "fourteenth":
		return 14
	case "fifteenth":
		return 15
	case "sixteenth":
		return 16
	case "seventeenth":
		return 17
	case "eighteenth":
		return 18
	case "nineteenth":
		return 19
	case "twentieth":
		return 20
	case "twenty-first":
		return 21
	}
	return 0
}

// txPartOfDay returns the TIMEX3 code of a part of the day ("night" is NI).
func txPartOfDay(w string) string {
	switch w {
	case "morning", "mornings":
		return "MO"
	case "afternoon", "afternoons":
		return "AF"
	case "evening", "evenings":
		return "EV"
	case "night", "nights", "overnight":
		return "NI"
	}
	return ""
}

// txSeasonWord returns the TIMEX3 code of a season name.
func txSeasonWord(w string) string {
	switch w {
	case "spring":
		return "SP"
	case "summer":
		return "SU"
	case "fall", "autumn":
		return "FA"
	case "winter":
		return "WI"
	}
	return ""
}

// txIsAbbrev reports abbreviations whose period does not end a sentence.
func txIsAbbrev(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "jr", "sr", "st", "mt", "ft", "inc", "corp", "co", "ltd",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "vs", "no", "prof", "rev",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "est", "approx":
		return true
	}
	return false
}

// txDecadeWord returns the decade digit of a spelled-out decade of the
// twentieth century ("nineties" 9), or 0. "twenties" and "teens" are left
// out: in today's news they as often mean this century's.
func txDecadeWord(w string) int {
	switch w {
	case "thirties":
		return 3
	case "forties":
		return 4
	case "fifties":
		return 5
	case "sixties":
		return 6
	case "seventies":
		return 7
	case "eighties":
		return 8
	case "nineties":
		return 9
	}
	return 0
}

// txAnchorReach is how many tokens past its first token an expression may
// put its first anchor: "every twenty-five and a half years" has "half"
// sixth. A start word with no anchor that near cannot begin a match.
const txAnchorReach = 6

// txWordFlags classifies a lowercased word for the scan, in one switch
// because it runs on every word of the text:
//   - txCanStartFlag: the word may begin an expression, including the
//     modifiers TimeML keeps in the extent; every recognizer's first word
//     must have it, anything else is skipped at once;
//   - txAnchorFlag: the word carries an expression; every match of the
//     recognizers holds one (or a number) within its recognizer's reach of
//     its start (listed in matchHead, at most txAnchorReach);
//   - txModFlag: the word begins a modifier phrase (modifierAt).
//
// TestTxWordFlags checks the lists against the lexicon functions. Listing a
// word costs only speed; leaving out one that a rule needs loses matches.
func txWordFlags(w string) uint8 {
	switch w {
	// the heads: months, weekdays, units, parts of the day, seasons, day
	// words, vague references, holidays and set adverbs
	case "afternoon", "afternoons", "annually", "apr", "april", "aug", "august", "autumn", "centuries",
		"century", "christmas", "current", "currently", "daily", "day", "days", "dec", "decade",
		"decades", "december", "easter", "eighteen", "evening", "evenings", "fall", "feb", "february", "fri",
		"friday", "fridays", "future", "half", "hour", "hourly", "hours", "hr", "hrs", "jan", "january",
		"jul", "july", "jun", "june", "lately", "mar", "march", "may", "midday", "midnight", "min",
		"mins", "minute", "minutes", "mon", "monday", "mondays", "month", "monthly", "months", "morning",
		"mornings", "night", "nightly", "nights", "nineteen", "noon", "nov", "november", "now",
		"nowadays", "oct", "october", "overnight", "present", "presently", "q", "quarter", "quarters",
		"recently", "sat", "saturday", "saturdays", "sec", "second", "seconds", "secs", "sep", "sept",
		"september", "spring", "summer", "sun", "sunday", "sundays", "thanksgiving", "thu", "thur",
		"thurs", "thursday", "thursdays", "today", "tomorrow", "tonight", "tue", "tues", "tuesday",
		"tuesdays", "wed", "wednesday", "wednesdays", "week", "weekend", "weekends", "weekly", "weeks",
		"winter", "year", "yearly", "years", "yesterday", "yr", "yrs",
		"thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties":
		return txCanStartFlag | txAnchorFlag
	// words that begin an expression whose anchor comes later: numbers,
	// ordinals, vague amounts, deictic and set words
	case "a", "an", "couple", "dozen", "each", "eight", "eighteenth", "eighth", "eighty", "election", "eleven",
		"eleventh", "every", "few", "fifteen", "fifteenth", "fifth", "fifty", "fiscal", "five",
		"formerly", "forty", "four", "fourteen", "fourteenth", "fourth", "hundred", "its", "many",
		"middle", "new", "nine", "nineteenth", "ninety", "ninth", "numerous", "once", "one", "per",
		"previously", "prior", "recent", "seven", "seventeen", "seventeenth", "seventh", "seventy",
		"several", "six", "sixteen", "sixteenth", "sixth", "sixty", "soon", "ten", "tenth", "that",
		"then", "these", "third", "thirteen", "thirteenth", "thirty", "this", "those", "three",
		"twelfth", "twelve", "twentieth", "twenty", "two", "upcoming", "within":
		return txCanStartFlag
	// modifiers TimeML keeps in the extent (modifierAt), which also begin
	// heads such as "the past", "last week", "early 1998"
	case "about", "almost", "another", "approximately", "around", "as", "at", "beginning", "coming",
		"earlier", "early", "end", "exactly", "fewer", "first", "following", "just", "last", "late",
		"later", "latest", "less", "mid", "more", "nearly", "next", "no", "only", "over", "precisely",
		"previous", "roughly", "same", "some", "start", "the", "under", "up":
		return txCanStartFlag | txModFlag
	// "the past" is a reference on its own and a duration framer
	case "past":
		return txCanStartFlag | txAnchorFlag | txModFlag
	// anchors that no recognizer starts with ("the latest period")
	case "biweekly", "period", "term":
		return txAnchorFlag
	// modifiers only ("the final two years")
	case "additional", "barely", "final", "fully", "further", "initial", "remaining":
		return txModFlag
	}
	return 0
}

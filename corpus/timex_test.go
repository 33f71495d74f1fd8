package corpus

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// txTestDate is a test anchor date at midnight UTC.
func txTestDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// findTimex returns the expression whose text is want, failing the test if
// there is none.
func findTimex(t *testing.T, text, want string, a Anchor) Timex {
	t.Helper()
	got := TagTimex(text, a)
	for _, x := range got {
		if x.Text == want {
			if text[x.Start:x.End] != x.Text {
				t.Fatalf("TagTimex(%q): offsets %d-%d do not give %q", text, x.Start, x.End, x.Text)
			}
			return x
		}
	}
	t.Fatalf("TagTimex(%q) = %+v, want an expression %q", text, got, want)
	return Timex{}
}

// TestTagTimex checks one rule per case against a Friday anchor
// (2016-12-09, ISO week 49) unless the case names another date.
func TestTagTimex(t *testing.T) {
	tests := []struct {
		name, text, want string
		dct              string
		typ              TimexType
		value            string
	}{
		// weekdays and tense
		{"past weekday same day", "The board met on Friday to approve it.", "Friday", "", TimexDate, "2016-12-09"},
		{"future weekday same day is a week on", "The board will meet on Friday.", "Friday", "", TimexDate, "2016-12-16"},
		{"past weekday", "The mayor resigned Tuesday after a long dispute.", "Tuesday", "", TimexDate, "2016-12-06"},
		{"future weekday", "Voters will go to the polls Tuesday.", "Tuesday", "", TimexDate, "2016-12-13"},
		{"reported future", "She said the panel would decide Monday.", "Monday", "", TimexDate, "2016-12-12"},
		{"no cue defaults to past", "Storms across the valley Wednesday.", "Wednesday", "", TimexDate, "2016-12-07"},
		{"last weekday", "The deal closed last Friday.", "last Friday", "", TimexDate, "2016-12-02"},
		{"next weekday", "Talks resume next Monday.", "next Monday", "", TimexDate, "2016-12-12"},
		{"weekday night", "Fire crews arrived Wednesday night.", "Wednesday night", "", TimexTime, "2016-12-07TNI"},
		{"weekday morning", "The ship docked Thursday morning.", "Thursday morning", "", TimexTime, "2016-12-08TMO"},
		{"weekday plural is a set", "The market opens on Sundays.", "Sundays", "", TimexSet, "XXXX-WXX-7"},
		{"news present of a schedule", "The committee meets Monday to review the bids.", "Monday", "", TimexDate, "2016-12-12"},
		{"agreed to is a later act", "Both unions agreed to meet the mediator on Tuesday.", "Tuesday", "", TimexDate, "2016-12-13"},
		{"voted to is a later act", "The council voted to close the pier Monday.", "Monday", "", TimexDate, "2016-12-12"},
		{"plain infinitive keeps past", "Crews worked to clear the road on Tuesday.", "Tuesday", "", TimexDate, "2016-12-06"},
		{"nearer past verb beats a later present", "The committee met Monday, and it meets again soon.", "Monday", "", TimexDate, "2016-12-05"},
		{"until is a deadline", "Regulators extended the deadline until Tuesday.", "Tuesday", "", TimexDate, "2016-12-13"},
		{"up until looks back", "Up until Tuesday, officials had kept quiet.", "Tuesday", "", TimexDate, "2016-12-06"},
		{"clause-initial until looks back", "Until Wednesday, the firm had denied it.", "Wednesday", "", TimexDate, "2016-12-07"},
		{"weekday after a clock takes its cues", "Bidders have until 9 a.m. Tuesday to respond.", "9 a.m. Tuesday", "", TimexTime, "2016-12-13T09:00"},
		{"overtaken plan is past", "The offer had been due to expire Thursday.", "Thursday", "", TimexDate, "2016-12-08"},
		{"was planning is not past", "Organizers planned a rally on Saturday and were planning to block the bridge.", "Saturday", "", TimexDate, "2016-12-10"},
		{"said after a closing quote", "``The convoy will leave Thursday,'' the minister said.", "Thursday", "", TimexDate, "2016-12-15"},
		{"capitalized -ed word is not a verb", "He said a convoy would be heading back Thursday with United Nations staff.", "Thursday", "", TimexDate, "2016-12-15"},
		{"far would in a later clause", "Later Thursday, aides sought a law that would grant him status.", "Later Thursday", "", TimexDate, "2016-12-08"},
		{"to be is not a schedule", "Statement by the spokesman on Friday: we want to be clear.", "Friday", "", TimexDate, "2016-12-09"},
		{"payable is ahead, -ed adjective is no cue", "The reduced dividend is payable Jan. 3.", "Jan. 3", "", TimexDate, "2017-01-03"},
		{"participle after be is no cue", "The bonus will be paid in March.", "March", "", TimexDate, "2017-03"},
		{"abbreviation does not end the sentence", "Crews will inspect the levee with Gov. Baker on Friday.", "Friday", "", TimexDate, "2016-12-16"},
		{"initial does not end the sentence", "The union will meet Paul R. Diaz on Friday.", "Friday", "", TimexDate, "2016-12-16"},
		{"-eed verb is not past", "The deputy will succeed the chief on Friday.", "Friday", "", TimexDate, "2016-12-16"},
		// the story's own timeline
		{"later that year", "The plant opened in March 2009, and later that year it hired 200 workers.", "later that year", "", TimexDate, "2009"},
		{"the following year", "The treaty was signed on May 4, 1990, and the following year it took effect.", "the following year", "", TimexDate, "1991"},
		{"that day", "The fire started on June 2, 2014. That day, roads were closed.", "That day", "", TimexDate, "2014-06-02"},
		{"the next day", "The fire started on June 2, 2014, and crews contained it the next day.", "the next day", "", TimexDate, "2014-06-03"},
		{"that quarter", "Revenue fell in the second quarter of 2015, and costs for that quarter rose.", "that quarter", "", TimexDate, "2015-Q2"},
		{"the previous year", "Exports reached a record in 2012, up from the previous year.", "the previous year", "", TimexDate, "2011"},
		// report periods
		{"fiscal year ended", "Sales rose 4% in the fiscal year ended June 30.", "the fiscal year", "", TimexDuration, "P1Y"},
		{"year ending", "The firm expects a loss for the year ending in March.", "the year", "", TimexDuration, "P1Y"},
		{"by year-end", "The merger should close by year-end.", "year-end", "", TimexDate, "2016"},
		{"year's end", "The mill will shut by year's end.", "year's end", "", TimexDate, "2016"},
		{"since year-end", "The index is up 8% since year-end.", "year-end", "", TimexDate, "2015"},
		// halves in the smaller unit
		{"and a half years", "The talks dragged on for two and a half years.", "two and a half years", "", TimexDuration, "P2Y6M"},
		{"written fraction", "The flight took 5 1/2 hours.", "5 1/2 hours", "", TimexDuration, "PT5H30M"},
		{"a minute and a half", "The speech lasted a minute and a half.", "a minute and a half", "", TimexDuration, "PT1M30S"},
		{"half a day count", "The storm raged for 3 1/2 days.", "3 1/2 days", "", TimexDuration, "P3DT12H"},
		{"several quarters of a noun", "The unit had several quarters of losses.", "several quarters", "", TimexDuration, "PXQ"},
		// day words
		{"today", "Shares fell today in heavy trading.", "today", "", TimexDate, "2016-12-09"},
		{"yesterday", "The council voted yesterday.", "yesterday", "", TimexDate, "2016-12-08"},
		{"tomorrow", "The court rules tomorrow.", "tomorrow", "", TimexDate, "2016-12-10"},
		{"tonight", "The band plays tonight.", "tonight", "", TimexTime, "2016-12-09TNI"},
		{"this morning", "Traffic stalled this morning.", "this morning", "", TimexTime, "2016-12-09TMO"},
		{"last night", "Two homes burned last night.", "last night", "", TimexTime, "2016-12-08TNI"},
		// months
		{"past bare month", "Exports dropped in October.", "October", "", TimexDate, "2016-10"},
		{"future bare month", "The plant will open in October.", "October", "", TimexDate, "2017-10"},
		{"December said in January", "Profits rose in December.", "December", "2017-01-10", TimexDate, "2016-12"},
		{"last month name", "Rents rose last November.", "last November", "", TimexDate, "2015-11"},
		{"month this year", "The law passed in June this year.", "June this year", "", TimexDate, "2016-06"},
		{"early month", "The vote is set for early December.", "early December", "", TimexDate, "2016-12"},
		{"mid month", "Rains returned in mid-March.", "mid-March", "", TimexDate, "2016-03"},
		{"may the verb", "You may leave now.", "now", "", TimexDate, "PRESENT_REF"},
		// full dates
		{"US date", "It was signed Nov. 14, 2016, in Paris.", "Nov. 14, 2016", "", TimexDate, "2016-11-14"},
		{"UK date", "It was signed on 14 November 2016.", "14 November 2016", "", TimexDate, "2016-11-14"},
		{"ISO date", "Filed 2016-11-14 by the clerk.", "2016-11-14", "", TimexDate, "2016-11-14"},
		{"slash date", "Dated 11/14/2016 at the top.", "11/14/2016", "", TimexDate, "2016-11-14"},
		{"month and year", "Prices peaked in November 2016.", "November 2016", "", TimexDate, "2016-11"},
		{"weekday and date", "It ended on Friday, Nov. 4.", "Friday, Nov. 4", "", TimexDate, "2016-11-04"},
		{"month day past", "The treaty was signed Nov. 14.", "Nov. 14", "", TimexDate, "2016-11-14"},
		{"month day future across year", "He will be sworn in Jan. 20.", "Jan. 20", "", TimexDate, "2017-01-20"},
		{"ordinal day", "The fair opened on March 3rd.", "March 3rd", "", TimexDate, "2016-03-03"},
		{"year", "The mill closed in 1998.", "1998", "", TimexDate, "1998"},
		{"fiscal year", "Sales grew in fiscal 1998.", "fiscal 1998", "", TimexDate, "1998"},
		{"spoken year", "It began in nineteen ninety-six.", "nineteen ninety-six", "", TimexDate, "1996"},
		// relative units
		{"this week", "Markets were calm this week.", "this week", "", TimexDate, "2016-W49"},
		{"last week", "Markets slid last week.", "last week", "", TimexDate, "2016-W48"},
		{"last week on a Monday", "Markets slid last week.", "last week", "2016-12-05", TimexDate, "2016-W48"},
		{"last week across the year", "Markets slid last week.", "last week", "2016-01-04", TimexDate, "2015-W53"},
		{"this week on New Year's Day", "Markets are shut this week.", "this week", "2016-01-01", TimexDate, "2015-W53"},
		{"last month", "Hiring slowed last month.", "last month", "", TimexDate, "2016-11"},
		{"next month in December", "Hiring resumes next month.", "next month", "", TimexDate, "2017-01"},
		{"next year", "The line opens next year.", "next year", "", TimexDate, "2017"},
		{"last year", "The line opened last year.", "last year", "", TimexDate, "2015"},
		{"earlier this month", "It was announced earlier this month.", "earlier this month", "", TimexDate, "2016-12"},
		{"later this year", "A ruling is due later this year.", "later this year", "", TimexDate, "2016"},
		{"early next year", "Work starts early next year.", "early next year", "", TimexDate, "2017"},
		{"end of the year", "Stocks may rally by the end of the year.", "the end of the year", "", TimexDate, "2016"},
		{"this weekend", "Snow is likely this weekend.", "this weekend", "", TimexDate, "2016-W49-WE"},
		// quarters and halves
		{"quarter", "Earnings jumped in the third quarter.", "the third quarter", "", TimexDate, "2016-Q3"},
		{"hyphenated quarter", "Third-quarter earnings jumped.", "Third-quarter", "", TimexDate, "2016-Q3"},
		{"quarter with year", "Losses widened in the fourth quarter of 2015.", "the fourth quarter of 2015", "", TimexDate, "2015-Q4"},
		{"Q notation", "Margins shrank in Q2.", "Q2", "", TimexDate, "2016-Q2"},
		{"first half", "Output grew in the first half.", "the first half", "", TimexDate, "2016-H1"},
		{"year ago quarter", "Profit rose in the third quarter from a year ago.", "a year ago", "", TimexDate, "2015-Q3"},
		// counted dates
		{"years ago", "The dam burst three years ago.", "three years ago", "", TimexDate, "2013"},
		{"weeks ago", "He left two weeks ago.", "two weeks ago", "", TimexDate, "2016-W47"},
		{"days ago", "She arrived five days ago.", "five days ago", "", TimexDate, "2016-12-04"},
		{"months ago", "It was sold six months ago.", "six months ago", "", TimexDate, "2016-06"},
		// seasons, decades, centuries
		{"last summer", "The pool closed last summer.", "last summer", "", TimexDate, "2015-SU"},
		{"this spring", "The pool reopens this spring.", "this spring", "", TimexDate, "2016-SP"},
		{"season of year", "They married in the fall of 1998.", "the fall of 1998", "", TimexDate, "1998-FA"},
		{"decade", "Crime fell in the 1990s.", "the 1990s", "", TimexDate, "199"},
		{"short decade", "It was a hit in the '80s.", "the '80s", "", TimexDate, "198"},
		{"decade word", "The mill closed in the nineties.", "the nineties", "", TimexDate, "199"},
		{"decade word early", "Rents doubled in the early sixties.", "the early sixties", "", TimexDate, "196"},
		{"century", "Steel shaped the 20th century.", "the 20th century", "", TimexDate, "19"},
		// clock times
		{"clock time", "The polls close at 3 p.m. in the east.", "3 p.m.", "", TimexTime, "2016-12-09T15:00"},
		{"clock time with day", "The launch is set for 10:30 a.m. Tuesday.", "10:30 a.m. Tuesday", "", TimexTime, "2016-12-13T10:30"},
		{"noon", "The rally began at noon Thursday.", "noon Thursday", "", TimexTime, "2016-12-08T12:00"},
		// durations
		{"years", "He served three years in office.", "three years", "", TimexDuration, "P3Y"},
		{"weeks", "The strike lasted two weeks.", "two weeks", "", TimexDuration, "P2W"},
		{"months", "Repairs take six months.", "six months", "", TimexDuration, "P6M"},
		{"digits", "The permit is valid for 90 days.", "90 days", "", TimexDuration, "P90D"},
		{"the past year", "Prices doubled over the past year.", "the past year", "", TimexDuration, "P1Y"},
		{"the past N", "Sales rose in the past two months.", "the past two months", "", TimexDuration, "P2M"},
		{"decade", "It took a decade to build.", "a decade", "", TimexDuration, "P10Y"},
		{"vague hours", "They waited for hours.", "hours", "", TimexDuration, "PTXH"},
		{"compound number", "The lease runs twenty-five years.", "twenty-five years", "", TimexDuration, "P25Y"},
		{"a few", "The talks lasted a few days.", "a few days", "", TimexDuration, "PXD"},
		{"adjective", "They signed a two-year contract.", "two-year", "", TimexDuration, "P2Y"},
		{"approximate", "The flight took about five hours.", "about five hours", "", TimexDuration, "PT5H"},
		{"more than", "The case dragged on for more than a decade.", "more than a decade", "", TimexDuration, "P10Y"},
		{"later is a duration", "Two days later the bridge fell.", "Two days", "", TimexDuration, "P2D"},
		// sets
		{"every week", "The club meets every week.", "every week", "", TimexSet, "P1W"},
		{"daily", "The paper is printed daily.", "daily", "", TimexSet, "P1D"},
		{"annually", "Fees rise annually.", "annually", "", TimexSet, "P1Y"},
		{"each year", "Thousands visit each year.", "each year", "", TimexSet, "P1Y"},
		{"rate", "It costs $40 a year.", "a year", "", TimexSet, "P1Y"},
		// vague references
		{"now", "The town is now quiet.", "now", "", TimexDate, "PRESENT_REF"},
		{"currently", "Ten firms are currently bidding.", "currently", "", TimexDate, "PRESENT_REF"},
		{"recently", "The road was recently paved.", "recently", "", TimexDate, "PAST_REF"},
		{"the past", "Such floods were rare in the past.", "the past", "", TimexDate, "PAST_REF"},
		{"the future", "Costs may rise in the future.", "the future", "", TimexDate, "FUTURE_REF"},
		{"the week of a date", "Hearings open the week of Jan. 9.", "the week of Jan. 9", "", TimexDate, "2017-W02"},
		// the year
		{"for the year", "Profit for the year rose 5%.", "the year", "", TimexDate, "2016"},
		{"for the fiscal year", "Sales for the fiscal year were flat.", "the fiscal year", "", TimexDate, "2016"},
		{"the current fiscal year", "Costs will climb in the current fiscal year.", "the current fiscal year", "", TimexDate, "2016"},
		{"the year spoken", "Planners look ahead to the year two thousand.", "the year two thousand", "", TimexDate, "2000"},
		{"the year spoken with units", "It opened in the year two thousand and one.", "the year two thousand and one", "", TimexDate, "2001"},
		// holidays
		{"christmas", "The store will close on Christmas.", "Christmas", "", TimexDate, "2016-12-25"},
		{"thanksgiving", "Families gathered on Thanksgiving.", "Thanksgiving", "", TimexDate, "2016-11-24"},
		{"election day", "Voters head to the polls on Election Day.", "Election Day", "2016-10-01", TimexDate, "2016-11-08"},
		{"easter week", "Pilgrims crowded the old city as Easter week began.", "Easter week", "", TimexDate, "2016-W12"},
		{"easter after a preposition", "The bakery closes over Easter.", "Easter", "2017-01-10", TimexDate, "2017-04-16"},
		{"easter monday", "The parade went ahead on Easter Monday.", "Easter Monday", "", TimexDate, "2016-03-28"},
		// tense cues
		{"present passive is no past cue", "The appeal is heard in May.", "May", "", TimexDate, "2017-05"},
		{"agreement to is a later act", "The bank announced an agreement to buy the lender in March.", "March", "", TimexDate, "2017-03"},
		{"effective dates a coming change", "The board named a new chief, effective Feb. 1.", "Feb. 1", "", TimexDate, "2017-02-01"},
		{"became effective is past", "The new rule became effective Feb. 1.", "Feb. 1", "", TimexDate, "2016-02-01"},
		{"adjectival planned is no cue", "On Monday, when the mayor cut short a hastily planned tour, the council passed the budget.", "Monday", "", TimexDate, "2016-12-05"},
		// clock times dated across a parenthesis
		{"clock then zone time then weekday", "The blast occurred at 9:15 a.m. (1415 GMT) Thursday.", "9:15 a.m.", "", TimexTime, "2016-12-08T09:15"},
		{"weekday inside the parenthesis", "The convoy will leave at 5 in the morning (5 a.m. EST Saturday).", "5 in the morning", "", TimexTime, "2016-12-10T05:00"},
		// listed days, named days around a date
		{"second listed day", "The summit will be held on March 14 and 15 in Oslo.", "15", "", TimexDate, "2017-03-15"},
		{"the previous weekday", "Shares closed on Nov. 18 up 2% from the previous Friday.", "the previous Friday", "", TimexDate, "2016-11-11"},
		{"the day after an event", "The mill burned on May 2, 2010. Crews returned the day after the fire.", "the day", "", TimexDate, "2010-05-03"},
		{"the day before a date", "The day before last Tuesday's hearing, he fled the country.", "The day before last Tuesday", "", TimexDate, "2016-12-05"},
		// stretches of time
		{"the years that followed", "In the years that followed, the town doubled in size.", "the years", "", TimexDuration, "PXY"},
		{"over the years", "The rules have changed over the years.", "the years", "", TimexDuration, "PXY"},
		{"the weeks ahead", "Analysts expect more cuts in the weeks ahead.", "the weeks ahead", "", TimexDuration, "PXW"},
		{"unit-long adjective", "Delegates walked out of a third day-long session.", "day-long", "", TimexDuration, "P1D"},
		{"rate of hours a day", "Guards watch the gate 24 hours a day.", "24 hours a day", "", TimexSet, "P1D"},
		// seasons, decades and references
		{"this past spring", "The dam was finished this past spring.", "this past spring", "", TimexDate, "2016-SP"},
		{"this coming summer", "The pool reopens this coming summer.", "this coming summer", "", TimexDate, "2017-SU"},
		{"hyphenated mid decade", "Rents soared in the mid-eighties.", "the mid-eighties", "", TimexDate, "198"},
		{"month modifying a noun", "The May elections will test the government.", "May", "", TimexDate, "2017-05"},
		{"now that", "Prices should fall now that the mine has reopened.", "now", "", TimexDate, "PRESENT_REF"},
		{"possessive future", "The vote will decide the island's future in the region.", "future", "", TimexDate, "FUTURE_REF"},
		{"then current", "Holders may buy shares at the then current price.", "then current", "", TimexDate, "PAST_REF"},
		{"the near term", "Margins will stay thin in the near term.", "the near term", "", TimexDate, "FUTURE_REF"},
		{"earlier in the year", "Floods delayed planting earlier in the year.", "earlier in the year", "", TimexDate, "2016"},
		{"mid afternoon", "By mid afternoon the crowd had left.", "mid afternoon", "", TimexTime, "2016-12-09TAF"},
		{"mid-morning with a day", "Trading slowed in mid-morning yesterday.", "mid-morning yesterday", "", TimexTime, "2016-12-08TMO"},
		{"the nth day of something under way", "Today is the fifth day of the strike.", "the fifth day", "", TimexDate, "2016-12-09"},
		{"quotation opening today", "\"Today is a sad day for the port,\" she said.", "Today", "", TimexDate, "2016-12-09"},
		// a chain of "the day before" nests once
		{"the day before the day before a date", "The ferry sank the day before the day before June 6, 2015.", "the day before the day before June 6, 2015", "", TimexDate, "2015-06-04"},
		{"the day after a date", "Crowds gathered the day after May 1, 2014.", "the day after May 1, 2014", "", TimexDate, "2014-05-02"},
		{"a chain stops at two links", "Crowds gathered the day after the day after the day after May 1, 2014.", "the day after the day after May 1, 2014", "", TimexDate, "2014-05-03"},
		// title-case headlines keep their times
		{"headline this week", "Markets Rally This Week As Oil Slides", "This Week", "", TimexDate, "2016-W49"},
		{"headline today", "Stocks Fall Today", "Today", "", TimexDate, "2016-12-09"},
		{"headline next week", "Leaders To Meet Next Week", "Next Week", "", TimexDate, "2016-W50"},
		{"headline next month", "Bakers Plan Big Strike Next Month Over Wages", "Next Month", "", TimexDate, "2017-01"},
		// a weekday across a parenthesis
		{"weekday inside a parenthesis is not the clock's", "The panel will gather at 9 a.m. (after Tuesday's vote).", "9 a.m.", "", TimexTime, "2016-12-09T09:00"},
		{"weekday after a zone inside a parenthesis", "Sirens sounded at 5 in the morning (5 a.m. PST Wednesday).", "5 in the morning", "", TimexTime, "2016-12-07T05:00"},
		{"weekday after the closing parenthesis", "Rebels attacked at 11:20 a.m. (0820 GMT) Thursday.", "11:20 a.m.", "", TimexTime, "2016-12-08T11:20"},
		{"on and a weekday after the parenthesis", "The summit will open at 10 a.m. (1500 GMT) on Monday.", "10 a.m.", "", TimexTime, "2016-12-12T10:00"},
		// holidays take next, last and tense
		{"next easter", "Ticket sales should recover by next Easter.", "next Easter", "2016-04-10", TimexDate, "2017-04-16"},
		{"last easter", "The abbey was packed last Easter.", "last Easter", "2016-04-10", TimexDate, "2016-03-27"},
		{"future easter after it passed", "The shrine will reopen at Easter.", "Easter", "2016-04-10", TimexDate, "2017-04-16"},
		{"past easter before it comes", "The choir sang at Easter.", "Easter", "2016-03-01", TimexDate, "2015-04-05"},
		{"easter week under way", "Pilgrims crowded the town as Easter week began.", "Easter week", "2016-03-22", TimexDate, "2016-W12"},
		{"past election day before it comes", "Turnout was high on Election Day.", "Election Day", "2016-11-05", TimexDate, "2015-11-03"},
		{"future election day", "Voters will line up early on Election Day.", "Election Day", "2016-11-05", TimexDate, "2016-11-08"},
		{"past thanksgiving before it comes", "Families gathered for Thanksgiving.", "Thanksgiving", "2016-11-05", TimexDate, "2015-11-26"},
		{"last thanksgiving", "Stores opened at dawn last Thanksgiving.", "last Thanksgiving", "2016-12-09", TimexDate, "2016-11-24"},
		{"next christmas", "The toy maker is betting on next Christmas.", "next Christmas", "2016-12-30", TimexDate, "2017-12-25"},
		// unit-long adjectives
		{"plural unit-long after a preposition", "The line reopened after months-long repairs.", "months", "", TimexDuration, "PXM"},
		{"singular unit-long", "Crews ended a week-long search.", "a week-long", "", TimexDuration, "P1W"},
		// a rate is not followed by ago
		{"duration before a year ago", "Prices rose for two weeks a year ago.", "two weeks", "", TimexDuration, "P2W"},
		{"year ago after a duration", "Prices rose for two weeks a year ago.", "a year ago", "", TimexDate, "2015"},
		{"rate still a set", "Guards walk the wall six hours a day.", "six hours a day", "", TimexSet, "P1D"},
		// quoted speech is not a title
		{"quote opening the sentence", "The ferry leaves soon. \"Tomorrow,\" the captain said.", "Tomorrow", "", TimexDate, "2016-12-10"},
		{"quote after said", "Asked when, the clerk said \"Tomorrow.\"", "Tomorrow", "", TimexDate, "2016-12-10"},
		{"quote after said and a colon", "The coach said: \"Next Week.\"", "Next Week", "", TimexDate, "2016-W50"},
		// effective is a weak cue
		{"bare effective yields to a past verb", "The fee, effective Oct. 1, lowered bills for most renters.", "Oct. 1", "", TimexDate, "2016-10-01"},
		{"will be effective", "The fee will be effective Oct. 1.", "Oct. 1", "", TimexDate, "2017-10-01"},
		{"becomes effective", "The fee becomes effective Oct. 1.", "Oct. 1", "", TimexDate, "2017-10-01"},
		{"bare effective far from a past verb", "The board created a new post for a deputy, effective Feb. 1.", "Feb. 1", "", TimexDate, "2017-02-01"},
		// the day next to an event dated just before
		{"day after an event dated a sentence before", "The mill burned on June 2, 2011. It reopened the day after the fire.", "the day", "", TimexDate, "2011-06-03"},
		{"day after an event dated three sentences before", "The mill burned on June 2, 2011. Its owner was away. Crews came from two towns. It reopened the day after the fire.", "the day", "", TimexDate, "2011-06-03"},
		{"day before across a paragraph break", "The mill burned on June 2, 2011.\n\nWorkers fled the day before the fire.", "the day", "", TimexDate, "2011-06-01"},
		// listed days must exist
		{"listed day that exists", "The fair runs April 29 and 30 in the park.", "30", "", TimexDate, "2017-04-30"},
		{"leap day listed", "Rallies took place on Feb. 28 and 29, 2016.", "29", "", TimexDate, "2016-02-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dct := tt.dct
			if dct == "" {
				dct = "2016-12-09"
			}
			got := findTimex(t, tt.text, tt.want, Anchor{Date: txTestDate(t, dct)})
			if got.Type != tt.typ || got.Value != tt.value {
				t.Errorf("TagTimex(%q)[%q] = %s %s, want %s %s", tt.text, tt.want, got.Type, got.Value, tt.typ, tt.value)
			}
		})
	}
}

// TestTagTimexUndated checks partial values when the anchor date is unknown.
func TestTagTimexUndated(t *testing.T) {
	tests := []struct {
		name, text, want string
		hint             int
		value            string
	}{
		{"bare month with hint", "Exports dropped in October.", "October", 2015, "2015-10"},
		{"bare month without hint", "Exports dropped in October.", "October", 0, "XXXX-10"},
		{"month day without hint", "The treaty was signed Dec. 19.", "Dec. 19", 0, "XXXX-12-19"},
		{"month day with hint", "The treaty was signed Dec. 19.", "Dec. 19", 2014, "2014-12-19"},
		{"weekday", "The board met on Friday.", "Friday", 2014, "XXXX-WXX-5"},
		{"absolute date kept", "It was signed Nov. 14, 2016.", "Nov. 14, 2016", 2010, "2016-11-14"},
		{"last week", "Markets slid last week.", "last week", 0, "XXXX-WXX"},
		{"today", "Shares fell today.", "today", 0, "PRESENT_REF"},
		{"duration untouched", "The strike lasted two weeks.", "two weeks", 0, "P2W"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findTimex(t, tt.text, tt.want, Anchor{YearHint: tt.hint})
			if got.Value != tt.value {
				t.Errorf("TagTimex(%q, hint %d)[%q] = %s, want %s", tt.text, tt.hint, tt.want, got.Value, tt.value)
			}
		})
	}
}

// TestTagTimexRejects lists look-alikes that are not temporal expressions.
func TestTagTimexRejects(t *testing.T) {
	tests := []struct{ name, text string }{
		{"may as a verb", "Officials may appeal the decision."},
		{"march as a noun", "Thousands joined the march downtown."},
		{"age", "The 6-year-old girl was found safe."},
		{"age in words", "He is 52 years old."},
		{"money", "The fine was $2000."},
		{"big number", "About 1,500 people attended."},
		{"a second time", "The judge ruled a second time."},
		{"a quarter of", "A quarter of the staff left."},
		{"falling prices", "Prices fall when supply grows."},
		{"sun newspaper", "The Sun reported the story."},
		{"the year alone", "The year was hard on farmers."},
		{"two thousand is a number", "Two thousand people marched."},
		{"hyphenated fraction", "Farmers export three-quarters of their grain."},
		{"fraction of a group", "Three quarters of the members voted."},
		{"year-end as an adjective", "Managers received year-end bonuses."},
		{"decade word as an age", "She is in her forties and he in his fifties."},
		{"that year without a date before it", "That year was hard on farmers."},
		{"high noon", "It was high noon for the coalition."},
		{"title with a count", "She gave an interview to the \"48 Hours\" program."},
		{"newspaper named today", "She told USA Today the plan was dead."},
		{"quoted show title", "He spoke on the network's \"This Week\" program."},
		{"discourse now", "Now, critics say the plan is flawed."},
		{"future as an adjective", "The firm's future earnings look weak."},
		{"capitalized march as a name", "Thousands joined the March on the capital."},
		{"easter eggs", "The children hunted for Easter eggs."},
		{"days before an event", "He was seen in the days before the fire."},
		{"short term of a noun", "She served a short term of office."},
		{"a later nth day", "The fifth day of the strike was calm."},
		{"headline name in running text", "The mayor told the Morning Star Today that she would run."},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TagTimex(tt.text, Anchor{Date: txTestDate(t, "2016-12-09")}); len(got) != 0 {
				t.Errorf("TagTimex(%q) = %+v, want none", tt.text, got)
			}
		})
	}
}

// TestTagTimexNotTagged checks words left out of the expressions around
// them.
func TestTagTimexNotTagged(t *testing.T) {
	tests := []struct{ name, text, unwanted, wanted string }{
		{"recently before a time", "Three bridges failed, most recently last October.", "recently", "last October"},
		{"number after a listed day that is not a day", "It rained on June 3 and 4 inches fell.", "4", "June 3"},
		{"appositive day before an event", "He was last seen on May 2, 2010, the day before the vote.", "the day", "May 2, 2010"},
		{"day after an event dated too far back", "The mill burned on June 2, 2011. Its owner was away. Crews came from three towns. The roof fell in. Insurers were called. Rain fell the day after the fire.", "the day", "June 2, 2011"},
		{"april has no 31st", "The fair runs April 30 and 31 near the river.", "31", "April 30"},
		{"february has no 30th", "Rallies took place on Feb. 28 and 30, aides said.", "30", "Feb. 28"},
		{"february 29 in a common year", "The fair will open Feb. 28 and 29 for members.", "29", "Feb. 28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Anchor{Date: txTestDate(t, "2016-12-09")}
			findTimex(t, tt.text, tt.wanted, a)
			for _, x := range TagTimex(tt.text, a) {
				if strings.Contains(x.Text, tt.unwanted) {
					t.Errorf("TagTimex(%q) has %q, want %q left out", tt.text, x.Text, tt.unwanted)
				}
			}
		})
	}
}

// TestTagTimexOffsets checks byte offsets after multi-byte text and that
// expressions come in order without overlapping.
func TestTagTimexOffsets(t *testing.T) {
	text := "Le café “Zoë” rouvrira le 3 mai — no: it reopened on Friday, and again last week."
	got := TagTimex(text, Anchor{Date: txTestDate(t, "2016-12-09")})
	want := []string{"Friday", "last week"}
	if len(got) != len(want) {
		t.Fatalf("TagTimex(%q) = %+v, want %d expressions", text, got, len(want))
	}
	end := 0
	for i, x := range got {
		if x.Text != want[i] || text[x.Start:x.End] != x.Text {
			t.Errorf("TagTimex(%q)[%d] = %q at %d-%d, want %q", text, i, x.Text, x.Start, x.End, want[i])
		}
		if x.Start < end {
			t.Errorf("TagTimex(%q)[%d] starts at %d, before the previous end %d", text, i, x.Start, end)
		}
		end = x.End
	}
}

// TestTagTimexAnchorReach checks expressions whose first anchor word lies as
// far from their start as each recognizer's reach in matchHead allows, so a
// reach set too short shows up as a lost match.
func TestTagTimexAnchorReach(t *testing.T) {
	tests := []struct {
		name, text, want string
		typ              TimexType
		value            string
	}{
		{"set, half sixth", "The fund rebalances every twenty-five and a half years.", "every twenty-five and a half years", TimexSet, "P25Y6M"},
		{"duration, unit fifth", "The lease runs twenty-five more years.", "twenty-five more years", TimexDuration, "P25Y"},
		{"quarter, unit fourth", "Sales rose in the fiscal first-quarter report.", "the fiscal first-quarter", TimexDate, "2016-Q1"},
		{"century, unit fourth", "Shops sold the fiscal twentieth-century look.", "the fiscal twentieth-century", TimexDate, "19"},
		{"relative, unit third", "Profit fell in the most recent quarter.", "the most recent quarter", TimexDate, "2016-Q3"},
		{"fiscal relative, unit third", "Costs climbed in the current fiscal year.", "the current fiscal year", TimexDate, "2016"},
		{"modifiers before a far head", "He left some twenty-five years ago.", "some twenty-five years ago", TimexDate, "1991"},
		{"modifier word that starts nothing", "The plant closed the final two years.", "the final two years", TimexDuration, "P2Y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findTimex(t, tt.text, tt.want, Anchor{Date: txTestDate(t, "2016-12-09")})
			if got.Type != tt.typ || got.Value != tt.value {
				t.Errorf("TagTimex(%q)[%q] = %s %s, want %s %s", tt.text, tt.want, got.Type, got.Value, tt.typ, tt.value)
			}
		})
	}
}

// TestTxWordFlags checks txWordFlags against the lexicon: every string the
// timex rules compare with that names a month, weekday, unit, part of the
// day or season must begin and carry an expression, every number word must
// begin one, and every first word of a modifier phrase must be flagged so.
func TestTxWordFlags(t *testing.T) {
	files, err := filepath.Glob("timex*.go")
	if err != nil {
		t.Fatalf("list sources: %v", err)
	}
	words := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", f, err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if w, err := strconv.Unquote(bl.Value); err == nil && txTestIsWord(w) {
					words[w] = true
				}
			}
			return true
		})
	}
	if len(words) < 200 {
		t.Fatalf("found only %d words in the timex sources", len(words))
	}
	for w := range words {
		f := txWordFlags(w)
		m, _ := txMonthWord(w)
		_, _, wd := txWeekdayWord(w)
		u, _ := txUnitWord(w)
		if (m != 0 || wd || u != txNoUnit || txPartOfDay(w) != "" || txSeasonWord(w) != "") && f&(txCanStartFlag|txAnchorFlag) != txCanStartFlag|txAnchorFlag {
			t.Errorf("txWordFlags(%q) = %b, want it to begin and carry an expression", w, f)
		}
		if _, num := txNumberWord(w); (num || txOrdinalWord(w) > 0 || txVagueAmount(w)) && f&txCanStartFlag == 0 {
			t.Errorf("txWordFlags(%q) = %b, want it to begin an expression", w, f)
		}
		for _, rest := range []string{"", " than", " of", " least", " to", " many as", " more than", "-"} {
			text := w + rest
			s := &txScanner{text: text, lower: txLowerASCII(text), ctxStart: -1}
			s.toks = txTokenize(text, s.lower)
			if n, _ := s.modifierAt(0); n > 0 && f&txModFlag == 0 {
				t.Errorf("txWordFlags(%q) = %b, want txModFlag: modifierAt accepts %q", w, f, text)
			}
		}
	}
}

// txTestIsWord reports a lowercase ASCII word, which tokenizes as itself.
func txTestIsWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// A tagger reused from text to text answers as fresh calls do: nothing of
// a longer earlier text leaks into a shorter later one.
func TestTimexTaggerReuse(t *testing.T) {
	anchor := Anchor{Date: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)}
	texts := []string{
		"The harbor board met on Tuesday and will meet again next month, three weeks after the vote of March 1, 2024.",
		"Last week.",
		"",
		"Crews worked through Wednesday night; the ferry resumes in the spring of 2025.",
		"No dates here at all.",
	}
	var g TimexTagger
	for _, text := range texts {
		got, want := g.Tag(text, anchor), TagTimex(text, anchor)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reused tagger on %q = %+v, fresh call = %+v", text, got, want)
		}
	}
}

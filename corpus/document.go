// Package corpus turns files of news articles, reports and notes into
// documents made of verbatim passages. It is pure domain code: it reads bytes
// handed to it and knows nothing about indexes or Discord.
package corpus

// Document is one article or note, with the passages that may be quoted from it.
type Document struct {
	// ID is the record id for JSON Lines documents, else Path.
	ID string
	// Path is the file's path relative to the corpus root, '/'-separated.
	Path string
	// Title comes from metadata, else the first heading, else the first real line.
	Title string
	// URL is the document's canonical address, or "".
	URL string
	// Date is the publication date as YYYY-MM-DD, or "" when unknown.
	Date string
	// DateFrom says where Date came from: "metadata", "url", "filename",
	// "dateline" or "" when Date is empty.
	DateFrom string
	// Source is the outlet or publisher, Author the byline; either may be "".
	Source string
	Author string
	// Passages are the quotable pieces in reading order.
	Passages []Passage
}

// Passage is a paragraph, or a sentence-aligned piece of a long paragraph,
// kept verbatim (markup removed) so that answers can quote it exactly.
type Passage struct {
	// Para is the 1-based number of the paragraph in the document; the
	// pieces of a split paragraph share it.
	Para int
	// Section is the nearest heading above the passage, or "".
	Section string
	// Text is the passage as shown to readers.
	Text string
	// Links are the hyperlinks whose anchor text lies in Text.
	Links []Link
	// Date is the passage's own date (YYYY-MM-DD) when it is a dated item,
	// such as a list entry whose link carries a date; else "".
	Date string
}

// Link is a hyperlink kept from Markdown or HTML: Text is the anchor text as it
// appears in the passage.
type Link struct {
	Text string
	URL  string
}

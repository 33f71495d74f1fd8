package retrieval

// isStopWord reports whether w (folded, unstemmed) is an English function
// word left out of the index and of queries: such words occur in most
// passages, so they add cost to every OR query and almost nothing to ranking.
// Content words that merely look common ("said", "new") are kept, because
// questions about speech and events depend on them.
func isStopWord(w string) bool {
	switch w {
	case "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
		"as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
		"can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
		"further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
		"himself", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "itself", "just",
		"me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
		"only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should",
		"so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
		"there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
		"very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
		"will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "also",
		"may", "might", "must", "shall", "upon", "yet", "whether", "within", "without", "onto", "per",
		"via":
		return true
	}
	return false
}

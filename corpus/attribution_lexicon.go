package corpus

// The word lists below drive quote attribution. They are read-only tables:
// nothing writes to them after package initialisation.

// speechVerbs are the reporting verbs that tie a speaker to a quotation, in
// the past and present forms news writing uses. The value is the confidence
// bonus of the verb: plain reporting verbs are certain, "reported" and
// "called" leave room for doubt.
var speechVerbs = map[string]float64{
	"said": 1, "says": 1, "say": 0.9, "told": 1, "tells": 1, "added": 1, "adds": 1,
	"wrote": 1, "writes": 1, "tweeted": 1, "tweets": 1, "continued": 1, "continues": 1,
	"explained": 1, "explains": 1, "noted": 1, "notes": 1, "argued": 1, "argues": 1,
	"insisted": 1, "insists": 1, "warned": 1, "warns": 1, "stated": 1, "states": 1,
	"replied": 1, "replies": 1, "asked": 1, "asks": 1, "read": 0.9, "reads": 0.9,
	"recalled": 1, "recalls": 1, "declared": 1, "declares": 1, "announced": 1,
	"claimed": 1, "claims": 1, "acknowledged": 1, "admitted": 1, "admits": 1,
	"complained": 1, "conceded": 1, "observed": 1, "remarked": 1, "responded": 1,
	"suggested": 0.9, "suggests": 0.9, "testified": 1, "emphasized": 1, "emphasised": 1,
	"stressed": 1, "cautioned": 1, "predicted": 1, "posted": 0.9, "concluded": 1,
	"countered": 1, "quipped": 1, "joked": 1, "boasted": 1, "lamented": 1, "mused": 1,
	"charged": 0.9, "contended": 1, "maintained": 0.9, "vowed": 1, "promised": 0.9,
	"pleaded": 1, "urged": 1, "demanded": 1, "shouted": 1, "yelled": 1, "whispered": 1,
	"exclaimed": 1, "answered": 1, "confirmed": 1, "denied": 0.9, "disclosed": 1,
	"reported": 0.8, "reports": 0.8, "wondered": 1, "thundered": 1, "snapped": 1,
	"agreed": 0.9, "began": 0.6, "recounted": 1, "reiterated": 1, "concludes": 1, "summed": 0.8,
	"speculated": 1, "estimated": 0.9, "predicts": 1, "proclaimed": 1,
	"according": 1, "called": 0.7, "calls": 0.7, "described": 0.7, "dubbed": 0.6,
	"saying": 0.9, "adding": 0.9, "telling": 0.9, "writing": 0.9, "noting": 0.9,
	"arguing": 0.9, "insisting": 0.9, "warning": 0.9, "explaining": 0.9, "calling": 0.7,
	"describing": 0.7, "declaring": 0.9, "claiming": 0.9, "asking": 0.9, "stating": 0.9,
	"tweeting": 0.9, "urging": 0.9, "promising": 0.8, "vowing": 0.9, "pointing": 0.6,
}

// participleVerbs are the "-ing" forms, whose speaker is the subject of the
// sentence rather than a phrase next to the verb.
var participleVerbs = map[string]bool{
	"saying": true, "adding": true, "telling": true, "writing": true, "noting": true,
	"arguing": true, "insisting": true, "warning": true, "explaining": true, "calling": true,
	"describing": true, "declaring": true, "claiming": true, "asking": true, "stating": true,
	"tweeting": true, "urging": true, "promising": true, "vowing": true, "pointing": true,
}

// weakVerbs name the quotation rather than report it ("called it
// ridiculous"); they attribute partial quotes but never invert.
var weakVerbs = map[string]bool{
	"called": true, "calls": true, "described": true, "dubbed": true, "calling": true,
	"describing": true, "began": true, "pointing": true,
}

// auxWords may stand between a speaker and its verb ("has said", "later
// told") without breaking the speaker phrase.
var auxWords = map[string]bool{
	"has": true, "had": true, "have": true, "also": true, "later": true, "then": true,
	"again": true, "once": true, "previously": true, "earlier": true, "recently": true,
	"reportedly": true, "repeatedly": true, "simply": true, "flatly": true, "publicly": true,
	"privately": true, "quickly": true, "would": true, "will": true,
	"first": true, "further": true, "just": true, "bluntly": true, "angrily": true,
	"frankly": true, "openly": true, "subsequently": true, "finally": true, "still": true,
	"even": true, "only": true, "often": true, "always": true, "never": true, "ultimately": true,
	"did": true, "does": true,
}

// clauseWords are finite verbs and subordinators that show a phrase is a
// clause rather than a noun phrase, so it cannot be a speaker.
var clauseWords = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true,
	"do": true, "does": true, "did": true, "can": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "shall": true, "if": true, "because": true,
	"while": true, "although": true, "though": true, "since": true, "when": true,
	"after": true, "before": true, "until": true, "unless": true, "whether": true,
	"not": true, "so": true, "than": true, "there": true, "here": true, "what": true,
	"how": true, "why": true, "where": true, "get": true, "got": true, "made": true,
	"make": true, "went": true, "go": true, "going": true, "came": true, "come": true,
	"took": true, "take": true, "gave": true, "give": true, "want": true, "wanted": true,
	"think": true, "thought": true, "know": true, "knew": true, "see": true, "saw": true,
	"i": true, "me": true, "my": true, "you": true, "your": true, "we": true, "us": true,
	"our": true, "him": true, "them": true, "it's": true, "that's": true, "he's": true,
	"she's": true,
}

// relativeWords open a relative clause inside a speaker description.
var relativeWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "which": true, "that": true,
}

// determiners may open a descriptive speaker phrase ("a senior official").
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "one": true, "another": true, "some": true,
	"many": true, "several": true, "two": true, "three": true, "four": true, "five": true,
	"his": true, "her": true, "its": true, "their": true, "this": true, "these": true,
	"those": true, "both": true, "other": true, "most": true, "few": true, "senior": true,
	"former": true, "top": true, "u.s.": true, "local": true, "federal": true, "state": true,
}

// prepositions end a role before a name only when they are not its last word:
// "a spokesman for Google" is one description, not role plus name.
var prepositions = map[string]bool{
	"of": true, "for": true, "at": true, "in": true, "on": true, "with": true, "from": true,
	"to": true, "by": true, "the": true, "a": true, "an": true, "and": true, "or": true,
	"about": true, "against": true, "over": true, "under": true, "near": true,
}

// nameTitles are capitalised words that precede a name as a title or rank;
// they move from the name to the role.
var nameTitles = map[string]bool{
	"president": true, "vice": true, "sen.": true, "senator": true, "rep.": true,
	"representative": true, "gov.": true, "governor": true, "mayor": true, "secretary": true,
	"attorney": true, "general": true, "judge": true, "justice": true, "chief": true,
	"minister": true, "prime": true, "foreign": true, "prof.": true, "professor": true,
	"gen.": true, "col.": true, "lt.": true, "sgt.": true, "capt.": true, "adm.": true,
	"rev.": true, "pope": true, "king": true, "queen": true, "prince": true, "princess": true,
	"sheriff": true, "chairman": true, "chairwoman": true, "ceo": true, "director": true,
	"commissioner": true, "ambassador": true, "speaker": true, "leader": true,
	"majority": true, "minority": true, "deputy": true, "assistant": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "officer": true,
	"detective": true, "inspector": true, "superintendent": true, "chancellor": true,
	"rabbi": true, "father": true, "bishop": true, "cardinal": true, "dean": true,
	"coach": true, "lord": true, "sir": true, "dame": true, "democratic": true,
	"republican": true, "former": true, "presidential": true, "candidate": true,
	"nominee": true, "state": true, "house": true, "senate": true, "defense": true,
	"treasury": true, "homeland": true, "security": true, "national": true, "adviser": true,
	"advisor": true, "sen": true, "rep": true, "gov": true, "gen": true, "dr.": true,
	"lieutenant": true, "colonel": true, "sergeant": true, "captain": true, "admiral": true,
	"congressman": true, "congresswoman": true, "premier": true, "chair": true,
}

// honorifics are dropped from names; they still tell the gender.
var honorifics = map[string]byte{
	"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f',
	"dr.": 0, "dr": 0, "mme": 'f', "mme.": 'f', "m.": 'm', "messrs.": 0,
}

// nameParticles may sit inside a name between capitalised words.
var nameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "bin": true, "al": true, "da": true,
	"di": true, "del": true, "la": true, "le": true, "du": true, "dos": true, "ibn": true,
}

// orgHeads are the head nouns of speakers that "it" can refer to:
// organisations, documents and outlets.
var orgHeads = map[string]bool{
	"report": true, "team": true, "company": true, "campaign": true, "statement": true,
	"committee": true, "ministry": true, "department": true, "agency": true,
	"government": true, "police": true, "group": true, "organization": true,
	"organisation": true, "firm": true, "bank": true, "court": true, "newspaper": true,
	"study": true, "letter": true, "memo": true, "document": true, "website": true,
	"site": true, "paper": true, "survey": true, "poll": true, "filing": true,
	"lawsuit": true, "complaint": true, "indictment": true, "ruling": true, "article": true,
	"post": true, "times": true, "news": true, "journal": true, "inc.": true, "corp.": true,
	"party": true, "council": true, "commission": true, "university": true, "office": true,
	"administration": true, "service": true, "association": true, "institute": true,
	"foundation": true, "board": true, "bureau": true, "network": true, "union": true,
	"authority": true, "army": true, "navy": true, "senate": true, "congress": true,
	"house": true, "white": true, "kremlin": true, "pentagon": true, "center": true,
	"centre": true, "fund": true, "school": true, "club": true, "league": true,
	"federation": true, "coalition": true, "alliance": true, "tweet": true, "email": true,
	"message": true, "release": true, "note": true, "book": true, "analysis": true,
	"magazine": true, "station": true, "channel": true, "blog": true, "outlet": true,
	"reuters": true, "nbc": true, "cnn": true, "abc": true, "cbs": true, "bbc": true,
	"fox": true, "ap": true, "afp": true, "msnbc": true, "politico": true, "breitbart": true,
}

// outlets are news organisations, which count as speakers of "... reported"
// only when nothing better is found.
var outlets = map[string]bool{
	"reuters": true, "nbc": true, "cnn": true, "abc": true, "cbs": true, "bbc": true,
	"ap": true, "afp": true, "msnbc": true, "politico": true, "breitbart": true, "axios": true,
	"post": true, "times": true, "journal": true, "news": true, "bloomberg": true,
	"guardian": true, "courier": true, "chronicle": true, "examiner": true, "telegraph": true, "herald": true, "tribune": true, "gazette": true,
}

// groupHeads are plural heads that "they" can refer to.
var groupHeads = map[string]bool{
	"officials": true, "sources": true, "experts": true, "analysts": true, "critics": true,
	"witnesses": true, "residents": true, "people": true, "authorities": true,
	"investigators": true, "prosecutors": true, "researchers": true, "scientists": true,
	"observers": true, "supporters": true, "opponents": true, "aides": true, "advisers": true,
	"lawmakers": true, "democrats": true, "republicans": true, "members": true,
	"leaders": true, "voters": true, "economists": true, "activists": true, "doctors": true,
	"lawyers": true, "attorneys": true, "diplomats": true, "executives": true, "traders": true,
	"police": true, "protesters": true, "organizers": true, "organisers": true, "parents": true,
	"students": true, "workers": true, "others": true, "both": true, "many": true, "some": true,
	"staff": true, "spokesmen": true, "representatives": true, "authors": true,
}

// maleNames and femaleNames guess a person's gender from the first name so
// that "he" and "she" pick the right antecedent; unknown names fit either.
var maleNames = map[string]bool{
	"james": true, "john": true, "robert": true, "michael": true, "william": true, "david": true,
	"richard": true, "joseph": true, "thomas": true, "charles": true, "christopher": true,
	"daniel": true, "matthew": true, "anthony": true, "mark": true, "donald": true,
	"steven": true, "paul": true, "andrew": true, "joshua": true, "kenneth": true, "kevin": true,
	"brian": true, "george": true, "edward": true, "ronald": true, "timothy": true,
	"jason": true, "jeffrey": true, "ryan": true, "jacob": true, "gary": true, "eric": true,
	"stephen": true, "jonathan": true, "larry": true, "justin": true, "scott": true,
	"frank": true, "benjamin": true, "gregory": true, "samuel": true, "raymond": true,
	"patrick": true, "alexander": true, "jack": true, "dennis": true, "jerry": true,
	"tyler": true, "aaron": true, "henry": true, "peter": true, "adam": true, "nathan": true,
	"barack": true, "bernie": true, "mike": true, "tom": true, "jim": true, "bill": true,
	"joe": true, "ted": true, "marco": true, "jeb": true, "chris": true, "tim": true,
	"vladimir": true, "newt": true, "rudy": true, "ben": true, "lindsey": true, "mitt": true,
	"jared": true, "steve": true, "sean": true, "ahmed": true, "mohammed": true, "ali": true,
	"carlos": true, "juan": true, "jose": true, "luis": true, "pierre": true, "hans": true,
	"ivan": true, "sergei": true, "xi": true, "boris": true, "emmanuel": true, "dmitry": true,
}

var femaleNames = map[string]bool{
	"mary": true, "patricia": true, "jennifer": true, "linda": true, "elizabeth": true,
	"barbara": true, "susan": true, "jessica": true, "sarah": true, "karen": true,
	"nancy": true, "lisa": true, "betty": true, "margaret": true, "sandra": true,
	"ashley": true, "kimberly": true, "emily": true, "donna": true, "michelle": true,
	"dorothy": true, "carol": true, "amanda": true, "melissa": true, "deborah": true,
	"stephanie": true, "rebecca": true, "sharon": true, "laura": true, "cynthia": true,
	"kathleen": true, "amy": true, "angela": true, "anna": true, "ruth": true, "helen": true,
	"hillary": true, "chelsea": true, "melania": true, "ivanka": true, "kellyanne": true,
	"julia": true, "maria": true, "elena": true, "olga": true,
	"theresa": true, "nikki": true, "elise": true, "kamala": true,
	"hope": true, "huma": true, "jane": true, "joan": true, "ada": true,
	"claire": true, "grace": true, "alice": true, "rose": true, "marie": true, "sophie": true,
	"kate": true, "katie": true, "diane": true, "janet": true, "ann": true, "anne": true,
	"christine": true, "judith": true, "martha": true, "virginia": true, "heather": true,
}

// titleNouns precede a quoted title ("the book", "his film"), which makes the
// quotation a name of a work rather than speech.
var titleNouns = map[string]bool{
	"book": true, "novel": true, "memoir": true, "film": true, "movie": true, "song": true,
	"album": true, "show": true, "series": true, "titled": true, "entitled": true,
	"headline": true, "column": true, "op-ed": true, "essay": true, "poem": true,
	"play": true, "documentary": true, "program": true, "programme": true, "podcast": true,
	"episode": true, "hashtag": true, "slogan": true, "nicknamed": true, "dubbed": true,
	"called": true, "named": true, "term": true, "word": true, "words": true, "phrase": true,
	"so-called": true, "label": true, "motto": true, "campaign": true, "operation": true,
	"bestseller": true, "single": true, "track": true, "opera": true, "musical": true,
}

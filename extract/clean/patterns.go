package clean

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// The phrase lists below are the general vocabulary of web page furniture
// (buttons, forms, section headers, credits) seen across news sites in many
// countries. A line is matched against them only as a whole (exact), by its
// opening words (prefix) or, for phrases that never occur in reporting, by
// containment. Keys are normalised with normalizeKey.

var exactPhrases = map[string]string{}
var prefixPhrases = map[string]string{}
var containPhrases = map[string]string{}

func addPhrases(m map[string]string, reason string, phrases string) {
	for _, p := range strings.Split(phrases, "|") {
		if k := normalizeKey(p); k != "" {
			m[k] = reason
		}
	}
}

func init() {
	// Whole-line matches: a short line that is nothing but this phrase.
	addPhrases(exactPhrases, sitrep.ReasonShare, `share|share this|share this article|share this story|share article|share story|share on|share via|tweet|whatsapp|email|e-mail|print|print this|print article|copy link|copy url|link copied|facebook|twitter|linkedin|pinterest|reddit|telegram|messenger|flipboard|pocket|x|share on facebook|share on twitter|share on whatsapp|share on linkedin|share on x|share on telegram|share on reddit|share on email|share by email|share via email|send by email|email this|click to share|comment|comments|follow|follow us|shares|save|saved|bookmark|save article|save story|gift article|gift this article`)
	addPhrases(exactPhrases, sitrep.ReasonWidget, `listen|listen to article|listen to this article|listen to this story|play|pause|audio|font size|text size|a a|a a a|reading mode|dark mode|zoom|loading|loading please wait|please wait`)
	addPhrases(exactPhrases, sitrep.ReasonAdvertising, `ad|ads|advertisement|advertisements|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|story continues below|story continues below advertisement|article continues below|article continues below advertisement|continue reading below|scroll to continue|scroll to continue with content|advertise with us|advertise`)
	addPhrases(exactPhrases, sitrep.ReasonNavigation, `more|less|show more|show less|see more|expand|collapse|close|menu|open menu|close menu|search|toggle navigation|skip to content|skip to main content|skip navigation|jump to|back to top|top|home|next|previous|prev|next article|previous article|next story|previous story|next post|previous post|older posts|newer posts|load more|view all|see all|view more|read more|read full story|read full article|continue reading|click here|tap here|log in|login|sign in|log out|sign out|register|sign up|subscribe|subscribe now|account|my account|profile|notifications|view comments|show comments|hide comments|view gallery|view photos|watch|watch video|watch now|video|photos|gallery|image|photo|source link|source|original article|view original|full story|permalink|tags|topics|categories|filed under|section|sections|language|english|edition|today s paper|epaper|e paper|live|live tv|breaking|breaking news|yes|no|ok|cancel|submit|send|go|translate|rss|feeds|sitemap|about|about us|contact|contact us|careers|jobs|faq|help|terms|privacy|cookies|disclaimer|imprint|impressum|accessibility|editorial policy|corrections|ethics policy`)
	addPhrases(exactPhrases, sitrep.ReasonComments, `leave a comment|leave a reply|post a comment|add a comment|add comment|write a comment|no comments|no comments yet|comment on this|comments are closed|comment policy|join the discussion|join the conversation|join the debate|reader comments|readers comments|have your say|post comment|submit comment|reply|cancel reply|be the first to comment|newest|oldest|most voted|top comments|sort by|name|email address|website|captcha|type the characters|i m not a robot|i am not a robot`)
	addPhrases(exactPhrases, sitrep.ReasonRelated, `related|related posts|related post|related articles|related article|related stories|related story|related news|related content|related links|related topics|related coverage|related videos|related reading|more articles|more stories|more news|more on this|more on this story|more from|more in|more like this|more to read|more for you|read next|read more|read also|also read|see also|you may also like|you might also like|you may like|you might like|recommended|recommended for you|recommended stories|recommended articles|trending|trending now|trending news|trending stories|most read|most popular|most viewed|most shared|popular|popular posts|popular stories|popular news|latest|latest news|latest stories|latest articles|latest posts|latest videos|top stories|top news|editor s picks|editors picks|don t miss|dont miss|in case you missed it|what to read next|further reading|in other news|elsewhere|around the web|from the web|also on|explore more|other stories|next up|up next|keep reading`)
	addPhrases(exactPhrases, sitrep.ReasonNavigation, `news|world|opinion|sports|business|entertainment|lifestyle|tech|technology|health|science|politics|videos|podcasts|newsletters`)
	addPhrases(exactPhrases, sitrep.ReasonCaption, `back to gallery|view gallery|open gallery|launch gallery|launch slideshow|start slideshow|view slideshow|enlarge|enlarge image|expand image|next image|previous image|next slide|previous slide|photo gallery|image gallery|gallery|slideshow|caption|close caption|hide caption|show caption|toggle caption|image credit|photo credit`)
	addPhrases(exactPhrases, sitrep.ReasonNewsletter, `get alerts|get notifications|get notified|enable notifications|allow notifications|turn on notifications|newsletter|newsletters|our newsletter|sign up for our newsletter|subscribe to our newsletter|join our newsletter|sign up now|subscribe today|stay informed|stay updated|stay connected|follow us on|follow us on twitter|follow us on facebook|join our whatsapp channel|join our telegram channel|download the app|get the app|download our app`)

	// Line openings.
	addPhrases(prefixPhrases, sitrep.ReasonShare, `share on|share this|share via|click to share|click to email|click to print|opens in new window|follow us on`)
	addPhrases(prefixPhrases, sitrep.ReasonRelated, `related:|related posts|related articles|related stories|read more |read more:|read also|also read|see also|you may also like|you might also like|recommended for you|more from |more stories from|trending now|most read|most popular|watch:|listen:|video:|read:|also see|don t miss|dont miss|click here to read|click here for|for more news|for the latest news|read the full story|read the original|this article originally appeared|originally published`)
	addPhrases(prefixPhrases, sitrep.ReasonComments, `leave a comment|leave a reply|post a comment|comments for this thread|you must be logged in|log in to comment|sign in to comment|login to comment|to comment|your email address will not|comment as|commenting has been disabled|comments are moderated|we welcome comments|show comments|view comments`)
	addPhrases(prefixPhrases, sitrep.ReasonNewsletter, `sign up for|sign up to|subscribe to|subscribe for|get the latest|get our|get breaking|get alerts|join our|enter your email|enter email|your email|by signing up|by subscribing|you have successfully|thank you for subscribing|thanks for subscribing|want more|never miss|don t miss out|stay up to date|stay on top|delivered to your inbox|receive our|download the|get it on google play|download on the app store|follow on|follow @`)
	addPhrases(prefixPhrases, sitrep.ReasonAdvertising, `advertisement|sponsored|ads by|ad by|paid for by|promoted by|presented by|powered by|brought to you by|this content is sponsored|story continues below|article continues below|continue reading below|scroll down to continue|continue reading the main story`)
	addPhrases(prefixPhrases, sitrep.ReasonCaption, `photo|photos|photo by|photo credit|photograph|photograph by|image|image source|image caption|image credit|images|picture|pictures|file photo|file image|credit|credits|caption|illustration|illustration by|graphic|source: getty|getty images|afp photo|ap photo|reuters photo|epa|courtesy`)
	addPhrases(prefixPhrases, sitrep.ReasonDisclaimer, `disclaimer|the views expressed|views expressed|the opinions expressed|opinions expressed|the views and opinions|this article is for informational purposes|this story has not been edited|this story has been published from a wire agency|this is an auto generated|this article was first published|this article was originally published|this article first appeared|a version of this article|editor s note|correction|clarification|note:`)
	addPhrases(prefixPhrases, sitrep.ReasonContact, `contact us|contact:|contact the author|contact the reporter|contact the writer|email us|email the author|email:|e-mail:|mail:|tel|tel:|phone|phone:|mobile:|fax|fax:|whatsapp:|call us|write to us|send us|have a tip|got a tip|tips:|reach the author|reach him at|reach her at|you can reach|for inquiries|for enquiries|media contact|press contact`)
	addPhrases(prefixPhrases, sitrep.ReasonLegal, `copyright|all rights reserved|©|terms of use|terms of service|terms and conditions|privacy policy|cookie policy|we use cookies|this site uses cookies|this website uses cookies|by using this site|by continuing to|accept cookies|manage cookies|cookie settings|reproduction in whole|no part of this|unauthorized reproduction`)
	addPhrases(prefixPhrases, sitrep.ReasonAuthorBio, `about the author|about the writer|the writer is|the author is|the writer s|the author s|the writers are|the authors are|follow him on|follow her on|follow them on|he can be reached|she can be reached|he tweets|she tweets|he writes|she writes`)
	addPhrases(prefixPhrases, sitrep.ReasonPromotion, `buy now|shop now|order now|book now|enroll now|enrol now|register now|apply now|join now|try it free|start your free trial|free trial|limited time offer|special offer|get started|learn more about our|use code|promo code|discount code|save up to|get up to|upgrade to|unlock|become a member|become a subscriber|support our journalism|support independent journalism|support us|donate|make a donation|subscribe for just|subscribe from`)
	addPhrases(prefixPhrases, sitrep.ReasonWidget, `loading|please enable javascript|enable javascript|javascript is disabled|your browser does not support|this video is not available|this content is not available|this embed is invalid|embed|play video|play audio|listen to this article|listen to article|listen to the story|audio version|minute read|min read|min listen|reading time|estimated reading time|text to speech|voiced by|font size|print this page|download pdf|download as pdf`)

	// Phrases that never occur in reporting, matched anywhere in a line.
	addPhrases(containPhrases, sitrep.ReasonLegal, `all rights reserved|all right reserved|reproduction without permission|may not be reproduced|without prior written permission|this site uses cookies|this website uses cookies|we use cookies|use of cookies|cookie policy|accept all cookies|privacy policy and terms|terms of service apply|protected by recaptcha`)
	addPhrases(containPhrases, sitrep.ReasonComments, `your email address will not be published|required fields are marked|save my name email and website|notify me of follow up comments|notify me of new posts|this site uses akismet|comment data is processed|comments are moderated|please log in to comment|you must be logged in to post a comment|leave a comment|post a comment|view comments`)
	addPhrases(containPhrases, sitrep.ReasonNewsletter, `sign up for our newsletter|subscribe to our newsletter|delivered to your inbox|straight to your inbox|directly to your inbox|in your inbox|enter your email address|by signing up you agree|by subscribing you agree|you can unsubscribe at any time|unsubscribe at any time|thanks for signing up|thank you for signing up|newsletter sign up|get alerts|turn on notifications|whatsapp channel|telegram channel|google news`)
	addPhrases(containPhrases, sitrep.ReasonContact, `can be contacted|customer service center|customer service centre|customer care|for any questions or requests|for advertising inquiries|for advertising enquiries|advertising inquiries|send your feedback|send us your feedback|contact us at|reach us at|write to us at`)
	addPhrases(containPhrases, sitrep.ReasonDisclaimer, `views expressed in this article|views expressed here|views expressed are|do not necessarily reflect|does not necessarily reflect|not necessarily reflect the|are the author s own|are those of the author|published from a wire agency feed|has not been edited by|auto generated from a syndicated feed|for informational purposes only|does not constitute|not financial advice|not investment advice`)
	addPhrases(containPhrases, sitrep.ReasonPromotion, `use promo code|use coupon code|enroll today|enrol today|sign up today and get|limited time offer|early bird|free shipping|money back guarantee|click the link below|link in bio`)
	addPhrases(containPhrases, sitrep.ReasonWidget, `enable javascript|javascript is required|javascript is disabled|browser does not support|please update your browser|ad blocker|adblocker|disable your ad blocker|whitelist our site`)
	containIndex = buildContainIndex()
}

// socialWords are the words of share-button strips.
var socialWords = map[string]bool{
	"share": true, "shares": true, "tweet": true, "retweet": true, "whatsapp": true, "email": true, "e": true,
	"mail": true, "print": true, "facebook": true, "twitter": true, "x": true, "linkedin": true, "pinterest": true,
	"reddit": true, "telegram": true, "messenger": true, "copy": true, "link": true, "url": true, "on": true,
	"via": true, "this": true, "article": true, "story": true, "post": true, "page": true, "the": true, "to": true,
	"by": true, "sms": true, "viber": true, "tumblr": true, "vk": true, "flipboard": true, "pocket": true,
	"mastodon": true, "bluesky": true, "threads": true, "instagram": true, "youtube": true, "tiktok": true,
	"snapchat": true, "line": true, "wechat": true, "weibo": true, "digg": true, "google": true, "news": true,
	"follow": true, "us": true, "comment": true, "comments": true, "save": true, "more": true, "and": true,
	"or": true, "close": true, "gmail": true, "outlook": true, "yahoo": true, "click": true, "opens": true,
	"in": true, "new": true, "window": true, "tab": true, "k": true, "m": true,
}

// socialStrong are the words that make a line of socialWords a share strip.
var socialStrong = map[string]bool{
	"share": true, "shares": true, "tweet": true, "whatsapp": true, "facebook": true, "twitter": true,
	"linkedin": true, "pinterest": true, "reddit": true, "telegram": true, "messenger": true, "email": true,
	"print": true, "copy": true, "instagram": true, "youtube": true, "tiktok": true, "viber": true, "sms": true,
	"mastodon": true, "bluesky": true, "threads": true, "flipboard": true, "vk": true, "comments": true,
}

// classify returns why a line is page furniture, or "" when it may be
// article text. It looks only at the line itself.
func classify(text string, st lineStats) string {
	if st.words == 0 && st.cjk == 0 {
		if strings.ContainsAny(text, "©") {
			return sitrep.ReasonLegal
		}
		return sitrep.ReasonBoilerplate // a line of symbols or emoji
	}
	if isShortcode(text) {
		return sitrep.ReasonWidget
	}
	if isTicker(text, st) {
		return sitrep.ReasonTicker
	}
	key := st.key
	// The words of key, for the tests of lines of up to 40 words; key
	// holds words separated by single spaces.
	var words []string
	var arr [48]string
	if st.words <= 40 {
		words = splitWords(arr[:0], key)
	}
	short := st.words <= 12 && st.cjk < 20
	if short {
		if r, ok := exactPhrases[key]; ok {
			return r
		}
		if isGalleryCounter(words) {
			return sitrep.ReasonCaption // "1 / 8", "Image 1 of 8"
		}
		if isTimeAgo(key, words) {
			return sitrep.ReasonRelated // "2H ago", "14 hours ago" in teaser lists
		}
		if st.words <= 3 && strings.HasPrefix(key, "more ") && !endsSentence(text) {
			return sitrep.ReasonRelated // "More World", "More in Politics"
		}
		if r := countLabel(words); r != "" {
			return r
		}
		if isSocialStrip(words) {
			return sitrep.ReasonShare
		}
	}
	if st.words <= 40 {
		if r := matchPrefix(key); r != "" {
			// A prefix such as "photo" or "watch" also opens sentences
			// ("Photos released by the army show ..."): for the weaker
			// reasons, require the line not to read as a long sentence.
			if !(st.words > 15 && endsSentence(text) && weakPrefix(r)) {
				return r
			}
		}
	}
	if r := matchContained(key); r != "" {
		return r
	}
	if short && strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") && st.words <= 8 {
		return sitrep.ReasonCaption // "(Photo: AFP)", "(File image)"
	}
	if isCommentHeader(words, st) {
		return sitrep.ReasonComments
	}
	if isContactLine(text, st) {
		return sitrep.ReasonContact
	}
	if isBio(text, st) {
		return sitrep.ReasonAuthorBio
	}
	return ""
}

// splitWords appends the words of key, a normalizeLower'd string of
// words separated by single spaces, to dst: strings.Fields(key).
func splitWords(dst []string, key string) []string {
	for key != "" {
		i := strings.IndexByte(key, ' ')
		if i < 0 {
			return append(dst, key)
		}
		if i > 0 {
			dst = append(dst, key[:i])
		}
		key = key[i+1:]
	}
	return dst
}

func weakPrefix(r string) bool {
	switch r {
	case sitrep.ReasonCaption, sitrep.ReasonRelated, sitrep.ReasonContact, sitrep.ReasonPromotion,
		sitrep.ReasonAuthorBio, sitrep.ReasonWidget, sitrep.ReasonDisclaimer, sitrep.ReasonAdvertising:
		return true
	}
	return false
}

// matchPrefix finds the longest phrase in prefixPhrases that opens key at a
// word boundary.
func matchPrefix(key string) string {
	best, bestLen := "", 0
	// Try each word boundary up to six words in.
	end := 0
	for n := 0; n < 7 && end <= len(key); n++ {
		if r, ok := prefixPhrases[key[:end]]; ok && end > bestLen {
			best, bestLen = r, end
		}
		next := strings.IndexByte(key[min(end+1, len(key)):], ' ')
		if end == len(key) {
			break
		}
		if next < 0 {
			end = len(key)
		} else {
			end = min(end+1, len(key)) + next
		}
	}
	return best
}

// countLabel matches counters such as "12 comments", "1.2k shares",
// "Comments (4)", given the words of the line's key.
func countLabel(f []string) string {
	if len(f) < 2 || len(f) > 3 {
		return ""
	}
	num := func(s string) bool {
		for _, r := range s {
			if !unicode.IsDigit(r) && r != 'k' && r != 'm' {
				return false
			}
		}
		return unicode.IsDigit(rune(s[0]))
	}
	var rest []string
	n := 0
	for _, w := range f {
		if num(w) {
			n++
		} else {
			rest = append(rest, w)
		}
	}
	if n == 0 || len(rest) == 0 {
		return ""
	}
	switch strings.Join(rest, " ") {
	case "comments", "comment", "replies", "reply", "responses", "response":
		return sitrep.ReasonComments
	case "shares", "share", "views", "view", "likes", "like", "reads", "retweets", "reactions":
		return sitrep.ReasonShare
	case "min read", "minute read", "minutes read", "mins read", "min", "mins", "minutes", "min listen":
		return sitrep.ReasonWidget
	case "photos", "images", "pictures", "slides", "of":
		return sitrep.ReasonCaption
	}
	return ""
}

// isSocialStrip reports whether every word of a short line (of its key)
// is a share-bar word and at least one is a network or share verb.
func isSocialStrip(words []string) bool {
	strong := false
	for _, w := range words {
		if !socialWords[w] {
			if _, err := parseSmallNumber(w); err {
				return false
			}
			continue
		}
		if socialStrong[w] {
			strong = true
		}
	}
	return strong
}

func parseSmallNumber(w string) (int, bool) {
	n := 0
	for _, r := range w {
		if r < '0' || r > '9' {
			return 0, true
		}
		n = n*10 + int(r-'0')
	}
	return n, false
}

// isShortcode matches widget placeholders such as "[tta_listen_btn]" or
// "{{ad_slot}}" left in the text by a page builder.
func isShortcode(s string) bool {
	if len(s) < 3 || len(s) > 80 {
		return false
	}
	open, close := s[0], s[len(s)-1]
	if !((open == '[' && close == ']') || (open == '{' && close == '}')) {
		return false
	}
	inner := strings.Trim(s, "[]{} ")
	if inner == "" {
		return true
	}
	for _, r := range inner {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == ' ' || r == '=' || r == '"' || r == '/' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	// A shortcode has an underscore, an equals sign or no spaces at all;
	// "[Daesh]" in prose is kept by the caller's context anyway.
	return strings.ContainsAny(inner, "_=/") || !strings.Contains(inner, " ") && strings.ToLower(inner) == inner
}

// isTicker recognises market strips: runs of symbols, prices, changes and
// percentages, such as "AGL40▼ -0.01 (0.00%)AIRLINK199▲ 11.02 (0.06%)".
func isTicker(s string, st lineStats) bool {
	if st.digits < 8 {
		return false
	}
	pct := strings.Count(s, "%")
	arrows := 0
	for _, r := range s {
		switch r {
		case '▲', '▼', '△', '▽', '↑', '↓', '⬆', '⬇', '▴', '▾', '+':
			arrows++
		}
	}
	ratio := float64(st.digits) / float64(st.digits+st.letters)
	if ratio < 0.3 {
		return false
	}
	if pct >= 3 || arrows >= 3 {
		return st.stopDensity() < 0.15
	}
	return false
}

// isContactLine matches short lines that are mostly an e-mail address, a
// phone number or a social handle.
func isContactLine(s string, st lineStats) bool {
	if st.words > 12 {
		return false
	}
	if at := strings.IndexByte(s, '@'); at > 0 && strings.Contains(s[at:], ".") && !strings.Contains(s[at:], " ") {
		return true // ends in an e-mail address
	}
	if strings.HasPrefix(strings.TrimSpace(s), "@") && st.words <= 3 {
		return true
	}
	// A phone number: 9 or more digits with phone punctuation only.
	if st.digits >= 9 && st.letters <= 12 {
		ok := true
		for _, r := range s {
			if !(unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("+-().:/", r) || unicode.IsLetter(r)) {
				ok = false
				break
			}
		}
		return ok
	}
	return false
}

var bioRoles = []string{
	"reporter", "correspondent", "journalist", "editor", "writer", "columnist", "contributor", "analyst",
	"fellow", "researcher", "author", "freelance", "producer", "professor", "lecturer", "director of",
	"staff writer", "bureau chief", "senior", "associate", "student", "graduate", "phd",
}

// isBio matches author biographies: "Jane Doe is a senior correspondent
// for ...", "John Smith writes about ...", "The writer is ...". The name
// must be the line's first two to four capitalised words.
func isBio(s string, st lineStats) bool {
	if st.words > 120 || st.words < 4 {
		return false
	}
	low := st.lower
	i := strings.Index(low, " is a ")
	if i < 0 {
		i = strings.Index(low, " is an ")
	}
	verb := false
	if i < 0 {
		i = strings.Index(low, " writes ")
		if i < 0 {
			i = strings.Index(low, " covers ")
		}
		if i < 0 {
			return false
		}
		verb = true
	}
	// The name: the first two to four words of the line, capitalised.
	// (st.lower may differ in length from s for some letters, so the name
	// is read from the lower-case line and checked against s's words.)
	name := strings.Fields(low[:i])
	words := strings.Fields(s)
	if len(name) < 2 || len(name) > 4 || len(words) < len(name) {
		return false
	}
	for _, w := range words[:len(name)] {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	if verb {
		return true
	}
	rest := low[i:]
	if len(rest) > 160 {
		rest = rest[:160]
	}
	for _, r := range bioRoles {
		if strings.Contains(rest, r) {
			return true
		}
	}
	return false
}

// isCommentHeader matches the headers and signatures of reader comments:
// "34 responses to ...", "12 thoughts on ...", "5 comments on ...",
// "username says:", "Jane Doe says: November 19, 2019 at 9:01 pm". f
// holds the words of the line's key.
func isCommentHeader(f []string, st lineStats) bool {
	if st.words > 40 {
		return false
	}
	for i := 0; i+2 < len(f); i++ {
		if _, bad := parseSmallNumber(f[i]); bad {
			continue
		}
		switch f[i+1] + " " + f[i+2] {
		case "responses to", "thoughts on", "comments on", "replies to", "comments to", "response to", "thought on", "comment on", "reply to":
			return true
		}
	}
	// "name says:" with a name of one to four words, maybe a date after.
	if i := strings.Index(st.lower, " says:"); i > 0 && len(strings.Fields(st.lower[:i])) <= 4 {
		rest := strings.TrimSpace(st.lower[i+len(" says:"):])
		if rest == "" || len(strings.Fields(rest)) <= 8 && strings.ContainsAny(rest, "0123456789") {
			return true
		}
	}
	return false
}

// containIndex maps the first word of each phrase in containPhrases to
// the phrases, longest first, so that a line is scanned once.
var containIndex map[string][]string

// buildContainIndex is called by init once the phrase lists are filled.
func buildContainIndex() map[string][]string {
	m := map[string][]string{}
	for p := range containPhrases {
		w, _, _ := strings.Cut(p, " ")
		m[w] = append(m[w], p)
	}
	for _, l := range m {
		sort.Slice(l, func(i, j int) bool { return len(l[i]) > len(l[j]) || len(l[i]) == len(l[j]) && l[i] < l[j] })
	}
	return m
}

// matchContained finds a phrase of containPhrases in key at word
// boundaries.
func matchContained(key string) string {
	for i := 0; i < len(key); {
		j := strings.IndexByte(key[i:], ' ')
		end := len(key)
		if j >= 0 {
			end = i + j
		}
		if cands, ok := containIndex[key[i:end]]; ok {
			rest := key[i:]
			for _, p := range cands {
				if strings.HasPrefix(rest, p) && (len(rest) == len(p) || rest[len(p)] == ' ') {
					return containPhrases[p]
				}
			}
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	return ""
}

// isTimeAgo matches relative timestamps of teaser lists: "1H ago",
// "14 hours ago", "3 days ago", "just now", given the line's key and its
// words.
func isTimeAgo(key string, f []string) bool {
	if key == "just now" {
		return true
	}
	if len(f) < 2 || len(f) > 3 || f[len(f)-1] != "ago" {
		return false
	}
	num := strings.TrimRight(f[0], "hmdws")
	if _, bad := parseSmallNumber(num); bad || num == "" {
		return false
	}
	if len(f) == 2 {
		return num != f[0] // "2h ago"
	}
	switch strings.TrimSuffix(f[1], "s") {
	case "second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year", "h", "m", "d":
		return true
	}
	return false
}

// isGalleryCounter matches slide counters such as "1 / 8", "1 of 8",
// "Image 1 of 8" or "Photo 3/12", given the words of the line's key.
func isGalleryCounter(f []string) bool {
	if len(f) > 0 {
		switch f[0] {
		case "image", "photo", "picture", "slide", "img":
			f = f[1:]
		}
	}
	if len(f) == 2 || len(f) == 3 {
		if len(f) == 3 && f[1] != "of" {
			return false
		}
		_, bad1 := parseSmallNumber(f[0])
		_, bad2 := parseSmallNumber(f[len(f)-1])
		return !bad1 && !bad2
	}
	return false
}

// Package sentence splits the clean text of a news article into sentences.
//
// Split returns each sentence as a [github.com/sitrep-project/sitrep.Span]
// of byte offsets into the text. The rules are simple, fast and tuned for
// English news reports:
//
//   - Sentences never cross a line break. Each non-empty line is a block of
//     its own, so a paragraph ends its last sentence and a headline,
//     subheading or date line without final punctuation is one sentence.
//   - Spans hold no leading or trailing white space, are never empty, come
//     in order without overlapping, and together cover every character of
//     the text that is not white space.
//   - A sentence ends at ".", "!", "?" or "…" (or the Urdu "۔", the Arabic
//     "؟" and the full-width stops of Chinese and Japanese), together with
//     any further stops and closing quotes or brackets that follow, as in
//     `."`, `.”`, `?'` and `.)`. The end must be followed by white space and
//     then a plausible sentence start: an upper-case or caseless letter, a
//     digit, a currency sign, a word like "iPhone", or an opening quote or
//     bracket. A lower-case word never starts a sentence, so `"Why?" he
//     asked.` is one sentence; full-width stops need no space after them.
//   - Commas, colons, semicolons and dashes never end a sentence. A quote
//     that closes with a comma, as in `"We will stay," he said.`, runs on into
//     its attribution; a quote of several sentences is split where each
//     of them ends.
//   - A question or exclamation in quotes followed by a speech attribution,
//     as in `“Why?” Interior Minister Chaudhry Nisar asked.`, is one
//     sentence.
//   - An ellipsis ends a sentence only before an upper-case letter.
//   - A full stop with no space after it ends nothing: decimals (3.5,
//     1,000.50), domain names (TOLOnews.com), "U.S.-led" and "e.g.,".
//   - A full stop after a title or rank ("Mr.", "Dr.", "Gen.", "Lt.", "Sen.")
//     or after "vs.", "e.g." or "i.e." never ends a sentence; nor does one
//     after "No." or a month ("Jan.", "Sept.") before a number, nor a list
//     number at the start of a line ("1. The first point").
//   - After other abbreviations ("U.S.", "U.N.", "Inc.", "Ltd.", "Jr.",
//     "St."), after dotted ones ("Ph.D.", "A.Q."), after short capitalised
//     words without vowels ("Hwy.") and after initials ("George W. Bush",
//     "J. K. Rowling") a sentence ends only before a common
//     sentence starter such as "The", "He" or "In", or an opening quote:
//     "in the U.S. The next day" is two sentences, "the U.S. Army" one.
//     Before a closing quote, as in `the U.S.” He`, they end the sentence.
//   - After "a.m." or "p.m." a sentence ends before any plausible start
//     except a time zone, a day or a month, or a word followed by "time":
//     "at 5 p.m. The next day" is two sentences, "at 5 p.m. PST" is not.
//
// Split accepts any input, including invalid UTF-8 and NUL bytes, and
// allocates only the slice of spans it returns.
package sentence

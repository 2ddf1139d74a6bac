// Package attribution scores quote attribution (sitrep's Document.Quotes)
// against gold attributions in brat standoff, as PolNeAR distributes them
// (Newell, Margolin & Ruths, "An Attribution Relations Corpus for
// Political News", LREC 2018).
//
// # Data
//
// A PolNeAR folder holds data/{train,dev,test}/text/NAME.txt, the
// annotations data/{split}/attributions/NAME_XXXX.ann (XXXX is the
// annotator's id) and data/metadata.tsv (a header row naming, among
// others, the columns filename and publication_date). A text annotated by
// several annotators (PolNeAR's agreement documents) is scored against
// one of them, the smallest id, so that every text counts once.
//
// The reader keeps the text byte for byte (a byte-order mark included:
// the annotation offsets count it) and reads the brat lines it needs:
//
//	T3<TAB>Content 115 290<TAB>words          a text-bound annotation
//	T7<TAB>Content 315 448;463 553<TAB>words  with two fragments
//	E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1
//
// Offsets are Unicode code point offsets into the text; they are turned
// into byte offsets. An event (E line) ties an attribution's parts; its
// first pair is the event type and trigger, the others are roles in any
// order. Roles are Content, Source and Cue, a trailing number being part
// of the same role (PolNeAR writes a second content as Content2). Source
// may be missing (the event type is then Attribution-no-source), as may
// Cue; an event without content is skipped. Text-bound annotations of
// other types (Discard, Discuss) and other line kinds are ignored, as
// are the continuation lines of an annotation text that holds a line
// break.
//
// # Metric
//
// A gold attribution is its Content fragments, its Source fragments
// (possibly none) and its Cue fragments, all byte spans of the text. A
// prediction is a sitrep.Quote: its content is Quote.Parts when present,
// else [Start, End); its source is the speaker span [Speaker.Start,
// Speaker.End); its cue is [CueStart, CueEnd).
//
// Direct speech. Quoted regions are found per paragraph (paragraphs are
// separated by a blank line): a straight double quote " (or a pair of apostrophes or of backquotes, as older newswire writes it) toggles, a left
// mark “ opens, a right mark ” closes (a right mark with nothing open is
// ignored), and a region left open runs to the end of its paragraph, as
// a quote continued into the next paragraph is written. A region
// includes its marks. A gold attribution is direct when at least half of
// the non-space bytes of its content fragments lie in quoted regions; a
// prediction is direct when Quote.Direct is true.
//
// Normalisation. Before comparison every fragment is trimmed, at both
// ends, of white space and of the punctuation , . : ; " “ ” ' ‘ ’ — –;
// empty fragments are dropped, and fragments that overlap or touch are
// merged, so that a content is a set of disjoint byte spans.
//
// Matching is one-to-one, done twice:
//   - exact: a prediction and a gold attribution match when their
//     normalised contents are the same set of spans;
//   - overlap: they match when their normalised contents share at least
//     one byte; pairs are taken greedily, largest shared byte count
//     first, each prediction and each gold attribution used once.
//
// On ties (same content, same overlap) pairs whose source is correct go
// first, then gold order, then prediction order.
//
// The source of a matched pair is correct when the predicted speaker span
// overlaps a gold Source fragment by at least one byte; when the gold
// attribution has no Source, it is correct only if the prediction has no
// speaker either (no span and no speaker text). "content+source" counts
// the matched pairs whose source is correct.
//
// Scores are reported for two subsets: direct (the direct gold against
// the direct predictions, matched among themselves) and all. For each of
// content exact, content overlap, content+source exact and
// content+source overlap: precision = matched / predicted, recall =
// matched / gold, F1 their harmonic mean. Cue accuracy is over the
// overlap-matched pairs whose gold attribution has a Cue: the predicted
// cue span must overlap a gold Cue fragment.
//
// Errors (for development) come from the overlap matching of the "all"
// subset: a gold attribution left unmatched is missed, a prediction left
// unmatched is spurious, a matched pair whose source is not correct has
// a wrong source.
package attribution

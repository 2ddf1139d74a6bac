// Package ingest reads the inputs of `sitrep analyze`: files, directories
// and standard input, as plain text, HTML, JSON or JSON Lines, possibly
// gzip-compressed, in any of the encodings news pages and exports come in.
// Reader.Walk yields each document as an Input, decoded to valid UTF-8,
// and reports every input it cannot read as a *sitrep.InputError without
// stopping.
//
// # Walking
//
// Paths are read in the order given. A directory is walked recursively,
// depth first, in lexical (byte) order of names; files and directories
// whose names begin with "." are skipped, symbolic links to files are
// read, and symbolic links to directories are not followed. A directory
// with no file to read is reported as empty. The path "-" is standard
// input. A missing path is reported with code sitrep.ENOTFOUND.
//
// # Detection
//
// What an input is comes from its content; a file's name is at most a
// hint. Content that starts with the gzip magic number is decompressed,
// whatever the name, and the rest of the rules apply to the decompressed
// content, whose size counts against the limit, so that a small file that
// expands without end (a gzip bomb) is refused after MaxSize bytes.
// Truncated or corrupt gzip data is an error.
//
// Content that starts with the magic number of a known binary format
// (PDF, PNG, JPEG, GIF, WebP, ZIP and Office documents, archives,
// executables) is binary, and the message names the format. So is content
// whose first 8 KB hold a NUL byte or more than one control byte in ten;
// the message says when it looks like UTF-16 without a byte order mark.
// Binary content is reported with code sitrep.EBINARY. Content that is
// empty or only white space is reported with code sitrep.EEMPTY.
//
// Content whose first non-space byte opens a JSON object ("{" then a
// quote or "}") or array ("[" then a quote, "{", "[" or "]") is JSON; the
// second byte keeps text such as "[Updated] ..." out. A document that is
// one JSON object is one record; one JSON array gives a record for each
// element. Anything else is JSON Lines, one object per non-empty line, if
// one of its first two non-empty lines is a complete JSON value, and a
// broken JSON document, reported once with the line where it breaks,
// otherwise. A file named .jsonl or .ndjson is always JSON Lines, even
// with a single line. A line of JSON Lines that does not parse, is not an
// object or has no text is an error for that line alone (code
// sitrep.EINVALID, with InputError.Line set), and the other lines still
// yield. Records of JSON Lines and of arrays have the Source "path:LINE",
// LINE being the line on which the record starts; a file that is a single
// object has the plain path as its Source.
//
// A record's body is its first non-blank field among "text", "content",
// "body", "article" and "articleBody", read as text unless it looks like
// HTML, then among "html", "raw_html" and "content_html", read as HTML.
// A field may be a string, a list of strings (paragraphs, joined by blank
// lines) or an object with a "rendered" string. Field names match exactly
// first, then ignoring case. The record's "title" or "headline", "url" or
// "link", "author" or "authors" (names, objects with a "name", or lists
// of either) and its publication date ("published", "date",
// "published_at", "datePublished", "publishedAt", "pubDate",
// "publish_date", "published_date" or "date_published") fill the other
// fields of Input. A date is read only when its form states the day
// unambiguously: RFC 3339 or anything else that starts with YYYY-MM-DD,
// RFC 1123 and similar mail and feed forms, or an English month name.
// Numeric forms such as 03/04/2024 and Unix timestamps are not read: the
// date is then zero, never guessed. The day is taken as written, in the
// date's own time zone.
//
// Other content is HTML when, after a byte order mark, white space, XML
// declarations and comments, it opens with <!doctype html>, <html>, <head>
// or <body>; or when its first 2 KB hold at least two common HTML tags and
// open with one; or hold at least three, one of them a closing tag. A name
// ending in .html, .htm, .xhtml or .shtml loosens this to a single common
// tag or a leading "<" and a letter; a .html file of plain text is text,
// and a .txt file of HTML is HTML. Everything else is plain text.
//
// Any input other than a JSON Lines file must fit within Reader.MaxSize
// (32 MiB by default), and each line of JSON Lines must too; JSON Lines
// larger than that as a whole are streamed line by line. What is larger
// is reported with code sitrep.ETOOLARGE and never read whole: a regular
// file is refused from its size, a stream after MaxSize+1 bytes.
//
// # Encoding
//
// HTML is decoded to UTF-8. A byte order mark (UTF-8 or UTF-16) settles
// its encoding. Otherwise content that is valid UTF-8 and has non-ASCII
// bytes is UTF-8, whatever the page declares, because text in a legacy
// encoding is almost never valid UTF-8 while pages that mislabel their
// UTF-8 are common. Failing that, the encoding is the one declared by
// <meta charset> or <meta http-equiv="Content-Type"> in the first 16 KB,
// by its WHATWG label (so ISO-8859-1 means windows-1252, as in browsers),
// and otherwise the one golang.org/x/net/html/charset.DetermineEncoding
// sniffs, which falls back to windows-1252. Thus a windows-1252,
// windows-1256 or Shift_JIS page comes out right when it says what it
// is. HTML is otherwise left as it is, NUL bytes apart, and its <meta
// charset> is not rewritten: Body is UTF-8 whatever it says.
//
// Plain text loses a UTF-8 byte order mark, and text with a UTF-16 byte
// order mark is decoded. Text that is valid UTF-8 is kept as it is. Text
// that is not is read as windows-1252 only when that is plausible: no NUL
// byte and none of the five bytes windows-1252 leaves undefined, at most
// 30% of bytes non-ASCII, and no run of more than four bytes that are not
// UTF-8 (words in Cyrillic, Greek or Arabic code pages make longer runs).
// Then the bytes that do form UTF-8 are kept as UTF-8 and only the others
// are read as windows-1252, so a UTF-8 file with a stray windows-1252
// byte keeps its accents. Any other text is refused with code
// sitrep.EINVALID and the message "not valid UTF-8 at byte N", N being the
// offset of the first bad byte in the (decompressed) file, counting from
// 0. JSON must be UTF-8 (or UTF-16 with a byte order mark); a bad byte in
// one of its strings becomes U+FFFD.
//
// Text, from files or records, then has CRLF and lone CR line endings
// turned into LF, form feeds and vertical tabs (page breaks in text
// converted from PDF) turned into LF, and every other C0 control
// character but tab, and DEL, removed. The first 8 KB of a file hold no
// NUL byte, or the file would be binary; NUL bytes later on are removed
// like the other control characters.
package ingest

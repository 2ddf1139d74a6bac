package webpage

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"golang.org/x/net/html"
)

func TestMarkupDate(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"article meta", `<html><head><meta property="article:published_time" content="2024-06-21T10:30:00+05:00"></head><body></body></html>`, "2024-06-21"},
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2019-11-15T15:09:20.725Z"}</script>`, "2019-11-15"},
		{"json-ld graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2020-01-02"}]}</script>`, "2020-01-02"},
		{"sloppy json-ld", `<script type="application/ld+json">{"datePublished": "2021-03-04", }</script>`, "2021-03-04"},
		{"time element", `<article><time itemprop="datePublished" datetime="2018-08-23">Aug 23</time></article>`, "2018-08-23"},
		{"rfc1123 meta", `<meta name="pubdate" content="Tue, 19 Nov 2019 09:45:00 -0500">`, "2019-11-19"},
		{"date in the headline is not read", `<h1>June 3, 2022: what happened</h1><p>Text.</p>`, ""},
		{"date in running text is not read", `<p>On 2022-06-03 the army said.</p>`, ""},
		{"implausible year", `<meta property="article:published_time" content="0001-01-01T00:00:00Z">`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := markupDate(doc).String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestURLStates(t *testing.T) {
	d := sitrep.Date{Year: 2019, Month: 11, Day: 18}
	for _, tt := range []struct {
		url  string
		want bool
	}{
		{"https://venturebeat.com/2019/11/18/story/", true},
		{"https://www.latimes.com/business/story/2019-11-18/merger", true},
		{"https://www.politifact.com/article/2019/nov/18/guide/", true},
		{"https://example.com/20191118/story", true},
		{"https://example.com/2019/11/19/story", false},
		{"https://example.com/story", false},
		{"", false},
	} {
		if got := urlStates(tt.url, d); got != tt.want {
			t.Errorf("urlStates(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

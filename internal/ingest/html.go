package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoArticle marks an HTML page where no article text was found (a
// section front, a search page, an error page).
var ErrNoArticle = errors.New("no article found in the page")

// minArticleLetters: a page whose main text has fewer letters is not an
// article (a 25-word news brief has about 120 Arabic letters).
const minArticleLetters = 100

// htmlOptions are go-trafilatura's settings for readHTML.
func htmlOptions() trafilatura.Options {
	return trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  true,
		Focus:           trafilatura.Balanced,
		// Fast: dates from metadata and markup, not the slow multilingual
		// text scan; Arabic pages carry their date in <meta>/<time> or
		// JSON-LD (the Arabic month names in body text are not read).
		// marsad's build replaces go-dateparser, which only that scan
		// uses, by a stand-in that parses nothing
		// (third_party/go-dateparser-off): any other mode would lose dates.
		HtmlDateMode: trafilatura.Fast,
	}
}

// readHTML extracts the main text, title, date and site name of an HTML
// page with go-trafilatura (comments excluded, fallback extractors on).
// The document id is the file's base name.
func (r *Reader) readHTML(ctx context.Context, name, page string, emit func(model.Document) error, reject func(error)) error {
	res, err := trafilatura.Extract(strings.NewReader(page), htmlOptions())
	if err != nil {
		reject(&InputError{Input: name, Err: fmt.Errorf("%w: %w", ErrNoArticle, err)})
		return nil
	}
	// ContentText runs paragraphs together with spaces; the Cleaner and
	// the sentence splitter need the paragraph breaks, so the text is
	// rebuilt from the content tree.
	text := res.ContentText
	if n := letters(text); n < minArticleLetters {
		why := fmt.Sprintf("%d letters of main text", n)
		if t := strings.TrimSpace(res.Metadata.Title); t != "" {
			why += fmt.Sprintf(", title %q", truncate(t, 60))
		}
		reject(&InputError{Input: name, Err: fmt.Errorf("%w (%s)", ErrNoArticle, why)})
		return nil
	}
	if res.ContentNode != nil {
		t := nodeText(res.ContentNode)
		// the tree sometimes holds a fallback of the whole page; use it
		// only when it has the same text as ContentText
		if n, m := letters(t), letters(text); n >= m*9/10 && n <= m*11/10 {
			text = t
		}
	}
	doc := model.Document{
		ID:        filepath.Base(name),
		Origin:    name,
		Title:     res.Metadata.Title,
		Text:      text,
		Source:    res.Metadata.Sitename,
		URL:       res.Metadata.URL,
		Published: res.Metadata.Date,
	}
	if t := headlineFromTitle(page, text); t != "" && len(t) > len(doc.Title) {
		doc.Title = t
	}
	if doc.Published.IsZero() {
		doc.Published = dateLine(text)
	}
	if doc.Source == "" {
		doc.Source = res.Metadata.Hostname
	}
	if doc.Source == "" && doc.URL != "" {
		if u, err := url.Parse(doc.URL); err == nil {
			doc.Source = u.Hostname()
		}
	}
	return r.finish(doc, emit, reject)
}

// letters counts letters (any script) in s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if arabic.IsArabicLetter(r) || (r < utf8.RuneSelf && (r|0x20) >= 'a' && (r|0x20) <= 'z') {
			n++
		}
	}
	return n
}

// htmlToText turns an HTML fragment (an RSS description) into text: block
// elements and <br> become line breaks, scripts and styles are dropped,
// entities decoded.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return html.UnescapeString(s)
	}
	return nodeText(nodes...)
}

// nodeText is the text of HTML nodes with a line break after each block.
func nodeText(nodes ...*html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "iframe", "svg", "figure", "figcaption", "img":
				return
			case "br":
				b.WriteByte('\n')
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "ul", "ol", "table", "pre", "head", "dd", "dt", "figure", "header", "footer", "main", "aside", "nav", "details", "summary", "td", "th":
				b.WriteByte('\n')
			}
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}

var titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// headlineFromTitle: pages title themselves "site - headline" or
// "headline | site"; go-trafilatura sometimes keeps the site part. The part
// of <title> that is also a whole line of the main text (the page's <h1>
// or <h2>) is the headline.
func headlineFromTitle(page, text string) string {
	m := titleRE.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	raw := strings.Join(strings.Fields(html.UnescapeString(m[1])), " ")
	lines := map[string]bool{}
	for _, ln := range strings.Split(text, "\n") {
		if ln = strings.Join(strings.Fields(ln), " "); ln != "" {
			lines[ln] = true
		}
	}
	best := ""
	for _, part := range titleSplit.Split(raw, -1) {
		part = strings.TrimSpace(part)
		if lines[part] && len(part) > len(best) {
			best = part
		}
	}
	return best
}

var titleSplit = regexp.MustCompile(`\s+[-|–—»:]\s+`)

// dateLine finds a publication date written as a short line near the top
// of the text ("الأربعاء 12 فبراير 2014"), for pages with no date in
// their markup.
func dateLine(text string) time.Time {
	for i, ln := range strings.SplitN(text, "\n", 12) {
		if i == 11 {
			break
		}
		ln = strings.TrimSpace(ln)
		if ln == "" || wordCount(ln) > 7 {
			continue
		}
		if t, ok := arabicDate(ln); ok {
			return t
		}
	}
	return time.Time{}
}

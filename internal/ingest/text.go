package ingest

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

// readText makes one article of a plain-text file. Its id is the file's
// base name. When the first line stands alone (more lines follow), is short
// and does not end a sentence, it is taken as the title by position — the
// layout of scraped article files (seeds 001–003, the vulca1n corpus in
// arabic-news); it stays in the text too. A file whose headline is glued to
// the first sentence (seed 000) gets no title: none is invented.
func (r *Reader) readText(name, text string, emit func(model.Document) error, reject func(error)) error {
	doc := model.Document{ID: filepath.Base(name), Origin: name, Text: text}
	doc.Title = positionalTitle(text)
	return r.finish(doc, emit, reject)
}

func positionalTitle(text string) string {
	text = strings.TrimLeft(sanitize(text), " \t\n\u00a0\ufeff")
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	first = trimSpace(first)
	n := wordCount(first)
	if n < 2 || n > 20 || utf8.RuneCountInString(first) > 160 {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	if isSentenceEnd(last) || last == ':' || last == '،' || last == ',' {
		return ""
	}
	if rule, _ := junkSegment(first); rule != "" {
		return ""
	}
	return first
}

func baseName(name string) string { return filepath.Base(name) }

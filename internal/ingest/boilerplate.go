package ingest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// LearnOptions controls what the BoilerplateLearner calls boilerplate.
type LearnOptions struct {
	// MinDocs: a line must occur in at least this many different articles
	// of one source. Five keeps the same story printed twice or thrice by
	// one paper (35 such pairs in the arabic-news Libya file, crawled twice
	// or reposted) from turning its sentences into boilerplate.
	MinDocs int
	// MinShare: and in at least this share of the source's articles.
	MinShare float64
	// MaxWords: longer lines are never boilerplate; a repeated long
	// sentence is a repost, not a template.
	MaxWords int
}

// DefaultLearnOptions returns the settings measured on arabic-news (see
// TestLearnBoilerplateArabicNews): they find almadina's SMS contact lines
// (40 articles), SPA's "// انتهى //" (57) and 3alyoum's bylines, and no
// article sentence.
func DefaultLearnOptions() LearnOptions {
	return LearnOptions{MinDocs: 5, MinShare: 0.005, MaxWords: 25}
}

// BoilerplateLearner counts the lines of many articles per source, to find
// the lines a site repeats in every page (bylines, contact lines, footers).
// Use it on a batch before cleaning it:
//
//	l := ingest.NewBoilerplateLearner(ingest.DefaultLearnOptions())
//	// first pass: read with opt.KeepJunk = true and l.Add(doc.Source, doc.Text) for each document
//	opt.Boilerplate = l.Boilerplate()
//	// second pass: read with opt (the Cleaner drops the learned lines)
//
// LearnBoilerplate does the first pass for a list of paths. Not safe for
// concurrent use.
type BoilerplateLearner struct {
	opt    LearnOptions
	docs   map[string]int                 // source → articles seen
	counts map[string]map[string]int      // source → line key → articles
	seen   map[string]map[string]struct{} // source → article text hashes (reposts count once)
	sample map[string]map[string]string   // source → line key → a surface form
}

// NewBoilerplateLearner returns an empty learner.
func NewBoilerplateLearner(opt LearnOptions) *BoilerplateLearner {
	return &BoilerplateLearner{
		opt:    opt,
		docs:   map[string]int{},
		counts: map[string]map[string]int{},
		seen:   map[string]map[string]struct{}{},
		sample: map[string]map[string]string{},
	}
}

// lineKey is how lines are compared: normalised Arabic, one space.
func lineKey(ln string) string {
	return strings.Join(strings.Fields(arabic.Normalize(ln)), " ")
}

// Add counts the lines of one article of source. An article whose text
// was already added (the same text under another id) is not counted again.
func (l *BoilerplateLearner) Add(source, text string) {
	h := TextHash(text)
	if l.seen[source] == nil {
		l.seen[source] = map[string]struct{}{}
		l.counts[source] = map[string]int{}
		l.sample[source] = map[string]string{}
	}
	if _, dup := l.seen[source][h]; dup {
		return
	}
	l.seen[source][h] = struct{}{}
	l.docs[source]++
	done := map[string]bool{}
	for _, ln := range strings.Split(text, "\n") {
		ln = trimSpace(ln)
		if ln == "" || wordCount(ln) > l.opt.MaxWords {
			continue
		}
		k := lineKey(ln)
		if k == "" || done[k] {
			continue
		}
		done[k] = true
		l.counts[source][k]++
		if _, ok := l.sample[source][k]; !ok {
			l.sample[source][k] = ln
		}
	}
}

// Boilerplate returns the lines learned so far.
func (l *BoilerplateLearner) Boilerplate() *Boilerplate {
	b := &Boilerplate{lines: map[string]map[string]int{}}
	for src, c := range l.counts {
		min := l.opt.MinDocs
		if m := int(l.opt.MinShare * float64(l.docs[src])); m > min {
			min = m
		}
		for k, n := range c {
			if n >= min {
				if b.lines[src] == nil {
					b.lines[src] = map[string]int{}
				}
				b.lines[src][k] = n
				b.samples = append(b.samples, LearnedLine{Source: src, Line: l.sample[src][k], Docs: n})
			}
		}
	}
	sort.Slice(b.samples, func(i, j int) bool {
		if b.samples[i].Docs != b.samples[j].Docs {
			return b.samples[i].Docs > b.samples[j].Docs
		}
		return b.samples[i].Line < b.samples[j].Line
	})
	return b
}

// LearnedLine is one learned boilerplate line, for reports.
type LearnedLine struct {
	Source string
	Line   string // one surface form of it
	Docs   int    // in how many articles of Source it occurs
}

// Boilerplate is a read-only set of lines per source that are not article
// text. Safe for concurrent use.
type Boilerplate struct {
	lines   map[string]map[string]int
	samples []LearnedLine
}

// Has reports whether line is boilerplate for source.
func (b *Boilerplate) Has(source, line string) bool {
	if b == nil {
		return false
	}
	m := b.lines[source]
	if m == nil {
		return false
	}
	_, ok := m[lineKey(line)]
	return ok
}

// Lines lists the learned lines, most frequent first.
func (b *Boilerplate) Lines() []LearnedLine {
	if b == nil {
		return nil
	}
	return b.samples
}

// LearnBoilerplate is the first pass of a two-pass read: it reads paths
// (files and directories; "-" is refused, standard input cannot be read
// twice) with opt, junk kept, and learns each source's repeated lines.
// Bad inputs are skipped silently here; the second pass reports them. Set
// the result as Options.Boilerplate for the second pass.
func LearnBoilerplate(ctx context.Context, opt Options, lo LearnOptions, paths []string) (*Boilerplate, error) {
	for _, p := range paths {
		if p == "-" {
			return nil, errors.New("ingest: learn boilerplate: standard input cannot be read twice")
		}
	}
	opt.KeepJunk = true
	opt.Boilerplate = nil
	l := NewBoilerplateLearner(lo)
	err := NewReader(opt).Read(ctx, paths, nil, func(d model.Document) error {
		l.Add(d.Source, d.Text)
		return nil
	}, func(error) {})
	if err != nil {
		return nil, fmt.Errorf("ingest: learn boilerplate: %w", err)
	}
	return l.Boilerplate(), nil
}

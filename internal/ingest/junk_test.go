package ingest

import (
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// TestJunkRateArabicNews measures what the curated patterns remove from
// the 5,150 real articles of arabic-news and asserts it stays small: the
// corpus is mostly clean article text, so a pattern that removes much is
// eating sentences. Run with -v to print every rule's count and samples.
func TestJunkRateArabicNews(t *testing.T) {
	docs := loadArabicNews(t)
	c := NewCleaner(DefaultCleanOptions())
	var sentences, removedSentences, lines, removedLines, words, removedWords int
	wordsByRule := map[string]int{}
	var sentenceLike []string
	byRule := map[string][]string{}
	for _, d := range docs {
		raw := sanitize(d.Text)
		for _, ln := range strings.Split(raw, "\n") {
			if trimSpace(ln) != "" {
				lines++
			}
		}
		words += wordCount(raw)
		before := len(arabic.Sentences(raw))
		res := c.Clean(d.Source, d.Text)
		after := len(arabic.Sentences(res.Text))
		sentences += before
		if before > after {
			removedSentences += before - after
		}
		for _, rm := range res.Removed {
			// a removed piece that reads like an article sentence: long,
			// ends a sentence, and not one of the rules whose junk is
			// itself made of sentences (headline lists, contact notes)
			if last, _ := utf8.DecodeLastRuneInString(rm.Text); wordCount(rm.Text) >= 10 && isSentenceEnd(last) &&
				rm.Rule != "more by author" && rm.Rule != "contact" && rm.Rule != "link to source" {
				sentenceLike = append(sentenceLike, d.Source+": "+rm.Rule+": "+rm.Text)
			}
			removedLines++
			removedWords += wordCount(rm.Text)
			wordsByRule[rm.Rule] += wordCount(rm.Text)
			byRule[rm.Rule] = append(byRule[rm.Rule], d.Source+": "+rm.Text)
		}
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		s := byRule[r]
		t.Logf("%-20s %5d pieces %6d words", r, len(s), wordsByRule[r])
		step := max(1, len(s)/12)
		if testing.Verbose() && os.Getenv("JUNK_ALL") != "" {
			step = 1
		}
		for i := 0; i < len(s); i += step {
			t.Logf("    %s", truncate(s[i], 140))
		}
	}
	rate := float64(removedSentences) / float64(sentences)
	t.Logf("articles %d, lines %d, removed pieces %d (%.2f%% of lines); words %d, removed %d (%.3f%%); sentences %d, removed %d (%.3f%%)",
		len(docs), lines, removedLines, 100*float64(removedLines)/float64(lines), words, removedWords, 100*float64(removedWords)/float64(words), sentences, removedSentences, 100*rate)
	// Measured 2026-11: 0.44% of words, 2.6% of lines (most of them
	// alweeam's "رابط الخبر" line in 337 of its 353 articles), all junk when
	// read. Sentences removed (1.6%) overstate it: one "مقالات أخرى للكاتب"
	// line of run-together titles splits into a dozen "sentences".
	wordRate := float64(removedWords) / float64(words)
	if wordRate >= 0.01 {
		t.Errorf("patterns remove %.2f%% of words (want < 1%%): some pattern eats article text", 100*wordRate)
	}
	if lineRate := float64(removedLines) / float64(lines); lineRate >= 0.04 {
		t.Errorf("patterns remove %.2f%% of lines (want < 4%%)", 100*lineRate)
	}
	for _, s := range sentenceLike {
		t.Errorf("removed a piece that reads like an article sentence: %s", s)
	}
}

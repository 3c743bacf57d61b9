package web

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The helpers here cut untrusted text into parts that templates print with
// html/template's escaping; no function here builds HTML itself, so an article
// containing markup shows as text.

// span is a byte range [Start, End) of a text.
type span struct{ Start, End int }

// markPart is a piece of a snippet, highlighted or not.
type markPart struct {
	Text string
	Mark bool
}

// markParts splits text at the highlight spans. Spans are clamped to the
// text, moved to rune boundaries, sorted and merged, so bad offsets from a
// store cannot split a character or repeat text.
func markParts(text string, spans []span) []markPart {
	clean := normalizeSpans(text, spans)
	var parts []markPart
	pos := 0
	for _, s := range clean {
		if s.Start > pos {
			parts = append(parts, markPart{Text: text[pos:s.Start]})
		}
		parts = append(parts, markPart{Text: text[s.Start:s.End], Mark: true})
		pos = s.End
	}
	if pos < len(text) {
		parts = append(parts, markPart{Text: text[pos:]})
	}
	return parts
}

func normalizeSpans(text string, spans []span) []span {
	out := make([]span, 0, len(spans))
	for _, s := range spans {
		if s.End <= s.Start {
			continue
		}
		s.Start = runeStart(text, clamp(s.Start, 0, len(text)))
		s.End = runeEnd(text, clamp(s.End, 0, len(text)))
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// runeStart moves b back to the start of the rune it falls in.
func runeStart(s string, b int) int {
	for b > 0 && b < len(s) && !utf8.RuneStart(s[b]) {
		b--
	}
	return b
}

// runeEnd moves b forward to the end of the rune it falls in.
func runeEnd(s string, b int) int {
	for b > 0 && b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return b
}

// textPart is a piece of article text: plain, or a mention of an entity.
type textPart struct {
	Text     string
	EntityID string // empty for plain text
	Type     string // PER, ORG, LOC, MISC
	Name     string // the entity's canonical name, for the tooltip
}

// mentionRef is a mention placed on the text, with the entity it names.
type mentionRef struct {
	Start, End int
	EntityID   string
	Type       string
	Name       string
}

// mentionParts splits text[lo:hi] at the mentions inside it. Mentions must
// not overlap (the first one wins where they do) and are byte offsets into
// text.
func mentionParts(text string, lo, hi int, mentions []mentionRef) []textPart {
	var parts []textPart
	pos := lo
	for _, m := range mentions {
		if m.End <= lo || m.Start >= hi || m.Start < pos {
			continue
		}
		if m.Start > pos {
			parts = append(parts, textPart{Text: text[pos:m.Start]})
		}
		end := min(m.End, hi)
		parts = append(parts, textPart{Text: text[m.Start:end], EntityID: m.EntityID, Type: m.Type, Name: m.Name})
		pos = end
	}
	if pos < hi {
		parts = append(parts, textPart{Text: text[pos:hi]})
	}
	return parts
}

// cleanMentions validates, sorts and de-overlaps mentions against text.
func cleanMentions(text string, ms []mentionRef) []mentionRef {
	out := make([]mentionRef, 0, len(ms))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.End <= m.Start {
			continue
		}
		if !utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End])) {
			continue
		}
		out = append(out, m)
	}
	// Longest first at the same start, so "خليفة حفتر" wins over "خليفة".
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	kept := out[:0]
	end := -1
	for _, m := range out {
		if m.Start < end {
			continue
		}
		kept = append(kept, m)
		end = m.End
	}
	return kept
}

// truncate shortens s to at most n runes, on a word boundary when one is
// near, adding an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

// textDir gives the direction of a paragraph by its majority of strong
// letters: "rtl" for Arabic, "ltr" for Latin. HTML's dir="auto" looks only
// at the first strong letter, so an Arabic paragraph opening with "CNN" or
// "BBC" would be laid out left to right; a tie or no letters gives "rtl",
// the page's direction.
func textDir(s string) string {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
				ltr++
			}
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
			if unicode.IsLetter(r) {
				rtl++
			}
		case unicode.IsLetter(r):
			ltr++
		}
	}
	if ltr > rtl {
		return "ltr"
	}
	return "rtl"
}

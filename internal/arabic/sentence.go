package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of the text given to Sentences.
type Sentence struct {
	Start, End int // byte offsets; text[Start:End] has no leading or trailing space
}

// Sentences splits text into sentences. A sentence ends at a line break, and
// at . ! ? ؟ … ۔ (with any further marks and closing quotes or brackets: ؟!».)
// followed by a space, except:
//
//   - inside a number: 3.5, ٣٫٥, 1.200 (no space follows);
//   - after an abbreviation: a single letter (د. أحمد, أ. د. محمد, م. خالد,
//     George A. Romero) or a Latin title (Dr. Mr. St.). A single Arabic letter
//     after a number is an era (عام 2014م. / 1436هـ.) and does end the
//     sentence: in arabic-news 88 of 88 such periods end one;
//   - after a list number opening the sentence (1. …);
//   - at .., ... or … inside an open bracket or quotation («إديها ميه .. تديك
//     طراوه»), where arabic-news uses them as a pause. Elsewhere they end the
//     sentence, as in most of the corpus (مستقرة.. أوضح ذلك).
//
// A full stop inside a quotation ends the sentence: long quotations of
// several sentences are common in news and a quote left open by mistake would
// otherwise swallow the rest of the article.
func Sentences(text string) []Sentence {
	var out []Sentence
	start := -1
	depth := 0 // brackets and quotation marks open in the current sentence
	emit := func(end int) {
		if start >= 0 {
			e := end
			for e > start {
				r, sz := utf8.DecodeLastRuneInString(text[start:e])
				if !isSpace(r) && !IsFormatMark(r) {
					break
				}
				e -= sz
			}
			if e > start {
				out = append(out, Sentence{Start: start, End: e})
			}
		}
		start, depth = -1, 0
	}
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028' {
			emit(i)
			i += sz
			continue
		}
		if start < 0 {
			if isSpace(r) || IsFormatMark(r) {
				i += sz
				continue
			}
			start = i
		}
		switch r {
		case '(', '[', LeftGuillemet, '“':
			depth++
		case ')', ']', RightGuillemet, '”':
			if depth > 0 {
				depth--
			}
		}
		markAt := i
		i += sz
		if !isSentenceEnd(r) {
			continue
		}
		// take repeated marks and closing quotes/brackets with the sentence
		dots := 0
		if r == '.' {
			dots = 1
		}
		for i < len(text) {
			r2, sz2 := utf8.DecodeRuneInString(text[i:])
			if r2 == '.' {
				dots++
			}
			if isSentenceEnd(r2) || isCloser(r2) {
				if isCloser(r2) && depth > 0 && r2 != '"' && r2 != '\'' {
					depth--
				}
				i += sz2
				continue
			}
			break
		}
		if i >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[i:])
		if !isSpace(next) {
			continue
		}
		pause := r == '…' || dots >= 2
		switch {
		case pause && depth > 0:
			continue
		case r == '.' && dots == 1 && isAbbreviation(text[start:markAt], nextWord(text[i:])):
			continue
		}
		emit(i)
	}
	emit(len(text))
	return out
}

func isSentenceEnd(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == ArabicQuestionMark || r == '…' || r == ArabicFullStop
}

func isCloser(r rune) bool {
	return r == RightGuillemet || r == '"' || r == '”' || r == ')' || r == ']' || r == '\'' || r == '’'
}

// latinTitles are abbreviations that precede a name in Latin-script text.
var latinTitles = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true,
	"jr": true, "sr": true, "no": true, "vs": true, "gen": true, "col": true, "lt": true, "sgt": true}

// isAbbreviation reports whether the period that follows before (the
// sentence up to the period) belongs to an abbreviation rather than ending
// the sentence; after is the text after the period and its spaces.
func isAbbreviation(before, after string) bool {
	// the word just before the period
	end := len(before)
	i := end
	for i > 0 {
		r, sz := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) && !IsDiacritic(r) && r != Tatweel {
			break
		}
		i -= sz
	}
	word := before[i:end]
	if word == "" {
		// a list number opening the sentence: "1. ..." or "(2). ..."
		return strings.TrimLeft(before, "0123456789()٠١٢٣٤٥٦٧٨٩ ") == ""
	}
	prev, _ := utf8.DecodeLastRuneInString(before[:i])
	first, _ := utf8.DecodeRuneInString(word)
	letters := utf8.RuneCountInString(strings.TrimRight(word, "\u0640"))
	if IsArabicLetter(first) {
		if letters != 1 {
			return false
		}
		// an era after a number (2014م. 1436هـ.) ends the sentence
		if isDigit(prev) || (prev == ' ' && endsWithDigit(before[:i])) {
			return false
		}
		return true // د. أ. م. ج.
	}
	if letters == 1 && unicode.IsUpper(first) {
		// a Latin initial inside a Latin name: George A. Romero; not the
		// last letter of "type B." before Arabic text
		n, _ := utf8.DecodeRuneInString(after)
		return unicode.IsLetter(n) && !IsArabicLetter(n)
	}
	return latinTitles[strings.ToLower(word)]
}

func endsWithDigit(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return isDigit(r)
}

// nextWord returns s without its leading spaces.
func nextWord(s string) string {
	return strings.TrimLeftFunc(s, isSpace)
}

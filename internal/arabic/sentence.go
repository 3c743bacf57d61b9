package arabic

import "unicode/utf8"

// Sentence is a span of the text given to Sentences.
type Sentence struct {
	Start, End int // byte offsets; text[Start:End] has no leading or trailing space
}

// Sentences splits text into sentences: at line breaks, and after . ! ? ؟ …
// (with any closing quotes or brackets) when a space follows. Numbers such as
// 3.5 are not split because no space follows the point.
func Sentences(text string) []Sentence {
	var out []Sentence
	start := -1
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
		start = -1
	}
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' || r == '\u2029' {
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
		i += sz
		if r == '.' || r == '!' || r == '?' || r == ArabicQuestionMark || r == '…' || r == ArabicFullStop {
			// take repeated marks and closing quotes/brackets with the sentence
			for i < len(text) {
				r2, sz2 := utf8.DecodeRuneInString(text[i:])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == ArabicQuestionMark || r2 == '…' || r2 == RightGuillemet || r2 == '"' || r2 == '”' || r2 == ')' || r2 == '\'' {
					i += sz2
					continue
				}
				break
			}
			if i >= len(text) {
				break
			}
			r2, _ := utf8.DecodeRuneInString(text[i:])
			if isSpace(r2) {
				emit(i)
			}
		}
	}
	emit(len(text))
	return out
}

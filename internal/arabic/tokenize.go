package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	KindArabic Kind = iota + 1 // Arabic-script word
	KindLatin                  // Latin (or other non-Arabic) letters
	KindNumber                 // digits in any script, with separators: 1,200 ١٢ 3.5
	KindPunct                  // punctuation and symbols, one rune each
)

func (k Kind) String() string {
	switch k {
	case KindArabic:
		return "arabic"
	case KindLatin:
		return "latin"
	case KindNumber:
		return "number"
	case KindPunct:
		return "punct"
	}
	return "unknown"
}

// Token is a word, number or punctuation mark with its place in the
// original text.
type Token struct {
	Text       string // exactly the original text[Start:End]
	Norm       string // normalised form for matching (DefaultNormOptions)
	Start, End int    // byte offsets into the original text
	Kind       Kind
}

// IsWord reports whether the token is a word or number (not punctuation).
func (t Token) IsWord() bool { return t.Kind != KindPunct }

// Tokenize splits s into tokens with byte offsets into s. Marks inside a
// word (diacritics, tatweel, ZWNJ) stay part of the word; words glued
// together by a missing space are not split here (see SplitRunTogether).
func Tokenize(s string) []Token {
	return AppendTokens(nil, s, defaultNormalizer)
}

// AppendTokens appends the tokens of s to dst, normalising each with n.
func AppendTokens(dst []Token, s string, n *Normalizer) []Token {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpace(r) || (IsFormatMark(r) && r != ZeroWidthNonJoiner && r != ZeroWidthJoiner):
			i += size
		case isDigit(r):
			end := scanNumber(s, i)
			dst = append(dst, mk(s, i, end, KindNumber, n))
			i = end
		case IsArabicLetter(r) || IsDiacritic(r) || r == Tatweel:
			end := i + size
			for end < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[end:])
				if IsArabicLetter(r2) || IsDiacritic(r2) || r2 == Tatweel || r2 == ZeroWidthNonJoiner || r2 == ZeroWidthJoiner {
					end += sz
					continue
				}
				break
			}
			dst = append(dst, mk(s, i, end, KindArabic, n))
			i = end
		case unicode.IsLetter(r) || unicode.IsMark(r):
			end := i + size
			for end < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[end:])
				if (unicode.IsLetter(r2) || unicode.IsMark(r2) || isDigit(r2)) && !IsArabicLetter(r2) {
					end += sz
					continue
				}
				// Keep internal apostrophes and hyphens: O'Brien, al-Sarraj.
				if (r2 == '\'' || r2 == '-' || r2 == '’') && end+sz < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[end+sz:])
					if unicode.IsLetter(r3) && !IsArabicLetter(r3) {
						end += sz
						continue
					}
				}
				break
			}
			dst = append(dst, mk(s, i, end, KindLatin, n))
			i = end
		default:
			dst = append(dst, mk(s, i, i+size, KindPunct, n))
			i += size
		}
	}
	return dst
}

func mk(s string, start, end int, k Kind, n *Normalizer) Token {
	text := s[start:end]
	return Token{Text: text, Norm: n.Normalize(text), Start: start, End: end, Kind: k}
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == NoBreakSpace || r == NarrowNoBreakSpace || unicode.IsSpace(r)
}

func isDigit(r rune) bool {
	_, ok := DigitValue(r)
	return ok
}

// scanNumber returns the end of the number starting at i: digits with
// internal separators (1,200 / 3.5 / ٣٫٥ / 12:30 / 2018/10/24) when a digit
// follows the separator.
func scanNumber(s string, i int) int {
	end := i
	for end < len(s) {
		r, sz := utf8.DecodeRuneInString(s[end:])
		if isDigit(r) {
			end += sz
			continue
		}
		if r == ',' || r == '.' || r == ArabicDecimalSep || r == ArabicThousandsSep || r == ':' || r == '/' {
			if end+sz < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[end+sz:])
				if isDigit(r2) {
					end += sz
					continue
				}
			}
		}
		break
	}
	return end
}

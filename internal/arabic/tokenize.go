package arabic

import (
	"strings"
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
	Norm       string // normalised form for matching (the Tokenizer's NormOptions)
	Start, End int    // byte offsets into the original text
	Kind       Kind
}

// IsWord reports whether the token is a word or number (not punctuation).
func (t Token) IsWord() bool { return t.Kind != KindPunct }

// TokenizerOptions controls a Tokenizer.
type TokenizerOptions struct {
	Norm NormOptions // folds giving each token's Norm
	// SplitRunTogether splits an unknown Arabic word that is two frequent
	// words written without a space (وزيرالخارجية → وزير + الخارجية); see
	// SplitRunTogether.
	SplitRunTogether bool
}

// DefaultTokenizerOptions normalises with every fold and splits run-together
// words.
func DefaultTokenizerOptions() TokenizerOptions {
	return TokenizerOptions{Norm: DefaultNormOptions(), SplitRunTogether: true}
}

// Tokenizer splits text into tokens. It is immutable and safe for concurrent
// use.
type Tokenizer struct {
	opt  TokenizerOptions
	norm *Normalizer
}

// NewTokenizer returns a Tokenizer with opt.
func NewTokenizer(opt TokenizerOptions) *Tokenizer {
	return &Tokenizer{opt: opt, norm: NewNormalizer(opt.Norm)}
}

var defaultTokenizer = NewTokenizer(DefaultTokenizerOptions())

// Tokenize splits s into tokens with byte offsets into s, with
// DefaultTokenizerOptions. Marks inside a word (diacritics, tatweel, ZWNJ)
// stay part of the word; an unknown word made of two frequent words glued
// together is split (see SplitRunTogether).
func Tokenize(s string) []Token {
	return defaultTokenizer.AppendTokens(nil, s)
}

// AppendTokens appends the tokens of s to dst.
func (tk *Tokenizer) AppendTokens(dst []Token, s string) []Token {
	if !tk.opt.SplitRunTogether {
		return AppendTokens(dst, s, tk.norm)
	}
	for i := 0; ; {
		start, end, kind := nextToken(s, i)
		if kind == 0 {
			return dst
		}
		dst = SplitRunTogether(dst, mk(s, start, end, kind, tk.norm), tk.norm)
		i = end
	}
}

// AppendTokens appends the tokens of s to dst, normalising each with n. It
// does not split run-together words (see Tokenizer).
func AppendTokens(dst []Token, s string, n *Normalizer) []Token {
	for i := 0; ; {
		start, end, kind := nextToken(s, i)
		if kind == 0 {
			return dst
		}
		dst = append(dst, mk(s, start, end, kind, n))
		i = end
	}
}

// nextToken finds the first token of s at or after byte i; kind is 0 when
// there is none.
func nextToken(s string, i int) (start, end int, kind Kind) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ':
			i++
		case inWord(r):
			end := i + size
			for end < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[end:])
				if inWord(r2) || r2 == ZeroWidthNonJoiner || r2 == ZeroWidthJoiner {
					end += sz
					continue
				}
				break
			}
			return i, end, KindArabic
		case isSpace(r) || (IsFormatMark(r) && r != ZeroWidthNonJoiner && r != ZeroWidthJoiner):
			i += size
		case isDigit(r):
			return i, scanNumber(s, i), KindNumber
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
			return i, end, KindLatin
		default:
			return i, i + size, KindPunct
		}
	}
	return len(s), len(s), 0
}

func mk(s string, start, end int, k Kind, n *Normalizer) Token {
	text := s[start:end]
	return Token{Text: text, Norm: n.Normalize(text), Start: start, End: end, Kind: k}
}

// inWord reports whether r continues an Arabic word: a letter, a mark or
// tatweel. The base letters are tested first, as they are most runes of the
// text.
func inWord(r rune) bool {
	return (r >= Hamza && r <= Ghain) || (r >= Tatweel && r <= Sukun) ||
		IsArabicLetter(r) || IsDiacritic(r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return r == NoBreakSpace || r == NarrowNoBreakSpace || unicode.IsSpace(r)
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

// Run-together words. Arabic letters that join only to the right (ا د ذ ر ز و
// ة ء and alef with hamza or madda) end a letter group, so a missing space
// after them is invisible on screen and survives proofreading:
// وزيرالخارجية, الأمنيةبعد, مانسبة. Only there do we look for a split, and
// only where reading every split of the rare words of arabic-news showed it
// safe:
//   - after ة or ى, which never stand inside a word: الأمنيةبعد, علىالرغم;
//   - before the article, when both halves are frequent: وزيرالخارجية;
//   - after the particles ما لا يا او, when the rest is frequent: مانسبة,
//     لايعمل, أوعملية.
//
// Elsewhere the frequent halves were mostly a stem and its suffixes
// (يعتبرهم ≠ يعتبر + هم, جوالها ≠ جوا + لها).
func joinsRightOnly(r rune) bool {
	switch r {
	case Alef, AlefHamzaAbove, AlefHamzaBelow, AlefMadda, AlefWasla, Dal, Thal, Reh, Zain, Waw, WawHamza, TehMarbuta, Hamza, AlefMaksura:
		return true
	}
	return false
}

// runTogetherMin is the count both halves of a run-together word must reach
// in the lexicon.
const runTogetherMin = 20

// SplitRunTogether appends to dst either t itself or, when t is an Arabic
// word unknown to the lexicon that is two words written without a space after
// a right-joining letter, its two halves with offsets into the original text:
// وزيرالخارجية → وزير + الخارجية. Compound names written together by
// convention (عبدالله, عبدالرحمن) stay whole.
func SplitRunTogether(dst []Token, t Token, n *Normalizer) []Token {
	if t.Kind != KindArabic || len(t.Norm) < 8 || !mayRunTogether(t.Text) || WordFreq(t.Norm) >= minEvidence {
		return append(dst, t)
	}
	best, bestScore := -1, 0
	var bl, br string
	for i, r := range t.Text {
		if i == 0 || !joinsRightOnly(r) {
			continue
		}
		p := i + utf8.RuneLen(r)
		if p >= len(t.Text) {
			break
		}
		if next, _ := utf8.DecodeRuneInString(t.Text[p:]); !IsArabicLetter(next) {
			continue
		}
		left, right := n.Normalize(t.Text[:p]), n.Normalize(t.Text[p:])
		nl, nr := utf8.RuneCountInString(left), utf8.RuneCountInString(right)
		if nl < 2 || nr < 2 {
			continue
		}
		score := 0
		switch {
		case r == TehMarbuta || r == AlefMaksura:
			score = 1 << 30 // certain boundary
		case strings.HasPrefix(right, "ال") && nr >= 4 && nl >= 3:
			if strings.HasSuffix(left, "عبد") {
				continue // theophoric names: عبدالمحسن is one name
			}
			score = min(WordFreq(left), WordFreq(right))
		case (t.Text[:p] == "ما" || t.Text[:p] == "لا" || t.Text[:p] == "يا") && nr >= 3:
			// spelt exactly so: لأ is ل + a hamzated word (لأقدم)
			score = WordFreq(right)
		default:
			continue
		}
		if score >= runTogetherMin && score > bestScore {
			best, bestScore, bl, br = p, score, left, right
		}
	}
	if best < 0 {
		return append(dst, t)
	}
	return append(dst,
		Token{Text: t.Text[:best], Norm: bl, Start: t.Start, End: t.Start + best, Kind: KindArabic},
		Token{Text: t.Text[best:], Norm: br, Start: t.Start + best, End: t.End, Kind: KindArabic})
}

// mayRunTogether is a cheap filter for SplitRunTogether: a medial ة or ى, an
// ال after the first letter, or a leading ما لا يا.
func mayRunTogether(w string) bool {
	if strings.HasPrefix(w, "ما") || strings.HasPrefix(w, "لا") || strings.HasPrefix(w, "يا") {
		return true
	}
	if i := strings.Index(w[1:], "ال"); i >= 0 {
		return true
	}
	for _, mark := range [...]string{"ة", "ى"} {
		if i := strings.Index(w, mark); i >= 0 && i+len(mark) < len(w) {
			return true
		}
	}
	return false
}

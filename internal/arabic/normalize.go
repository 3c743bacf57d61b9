package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormOptions selects the folds applied by a Normalizer. Every fold is an
// option so that callers who display the result (rather than only match on
// it) can keep the distinctions they need.
type NormOptions struct {
	RemoveDiacritics bool // harakat, tanween, shadda, sukun, superscript alef
	RemoveTatweel    bool // ـ kashida
	FoldAlef         bool // أ إ آ ٱ → ا
	FoldAlefMaksura  bool // ى → ي (Egyptian spelling writes final ي as ى)
	FoldTehMarbuta   bool // ة → ه
	FoldHamzaSeats   bool // ؤ → و, ئ → ي (المسئولين / المسؤولين)
	FoldPersian      bool // ک → ك, ی → ي, ۀ ہ → ه, and the like
	FoldPresentation bool // NFKC: Arabic presentation forms → base letters
	FoldDigits       bool // Arabic-Indic and Persian digits → ASCII
	RemoveFormatting bool // directional marks, ZWJ/ZWNJ, BOM, soft hyphen
	Lowercase        bool // Latin letters → lower case
}

// DefaultNormOptions turns every fold on: the form used for matching,
// search terms and model features.
func DefaultNormOptions() NormOptions {
	return NormOptions{
		RemoveDiacritics: true, RemoveTatweel: true, FoldAlef: true,
		FoldAlefMaksura: true, FoldTehMarbuta: true, FoldHamzaSeats: true,
		FoldPersian: true, FoldPresentation: true, FoldDigits: true,
		RemoveFormatting: true, Lowercase: true,
	}
}

// Normalizer folds text for matching. It is immutable and safe for
// concurrent use.
type Normalizer struct {
	opt NormOptions
	// block caches FoldRune for the Arabic block U+0600–U+06FF, where nearly
	// every rune of Arabic text lies: the folded rune, or -1 when dropped.
	block [256]rune
}

// NewNormalizer returns a Normalizer applying opt.
func NewNormalizer(opt NormOptions) *Normalizer {
	n := &Normalizer{opt: opt}
	for i := range n.block {
		r, keep := n.FoldRune(0x0600 + rune(i))
		if !keep {
			r = -1
		}
		n.block[i] = r
	}
	return n
}

// fold is FoldRune with the Arabic block looked up in a table.
func (n *Normalizer) fold(r rune) (rune, bool) {
	if r>>8 == 0x06 {
		f := n.block[r&0xFF]
		return f, f >= 0
	}
	return n.FoldRune(r)
}

var defaultNormalizer = NewNormalizer(DefaultNormOptions())

// Normalize folds s with every option on (DefaultNormOptions).
func Normalize(s string) string { return defaultNormalizer.Normalize(s) }

// Options returns the folds this Normalizer applies.
func (n *Normalizer) Options() NormOptions { return n.opt }

// Normalize returns the folded form of s. Invalid UTF-8 bytes become U+FFFD.
// Normalize is idempotent: Normalize(Normalize(s)) == Normalize(s). When
// nothing changes it returns s itself without allocating.
func (n *Normalizer) Normalize(s string) string {
	if n.clean(s) {
		return s
	}
	if n.opt.FoldPresentation && needsNFKC(s) {
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		// ؤ before و is written ئو in Egyptian spelling (مسئول, شئون) and ؤو
		// elsewhere (مسؤول, شؤون): both fold to يو so the two spellings match.
		if r == WawHamza && n.opt.FoldHamzaSeats && n.wawFollows(s[i+len("ؤ"):]) {
			b.WriteRune(Yeh)
			continue
		}
		if r2, keep := n.fold(r); keep {
			b.WriteRune(r2)
		}
	}
	return b.String()
}

// AppendNormalize appends the folded form of s to dst: Normalize without
// allocating when dst has room.
func (n *Normalizer) AppendNormalize(dst []byte, s string) []byte {
	if n.clean(s) {
		return append(dst, s...)
	}
	if n.opt.FoldPresentation && needsNFKC(s) {
		s = norm.NFKC.String(s)
	}
	for i, r := range s {
		if r == WawHamza && n.opt.FoldHamzaSeats && n.wawFollows(s[i+len("ؤ"):]) {
			dst = utf8.AppendRune(dst, Yeh)
			continue
		}
		if r2, keep := n.fold(r); keep {
			dst = utf8.AppendRune(dst, r2)
		}
	}
	return dst
}

// wawFollows reports whether s starts with و once dropped marks (a harakah
// between ؤ and و: مسؤُول) are skipped.
func (n *Normalizer) wawFollows(s string) bool {
	for _, r := range s {
		if r == Waw {
			return true
		}
		if _, keep := n.fold(r); keep {
			return false
		}
	}
	return false
}

// clean reports whether Normalize would return s unchanged.
func (n *Normalizer) clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if n.opt.Lowercase && c >= 'A' && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r>>8 == 0x06 {
			if n.block[r&0xFF] != r {
				return false
			}
		} else if r2, keep := n.FoldRune(r); !keep || r2 != r || size == 1 ||
			(n.opt.FoldPresentation && isCompat(r)) {
			return false
		}
		i += size
	}
	return true
}

// FoldRune folds one rune. keep is false when the rune is dropped
// (diacritics, tatweel, format marks).
func (n *Normalizer) FoldRune(r rune) (folded rune, keep bool) {
	o := &n.opt
	if r < utf8.RuneSelf {
		if o.Lowercase && r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		return r, true
	}
	switch {
	case o.RemoveDiacritics && IsDiacritic(r):
		return 0, false
	case o.RemoveTatweel && r == Tatweel:
		return 0, false
	case o.RemoveFormatting && IsFormatMark(r):
		return 0, false
	}
	switch r {
	case AlefHamzaAbove, AlefHamzaBelow, AlefMadda, AlefWasla:
		if o.FoldAlef {
			return Alef, true
		}
	case AlefMaksura:
		if o.FoldAlefMaksura {
			return Yeh, true
		}
	case TehMarbuta:
		if o.FoldTehMarbuta {
			return Heh, true
		}
	case WawHamza:
		if o.FoldHamzaSeats {
			return Waw, true
		}
	case YehHamza:
		if o.FoldHamzaSeats {
			return Yeh, true
		}
	case KehehPersian, '\u06AA':
		if o.FoldPersian {
			return Kaf, true
		}
	case FarsiYeh, YehBarree, '\u06D0':
		if o.FoldPersian {
			return Yeh, true
		}
	case HehYehAbove, HehGoal, '\u06D5':
		if o.FoldPersian {
			if o.FoldTehMarbuta {
				return Heh, true
			}
			return TehMarbuta, true
		}
	case '\u06C3': // ۃ teh marbuta goal
		if o.FoldPersian {
			if o.FoldTehMarbuta {
				return Heh, true
			}
			return TehMarbuta, true
		}
	}
	if o.FoldDigits {
		if v, ok := DigitValue(r); ok {
			return '0' + rune(v), true
		}
		switch r {
		case ArabicDecimalSep:
			return '.', true
		case ArabicThousandsSep:
			return ',', true
		case ArabicPercent:
			return '%', true
		}
	}
	if o.Lowercase && unicode.IsUpper(r) {
		return unicode.ToLower(r), true
	}
	if r == utf8.RuneError {
		return utf8.RuneError, true
	}
	return r, true
}

// needsNFKC reports whether s holds Arabic presentation forms or other
// compatibility characters that NFKC would change.
func needsNFKC(s string) bool {
	for _, r := range s {
		if isCompat(r) {
			return true
		}
	}
	return false
}

// isCompat reports whether r is an Arabic presentation form (FB50–FDFF,
// FE70–FEFE) or a half/full-width form (FF00–FFEF).
func isCompat(r rune) bool {
	return (r >= '\uFB50' && r <= '\uFDFF') || (r >= '\uFE70' && r <= '\uFEFE') || (r >= '\uFF00' && r <= '\uFFEF')
}

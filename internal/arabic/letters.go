// Package arabic is marsad's Arabic text core: letters, normalisation for
// matching, tokenisation with offsets into the original text, clitic
// segmentation, a light stemmer and a sentence splitter.
//
// Nothing here modifies the original text: every function returns either a
// new folded string (for matching) or offsets into its input (for display).
package arabic

// Named Arabic code points (Unicode block 0600–06FF and neighbours).
const (
	Hamza           = '\u0621' // ء
	AlefMadda       = '\u0622' // آ
	AlefHamzaAbove  = '\u0623' // أ
	WawHamza        = '\u0624' // ؤ
	AlefHamzaBelow  = '\u0625' // إ
	YehHamza        = '\u0626' // ئ
	Alef            = '\u0627' // ا
	Beh             = '\u0628' // ب
	TehMarbuta      = '\u0629' // ة
	Teh             = '\u062A' // ت
	Theh            = '\u062B' // ث
	Jeem            = '\u062C' // ج
	Hah             = '\u062D' // ح
	Khah            = '\u062E' // خ
	Dal             = '\u062F' // د
	Thal            = '\u0630' // ذ
	Reh             = '\u0631' // ر
	Zain            = '\u0632' // ز
	Seen            = '\u0633' // س
	Sheen           = '\u0634' // ش
	Sad             = '\u0635' // ص
	Dad             = '\u0636' // ض
	Tah             = '\u0637' // ط
	Zah             = '\u0638' // ظ
	Ain             = '\u0639' // ع
	Ghain           = '\u063A' // غ
	Tatweel         = '\u0640' // ـ
	Feh             = '\u0641' // ف
	Qaf             = '\u0642' // ق
	Kaf             = '\u0643' // ك
	Lam             = '\u0644' // ل
	Meem            = '\u0645' // م
	Noon            = '\u0646' // ن
	Heh             = '\u0647' // ه
	Waw             = '\u0648' // و
	AlefMaksura     = '\u0649' // ى
	Yeh             = '\u064A' // ي
	Fathatan        = '\u064B' // first harakah
	Sukun           = '\u0652' // last of the common harakat
	SuperscriptAlef = '\u0670' // ٰ
	AlefWasla       = '\u0671' // ٱ

	// Persian and Urdu letters seen in Arabic-script web text.
	Peh          = '\u067E' // پ
	Tcheh        = '\u0686' // چ
	Jeh          = '\u0698' // ژ
	Veh          = '\u06A4' // ڤ (Maghrebi v)
	KehehPersian = '\u06A9' // ک
	Gaf          = '\u06AF' // گ
	HehYehAbove  = '\u06C0' // ۀ
	HehGoal      = '\u06C1' // ہ
	FarsiYeh     = '\u06CC' // ی
	YehBarree    = '\u06D2' // ے

	ArabicComma        = '\u060C' // ،
	ArabicSemicolon    = '\u061B' // ؛
	ArabicQuestionMark = '\u061F' // ؟
	ArabicFullStop     = '\u06D4' // ۔
	ArabicPercent      = '\u066A' // ٪
	ArabicDecimalSep   = '\u066B' // ٫
	ArabicThousandsSep = '\u066C' // ٬
	ArabicIndicZero    = '\u0660' // ٠
	ArabicIndicNine    = '\u0669' // ٩
	PersianZero        = '\u06F0' // ۰
	PersianNine        = '\u06F9' // ۹
	LeftGuillemet      = '\u00AB' // «
	RightGuillemet     = '\u00BB' // »
	ZeroWidthNonJoiner = '\u200C'
	ZeroWidthJoiner    = '\u200D'
	LeftToRightMark    = '\u200E'
	RightToLeftMark    = '\u200F'
	ArabicLetterMark   = '\u061C'
	ByteOrderMark      = '\uFEFF'
	ZeroWidthSpace     = '\u200B'
	WordJoiner         = '\u2060'
	LeftToRightEmbed   = '\u202A'
	PopDirectionalIsol = '\u2069'
	NoBreakSpace       = '\u00A0'
	NarrowNoBreakSpace = '\u202F'
)

// IsDiacritic reports whether r is an Arabic harakah, tanween, shadda, sukun,
// superscript alef or Quranic annotation mark.
func IsDiacritic(r rune) bool {
	return (r >= Fathatan && r <= '\u065F') || r == SuperscriptAlef ||
		(r >= '\u0610' && r <= '\u061A') || (r >= '\u06D6' && r <= '\u06ED')
}

// IsArabicLetter reports whether r is a letter of the Arabic script (base
// block, supplement and extended-A), not a digit, mark or punctuation.
func IsArabicLetter(r rune) bool {
	switch {
	case r >= Hamza && r <= Ghain, r >= '\u0641' && r <= Yeh:
		return true
	case r >= '\u066E' && r <= '\u06D3' && r != SuperscriptAlef && r != ArabicFullStop:
		return true
	case r == '\u06D5' || r == '\u06EE' || r == '\u06EF' || (r >= '\u06FA' && r <= '\u06FC') || r == '\u06FF':
		return true
	case r >= '\u0750' && r <= '\u077F', r >= '\u08A0' && r <= '\u08C9':
		return true
	case r >= '\uFB50' && r <= '\uFDFB' && r != '\uFD3E' && r != '\uFD3F', r >= '\uFE70' && r <= '\uFEFC':
		// presentation forms (ﻻ, ﷲ) still met in web text: letters until
		// the normaliser folds them (NFKC)
		return true
	}
	return false
}

// IsFormatMark reports whether r is an invisible directional, joiner or
// zero-width mark that carries no meaning for matching.
func IsFormatMark(r rune) bool {
	switch r {
	case ZeroWidthNonJoiner, ZeroWidthJoiner, LeftToRightMark, RightToLeftMark,
		ArabicLetterMark, ByteOrderMark, ZeroWidthSpace, WordJoiner, '\u00AD':
		return true
	}
	return (r >= LeftToRightEmbed && r <= '\u202E') || (r >= '\u2066' && r <= PopDirectionalIsol)
}

// DigitValue returns the value of an ASCII, Arabic-Indic or Persian digit.
func DigitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= ArabicIndicZero && r <= ArabicIndicNine:
		return int(r - ArabicIndicZero), true
	case r >= PersianZero && r <= PersianNine:
		return int(r - PersianZero), true
	}
	return 0, false
}

package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	htmlcharset "golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// Encoding names reported by Decode.
const (
	EncUTF8        = "UTF-8"
	EncUTF8BOM     = "UTF-8 with BOM"
	EncUTF16LE     = "UTF-16LE"
	EncUTF16BE     = "UTF-16BE"
	EncWindows1256 = "windows-1256"
)

// ErrBinary marks an input that is not text (an image, an archive, a
// document format). Callers may test for it with errors.Is.
var ErrBinary = errors.New("binary file, not text")

// ErrEncoding marks text in an encoding marsad cannot identify.
var ErrEncoding = errors.New("unknown text encoding")

// magic numbers of common binary formats, to name them in the message.
var magics = []struct {
	prefix, name string
}{
	{"%PDF-", "PDF"},
	{"\x89PNG", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF8", "GIF image"},
	{"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"},
	{"\x1f\x8b", "gzip archive"},
	{"\xd0\xcf\x11\xe0", "MS Office (OLE) document"},
	{"\x7fELF", "ELF executable"},
	{"RIFF", "RIFF media"},
	{"BZh", "bzip2 archive"},
	{"\xfd7zXZ", "xz archive"},
	{"SQLite format 3\x00", "SQLite database"},
}

// Decode turns the bytes of a text input into UTF-8 and names the encoding
// it found. It is detection, not a blind guess:
//
//   - a byte-order mark decides (UTF-8, UTF-16LE/BE; UTF-32 is refused);
//   - NUL bytes at every other position, with the decoded result being text,
//     mean BOM-less UTF-16 (ASCII spaces and digits give them even in Arabic
//     text, whose letters U+06xx carry no NUL byte);
//   - valid UTF-8 is UTF-8;
//   - bytes that are not UTF-8 but decode in Windows-1256 to mostly Arabic
//     letters are Windows-1256 (still common in older Arabic sites and
//     Windows exports); anything else is an error naming the first bad byte.
//
// Text whose decoded form is full of control characters is binary.
func Decode(data []byte) (text string, enc string, err error) {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", "", fmt.Errorf("%w (looks like %s)", ErrBinary, m.name)
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		// UTF-32 is vanishingly rare for news; decode it rather than fail.
		t, err := decodeWith(data, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM))
		if err != nil {
			return "", "", fmt.Errorf("%w: UTF-32: %w", ErrEncoding, err)
		}
		return checkText(t, "UTF-32")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		rest := data[3:]
		if !utf8.Valid(rest) {
			return "", "", invalidUTF8(rest, 3, "UTF-8 byte-order mark")
		}
		return checkText(string(rest), EncUTF8BOM)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		t, err := decodeWith(data[2:], xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM))
		if err != nil {
			return "", "", fmt.Errorf("%w: UTF-16LE: %w", ErrEncoding, err)
		}
		return checkText(t, EncUTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		t, err := decodeWith(data[2:], xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM))
		if err != nil {
			return "", "", fmt.Errorf("%w: UTF-16BE: %w", ErrEncoding, err)
		}
		return checkText(t, EncUTF16BE)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if enc, ok := sniffUTF16(data); ok {
			end := xunicode.LittleEndian
			if enc == EncUTF16BE {
				end = xunicode.BigEndian
			}
			t, err := decodeWith(data, xunicode.UTF16(end, xunicode.IgnoreBOM))
			if err == nil {
				if t, e, err := checkText(t, enc); err == nil {
					return t, e, nil
				}
			}
		}
		return "", "", fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if utf8.Valid(data) {
		return checkText(string(data), EncUTF8)
	}
	if t, ok := sniffWindows1256(data); ok {
		return checkText(t, EncWindows1256)
	}
	return "", "", invalidUTF8(data, 0, "not UTF-8, UTF-16 or Windows-1256 Arabic")
}

func decodeWith(data []byte, enc encoding.Encoding) (string, error) {
	b, err := enc.NewDecoder().Bytes(data)
	return string(b), err
}

// invalidUTF8 reports the first byte that breaks UTF-8, with its line.
func invalidUTF8(data []byte, base int, why string) error {
	off := 0
	for off < len(data) {
		r, sz := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && sz <= 1 {
			break
		}
		off += sz
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	return fmt.Errorf("%w: invalid UTF-8 at byte %d (line %d): %s", ErrEncoding, base+off, line, why)
}

// sniffUTF16 looks at where NUL bytes fall: in UTF-16LE text the ASCII
// characters (spaces, digits, Latin) put a NUL at odd offsets, in UTF-16BE
// at even ones. Binary files have NULs at both.
func sniffUTF16(data []byte) (string, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return "", false
	}
	var even, odd int
	for i, b := range data {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	units := len(data) / 2
	// at least 5% of code units must be ASCII (a space every 20 letters is
	// far below what any prose has) and the NULs must sit on one side only.
	switch {
	case odd*20 >= units && even*50 <= odd:
		return EncUTF16LE, true
	case even*20 >= units && odd*50 <= even:
		return EncUTF16BE, true
	}
	return "", false
}

// sniffWindows1256 decodes data as Windows-1256 and accepts the result when
// the bytes above 0x7F turned mostly into Arabic letters (and marks). Latin-1
// text, or UTF-8 with a few broken bytes, turns into a mix of accented
// Latin letters, symbols and Arabic and is refused.
func sniffWindows1256(data []byte) (string, bool) {
	b, err := charmap.Windows1256.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	// If most high bytes already form UTF-8 sequences, the file is UTF-8
	// with damage, not Windows-1256.
	var goodMulti, bad int
	for i := 0; i < len(data); {
		r, sz := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && sz <= 1 {
			bad++
		} else if sz > 1 {
			goodMulti++
		}
		i += sz
	}
	if goodMulti > bad {
		return "", false
	}
	var arabic, other int
	for _, r := range string(b) {
		if r < 0x80 {
			continue
		}
		if (r >= 0x0600 && r <= 0x06FF) || r == 0x200C || r == 0x200D || r == 0x200E || r == 0x200F {
			arabic++
		} else {
			other++
		}
	}
	// Windows-1256 maps 0xC0–0xFF mostly to Arabic letters but keeps nine
	// French letters (à â ç è é ê ë î ï ô ù û ü) there; real Arabic text is
	// overwhelmingly the former.
	if arabic >= 4 && arabic >= 9*other {
		return string(b), true
	}
	return "", false
}

// checkText refuses decoded text that is mostly control characters or
// replacement characters (a binary file that happened to decode).
func checkText(t, enc string) (string, string, error) {
	var ctl, n int
	first := -1
	for i, r := range t {
		n++
		if isBinaryRune(r) {
			ctl++
			if first < 0 {
				first = i
			}
		}
	}
	// Text files may carry a stray escape or unit separator (Word and
	// database exports); more than 1% of control characters is not text.
	if ctl*100 > n {
		return "", "", fmt.Errorf("%w (%d control characters in %d, first at byte %d, decoded as %s)", ErrBinary, ctl, n, first, enc)
	}
	return t, enc, nil
}

func isBinaryRune(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\f', '\v':
		return false
	case utf8.RuneError:
		return true
	}
	return unicode.IsControl(r)
}

// sniffUTF16Head recognises UTF-16 from the first bytes of a stream: a BOM,
// or the NUL pattern (see sniffUTF16).
func sniffUTF16Head(head []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		return EncUTF16LE, true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return EncUTF16BE, true
	}
	if len(head)%2 == 1 {
		head = head[:len(head)-1]
	}
	return sniffUTF16(head)
}

// utf16Decoder decodes UTF-16 in the given byte order, dropping a BOM.
func utf16Decoder(enc string) transform.Transformer {
	end := xunicode.LittleEndian
	if enc == EncUTF16BE {
		end = xunicode.BigEndian
	}
	return xunicode.UTF16(end, xunicode.ExpectBOM).NewDecoder()
}

// decodeDeclared decodes an HTML page by the charset its <meta> declares
// (ISO-8859-6 and the like, which detection does not guess); orig is the
// detection error, returned when the page declares nothing usable.
func decodeDeclared(data []byte, orig error) (string, string, error) {
	e, name, _ := htmlcharset.DetermineEncoding(data, "text/html")
	if e == nil || name == "utf-8" || name == "windows-1252" { // windows-1252 is the no-declaration default
		return "", "", orig
	}
	b, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: declared charset %s: %w", ErrEncoding, name, err)
	}
	return checkText(string(b), name)
}

package ingest

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

func fuzzSeeds(f *testing.F) {
	f.Add([]byte(arText))
	f.Add([]byte("0 تعليق ارسل لصديق نسخة للطباعة\nنص.\nشاركنا ..\nإعجاب تحميل..."))
	f.Add([]byte("نهائي.   قد يهمك ايضا :   عنوان   عنوان آخر"))
	f.Add([]byte("{\"id\":\"1\",\"text\":\"نص\"}\n{bad\n"))
	f.Add([]byte("<rss><channel><item><title>ع</title><description>&lt;p&gt;نص</description></item><item>"))
	f.Add([]byte("<!doctype html><html><body><p>نص</p></body></html>"))
	f.Add([]byte{0xFF, 0xFE, 0x27, 0x06, 0x20, 0x00})
	f.Add([]byte{0xC7, 0xE1, 0xDA, 0xD1, 0xC8, 0xED, 0xC9, 0x20, 0xC7, 0xE1})
	f.Add([]byte("\xef\xbb\xbf&quot;&#0;&amp;\r\n\u2028"))
}

// FuzzCleaner: never panics, output is valid UTF-8 without CR or control
// characters, cleaning twice changes nothing, and the output is made of
// text that was in the input (nothing invented).
func FuzzCleaner(f *testing.F) {
	fuzzSeeds(f)
	c := NewCleaner(DefaultCleanOptions())
	f.Fuzz(func(t *testing.T, data []byte) {
		in := string(data)
		out := c.Clean("src", in).Text
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out: %q", out)
		}
		if strings.ContainsAny(out, "\r\x00") {
			t.Fatalf("CR or NUL left: %q", out)
		}
		if again := c.Clean("src", out).Text; again != out && !strings.Contains(in, "&") {
			t.Fatalf("not idempotent:\n%q\n%q", out, again)
		}
		if !strings.Contains(in, "&") {
			// every kept line is a piece of the input (control characters
			// dropped, line breaks unified)
			src := sanitize(in)
			for _, ln := range strings.Split(out, "\n") {
				if ln != "" && !strings.Contains(src, ln) {
					t.Fatalf("line %q not in the input %q", ln, in)
				}
			}
		}
	})
}

// FuzzReadBytes: every reader, on any bytes, never panics; each document it
// emits has an id, valid UTF-8 text that is not empty, and a hash; each
// rejection is an *InputError naming the input.
func FuzzReadBytes(f *testing.F) {
	fuzzSeeds(f)
	readers := map[string]*Reader{}
	for _, format := range Formats() {
		o := DefaultOptions()
		o.Format = format
		readers[format] = NewReader(o)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for format, r := range readers {
			err := r.ReadBytes(context.Background(), "fuzz.in", data, func(d model.Document) error {
				if d.ID == "" || d.Hash == "" || strings.TrimSpace(d.Text) == "" {
					t.Fatalf("%s: bad document %+v", format, d)
				}
				if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
					t.Fatalf("%s: invalid UTF-8", format)
				}
				return nil
			}, func(err error) {
				ie, ok := err.(*InputError)
				if !ok || !strings.HasPrefix(ie.Input, "fuzz.in") {
					t.Fatalf("%s: rejection %v is not an InputError naming the input", format, err)
				}
			})
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
		}
	})
}

// FuzzDecode: text out is valid UTF-8 whenever there is no error.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Decode(data)
		if err == nil && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 from %q", data)
		}
	})
}

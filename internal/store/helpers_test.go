package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
)

// FuzzMakeSnippet: whatever the text and query, the snippet is a valid
// UTF-8 slice of the text and its highlights lie inside it, in order.
func FuzzMakeSnippet(f *testing.F) {
	an, err := search.NewAnalyzer(search.DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Add("أعلنت حكومة الوفاق برئاسة فائز السراج أن قوات تأمين سرت تقوم بإعادة الانتشار.", "فايز السراج")
	f.Add(strings.Repeat("كلام عادي. ", 200)+"ثم سرت في النهاية.", "بسرت")
	f.Add("12و13 نوفمبر", "١٢ نوفمبر")
	f.Add("\xff\xfe سرت", "سرت")
	f.Fuzz(func(t *testing.T, text, query string) {
		q, err := an.ParseQuery(query)
		if err != nil {
			return
		}
		s := store.MakeSnippet(an, text, q)
		if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("snippet %d:%d not a slice of the text", s.Start, s.End)
		}
		if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
			t.Fatalf("snippet cut a character: %q", s.Text)
		}
		last := 0
		for _, h := range s.Highlights {
			if h.Start < last || h.End > len(s.Text) || h.Start >= h.End {
				t.Fatalf("highlight %+v out of order or outside %q", h, s.Text)
			}
			last = h.End
		}
		_ = s.Marked("[", "]")
	})
}

func TestMakeSnippetFindsLateHit(t *testing.T) {
	an, _ := search.NewAnalyzer(search.DefaultOptions())
	text := strings.Repeat("كلام عادي عن الطقس. ", 300) + "وصلت القوات إلى سرت أمس."
	q, _ := an.ParseQuery("سرت")
	s := store.MakeSnippet(an, text, q)
	if len(s.Highlights) != 1 || s.Text[s.Highlights[0].Start:s.Highlights[0].End] != "سرت" || !s.ElidedBefore {
		t.Errorf("snippet %+v", s)
	}
}

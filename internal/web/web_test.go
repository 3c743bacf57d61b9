package web

import (
	"net/url"
	"strings"
	"testing"
)

func TestMarkParts(t *testing.T) {
	text := "قال فائز السراج إن"
	tests := []struct {
		name  string
		spans []span
		want  string // marked parts in [brackets]
	}{
		{"one", []span{{7, 15}}, "قال [فائز] السراج إن"},
		{"two merged when touching", []span{{7, 15}, {15, 16}}, "قال [فائز ]السراج إن"},
		{"overlapping", []span{{7, 15}, {9, 28}}, "قال [فائز السراج] إن"},
		{"mid-rune start moves back", []span{{8, 15}}, "قال [فائز] السراج إن"},
		{"out of range clamped", []span{{-5, 2}, {30, 99}}, "[ق]ال فائز السراج [إن]"},
		{"empty and reversed dropped", []span{{5, 5}, {9, 7}}, text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, p := range markParts(text, tt.spans) {
				if p.Mark {
					b.WriteString("[" + p.Text + "]")
				} else {
					b.WriteString(p.Text)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

func TestMentionPartsCoverText(t *testing.T) {
	text := "استقبل المشير خليفة حفتر في الرجمة المبعوث."
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	h0, h1 := at("خليفة حفتر")
	r0, r1 := at("الرجمة")
	ms := cleanMentions(text, []mentionRef{
		{Start: h0, End: h1, EntityID: "1", Type: "PER"},
		{Start: h0, End: h0 + len("خليفة"), EntityID: "2", Type: "PER"}, // shorter, same start: dropped
		{Start: r0, End: r1, EntityID: "3", Type: "LOC"},
		{Start: 1, End: 4, EntityID: "bad"}, // not on a rune boundary: dropped
	})
	if len(ms) != 2 {
		t.Fatalf("cleanMentions kept %d, want 2: %+v", len(ms), ms)
	}
	parts := mentionParts(text, 0, len(text), ms)
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	if b.String() != text {
		t.Errorf("parts do not rebuild the text: %q", b.String())
	}
	if parts[1].Text != "خليفة حفتر" || parts[3].Text != "الرجمة" {
		t.Errorf("mentions cut wrong: %+v", parts)
	}
}

func TestBuildMap(t *testing.T) {
	v, err := buildMap([]MapPoint{
		{Name: "طرابلس", Lat: 32.8872, Lon: 13.1913, Count: 5, Href: "/events?place=1"},
		{Name: "سرت", Lat: 31.2059, Lon: 16.5836, Count: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	if v == nil || len(v.Points) != 2 {
		t.Fatalf("want 2 points, got %+v", v)
	}
	found := false
	for _, c := range v.Countries {
		if c.Name == "Libya" {
			found = true
		}
	}
	if !found {
		t.Errorf("Libya not drawn around Libyan places; drew %d countries", len(v.Countries))
	}
	for _, p := range v.Points {
		if p.X < 0 || p.X > float64(v.Width) || p.Y < 0 || p.Y > float64(v.Height) {
			t.Errorf("%s outside the map: %v,%v in %dx%d", p.Name, p.X, p.Y, v.Width, v.Height)
		}
	}
	// Tripoli is west of Sirte: in a map, further left.
	var tri, sirte mapMarker
	for _, p := range v.Points {
		if p.Name == "سرت" {
			sirte = p
		} else {
			tri = p
		}
	}
	if tri.X >= sirte.X || tri.Y >= sirte.Y {
		t.Errorf("Tripoli (%v,%v) should be left of and above Sirte (%v,%v)", tri.X, tri.Y, sirte.X, sirte.Y)
	}
	if v, _ := buildMap(nil); v != nil {
		t.Errorf("no points should give no map")
	}
}

func TestBuildTimeline(t *testing.T) {
	v := buildTimeline([]string{"2018-09-10", "2018-09-10", "2018-09-12", "2018-09", "2018", ""}, "/events", url.Values{"type": {"ASSAULT"}, "from": {"x"}})
	if v == nil {
		t.Fatal("nil timeline")
	}
	if v.Unit != "يوم" || len(v.Bars) != 12 || v.Total != 4 || v.Undated != 2 {
		t.Fatalf("unit %s, %d bars, total %d, undated %d", v.Unit, len(v.Bars), v.Total, v.Undated)
	}
	// RTL: the first day is the rightmost bar.
	if v.Bars[0].X < v.Bars[len(v.Bars)-1].X {
		t.Errorf("time should run right to left")
	}
	if v.Bars[9].Count != 2 || !strings.Contains(v.Bars[9].Href, "from=2018-09-10") || !strings.Contains(v.Bars[9].Href, "type=ASSAULT") {
		t.Errorf("bar for 10 Sep: %+v", v.Bars[9])
	}
	long := buildTimeline([]string{"2015-01-01", "2018-12-31"}, "/events", nil)
	if long.Unit != "شهر" || len(long.Bars) != 48 {
		t.Errorf("4 years: unit %s, %d bars", long.Unit, len(long.Bars))
	}
	if buildTimeline([]string{"2018"}, "/events", nil) != nil {
		t.Errorf("only a year: no timeline")
	}
}

func TestTextDir(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"Arabic", "قال فائز السراج", "rtl"},
		{"Arabic opening with a Latin name", "CNN: قالت مصادر ليبية إن الاجتماع انتهى", "rtl"},
		{"English", "The meeting ended in Paris", "ltr"},
		{"English quoting an Arabic word", "He said سرت twice in the interview", "ltr"},
		{"digits and punctuation only", "2018-09-12 …", "rtl"},
		{"empty", "", "rtl"},
		{"Persian letters count as RTL", "گفت و گو", "rtl"},
	} {
		if got := textDir(tc.text); got != tc.want {
			t.Errorf("%s: textDir(%q) = %s, want %s", tc.name, tc.text, got, tc.want)
		}
	}
}

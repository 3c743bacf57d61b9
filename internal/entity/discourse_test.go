package entity

import (
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// TestDiscoursePhenomena has one row per propagation rule. have gives the
// earlier mentions as TYPE:text (first occurrence in the text).
func TestDiscoursePhenomena(t *testing.T) {
	d, err := NewDiscourse(DefaultDiscourseOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text string
		have, want []string
	}{
		{"repeated full name", "وصل مختار زرقون أمس. وقال مختار زرقون إن", []string{"PER:مختار زرقون"},
			[]string{"PER:مختار زرقون", "PER:مختار زرقون"}},
		{"surname alone", "وصل مختار زرقون أمس. وقال زرقون إن", []string{"PER:مختار زرقون"},
			[]string{"PER:مختار زرقون", "PER:زرقون"}},
		{"proclitics attached", "التقى مختار زرقون الوفد. ووعد زرقون بالعودة ثم اتصل بزرقون", []string{"PER:مختار زرقون"},
			[]string{"PER:مختار زرقون", "PER:زرقون", "PER:زرقون"}},
		{"title stripped before the surname", "وصل العقيد مختار زرقون. وقال زرقون", []string{"PER:العقيد مختار زرقون"},
			[]string{"PER:العقيد مختار زرقون", "PER:زرقون"}},
		{"word boundary respected", "قابل زرقون الوفد ثم غادر الزرقونية", []string{"PER:زرقون"},
			[]string{"PER:زرقون"}},
		{"place repeated", "وصلوا إلى غدامس. وفي غدامس", []string{"LOC:غدامس"},
			[]string{"LOC:غدامس", "LOC:غدامس"}},
		{"two types: left alone", "زار زرقون ثم زرقون وزرقون", []string{"PER:زرقون", "LOC:زرقون"},
			[]string{"PER:زرقون", "LOC:زرقون"}},
		{"shared surname: left alone", "التقى مختار زرقون وسالم زرقون. وقال زرقون", []string{"PER:مختار زرقون", "PER:سالم زرقون"},
			[]string{"PER:مختار زرقون", "PER:سالم زرقون"}},
		{"compound surname kept whole", "وصل مختار عبد الله ثم تحدث عبد الله", []string{"PER:مختار عبد الله"},
			[]string{"PER:مختار عبد الله", "PER:عبد الله"}},
		{"nationality is no surname", "وصل مختار الليبي وقال الليبي", []string{"PER:مختار الليبي"},
			[]string{"PER:مختار الليبي"}},
		{"existing mention not overlapped", "قابل زرقون وفد زرقون للتجارة", []string{"PER:زرقون", "ORG:زرقون للتجارة"},
			[]string{"PER:زرقون", "ORG:زرقون للتجارة"}},
		{"a cut name made whole", "هاجمت بوكو حرام القرية. وتشن جماعة بوكو حرام تمردا", []string{"ORG:بوكو حرام", "ORG:حرام"},
			[]string{"ORG:بوكو حرام", "ORG:بوكو حرام"}},
		{"a cut name: common words are not added", "وصلت قوات صالح إلى المدينة. وقصفت قوات صالح الحي", []string{"ORG:قوات صالح", "ORG:صالح"},
			[]string{"ORG:قوات صالح", "ORG:صالح"}},
		{"a cut name: another type is left alone", "هاجمت بوكو حرام القرية. وتشن جماعة بوكو حرام تمردا", []string{"ORG:بوكو حرام", "LOC:حرام"},
			[]string{"ORG:بوكو حرام", "LOC:حرام"}},
		{"function word never propagated", "قال في بيان في طرابلس", []string{"LOC:في"}, []string{"LOC:في"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var have []model.Mention
			from := 0
			for _, h := range c.have {
				typ, s := h[:3], h[4:]
				i := indexOf(c.text[from:], s)
				if i < 0 {
					t.Fatalf("%q not in text", s)
				}
				i += from
				have = append(have, model.Mention{Text: s, Start: i, End: i + len(s), Type: typ})
				from = i + len(s)
			}
			var gs []string
			for _, m := range d.Find(c.text, have) {
				if m.Text != c.text[m.Start:m.End] {
					t.Fatalf("mention %q does not match its span", m.Text)
				}
				gs = append(gs, m.Type+":"+m.Text)
			}
			if len(gs) != len(c.want) {
				t.Fatalf("got %q, want %q", gs, c.want)
			}
			for i := range gs {
				if gs[i] != c.want[i] {
					t.Fatalf("got %q, want %q", gs, c.want)
				}
			}
		})
	}
}

func FuzzDiscourse(f *testing.F) {
	d, err := NewDiscourse(DefaultDiscourseOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Add("وصل مختار زرقون. وقال زرقون وبزرقون", 0, 10)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		var have []model.Mention
		if a >= 0 && b > a && b <= len(s) {
			have = append(have, model.Mention{Text: s[a:b], Start: a, End: b, Type: model.PER})
		}
		got := d.Find(s, have)
		for i, m := range got {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
			if i > 0 && got[i-1].Start > m.Start {
				t.Fatalf("not sorted")
			}
		}
	})
}

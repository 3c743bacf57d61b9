package event

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// TestHeadAnaphora: one row per reading of a bare definite head noun. The
// text marks the named organisations with [brackets]; want is the name the
// last bare head of the text stands for ("" for none).
func TestHeadAnaphora(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"the body named before", "أعلنت [الحكومة الليبية المؤقتة] أنها بدأت البحث. وطالب الحكومة المجتمع الدولي برفع الحظر", "الحكومة الليبية المؤقتة"},
		{"after a conjunction", "قال [الجيش الوطني الليبي] إن قواته تقدمت، والجيش يسيطر على المدينة", "الجيش الوطني الليبي"},
		{"a name in construct", "وقالت [حكومة الوفاق] في بيان إنها سترد. ونفت الحكومة ذلك", "حكومة الوفاق"},
		{"the last of two far apart", "رحبت [حكومة الوفاق] بالاتفاق وطالبت بتنفيذه فورا ودعت الأطراف كافة إلى الالتزام به وعدم خرقه تحت أي ظرف من الظروف مهما كانت الأسباب والدوافع التي يسوقها أي طرف من الأطراف المتنازعة. ثم أعلنت [الحكومة المؤقتة] رفضها. وقالت الحكومة إنها لن توقع", "الحكومة المؤقتة"},
		{"two bodies side by side", "اجتمعت [حكومة الوفاق] و[الحكومة المؤقتة] أمس. وقالت الحكومة إن الاجتماع مثمر", ""},
		{"a nisba makes another body", "أعلنت [الحكومة الليبية المؤقتة] البحث عنهم. وأكدت الحكومة الإيطالية", ""},
		{"the Free Syrian Army is another army", "قال [الجيش العراقي] إنه تقدم. بل بعضهم يزور الجيش الحر ويبقى عنده", ""},
		{"a time adjective makes another body", "أعلنت [الحكومة الليبية المؤقتة] البحث عنهم. وقالت الحكومة السابقة", ""},
		{"named only after", "وقالت الحكومة إن [الحكومة الليبية المؤقتة] بدأت البحث", ""},
		{"another body with that head named after it, untagged", "قالت [وزارة الدفاع الليبية] إنها ستحقق. وسعت وزارة العدل إلى التقليل من ذلك. كما تعهدت الوزارة بالمحاسبة", ""},
		{"a bare head between is itself an anaphor", "أعلنت [الحكومة الليبية المؤقتة] البحث. وقالت الحكومة إنها ستواصل. وطالبت الحكومة بالدعم", "الحكومة الليبية المؤقتة"},
		{"another head", "أعلنت [الحكومة الليبية المؤقتة] البحث عنهم. وقال المجلس إنه يؤيد", ""},
		{"indefinite head", "أعلنت [الحكومة الليبية المؤقتة] البحث عنهم. وقالت حكومة إنها", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var text strings.Builder
			var dms []docMention
			rest := c.text
			for {
				i := strings.IndexByte(rest, '[')
				if i < 0 {
					text.WriteString(rest)
					break
				}
				j := strings.IndexByte(rest, ']')
				text.WriteString(rest[:i])
				name := rest[i+1 : j]
				dms = append(dms, docMention{Start: text.Len(), End: text.Len() + len(name), Name: name, Type: model.ORG})
				text.WriteString(name)
				rest = rest[j+1:]
			}
			s := text.String()
			words := splitWords(s, 0, len(s))
			got := ""
			for _, m := range newHeadAnaphora(s, dms).resolve(words, dms) {
				if !overlapsAny(dms, m.Start, m.End) {
					got = m.Name // a mention the resolver added
					if w := s[m.Start:m.End]; !strings.HasPrefix(w, "ال") {
						t.Errorf("added mention %q does not start at the article", w)
					}
				}
			}
			if got != c.want {
				t.Errorf("bare head resolved to %q, want %q", got, c.want)
			}
		})
	}
}

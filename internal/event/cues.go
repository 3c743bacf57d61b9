package event

var secWords = normKeys(map[string]bool{
	"الشرطة": true, "الشرطه": true, "شرطة": true, "الأمن": true, "الامن": true, "الشغب": true, "الجيش": true, "الجنود": true,
	"شرطي": true, "الشرطيين": true,
})

var purposeMasdars = normKeys(map[string]bool{
	"احتجاجا": true, "احتجاجاً": true, "للاحتجاج": true, "تضامنا": true, "تضامناً": true, "تنديدا": true, "تنديداً": true,
	"للتنديد": true, "للمطالبة": true, "مطالبين": true, "للتضامن": true,
})

// cueFeatures adds two sentence cues for the detector: "sec" when a
// security force is named (الشرطة، قوات الأمن، مكافحة الشغب، الجيش: a
// sentence about the police dispersing protesters reports the police's
// act, and annotators split on it), and "purp:TYPE" for each trigger type
// when a masdar of purpose (احتجاجا على، للاحتجاج، تضامنا مع، تنديدا ب،
// للمطالبة، مطالبين) states why a crowd acted. 5×5 nested CV, PROTEST:
// 0.380 → 0.414 (mean of fold seeds 1, 3, 5, 7, 11, 13, 17); the purpose
// cue does most of it (docs/BENCHMARKS.md).
func cueFeatures(f []string, words []word, matches []Match) []string {
	for i := range words {
		if secWords[words[i].Norm] || secWords["ال"+words[i].base] {
			f = append(f, "sec")
			break
		}
	}
	for i := range words {
		if purposeMasdars[words[i].Norm] || purposeMasdars[words[i].base] {
			for _, m := range matches {
				f = append(f, "purp:"+m.Pattern.Type)
			}
			break
		}
	}
	return f
}

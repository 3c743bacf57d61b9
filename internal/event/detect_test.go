package event

import (
	"strings"
	"testing"
)

// TestTrainSeparates checks the learner on a toy problem: a feature seen
// only in positives gets a positive weight, one seen only in negatives a
// negative weight, and the trained model ranks held-out sentences by them.
func TestTrainSeparates(t *testing.T) {
	var ex []Example
	for i := 0; i < 40; i++ {
		ex = append(ex, Example{Feats: []string{"u:قتل", "u:امس", "noise" + string(rune('a'+i%5))}, Pos: true})
		ex = append(ex, Example{Feats: []string{"u:قتل", "u:عام", "noise" + string(rune('a'+i%7))}, Pos: false})
	}
	opt := DefaultTrainOptions()
	opt.Epochs = 5
	m := Train(ex, opt)
	if m.W["u:امس"] <= 0 || m.W["u:عام"] >= 0 {
		t.Fatalf("weights: امس %.3f (want > 0), عام %.3f (want < 0)", m.W["u:امس"], m.W["u:عام"])
	}
	if p, n := m.Prob([]string{"u:قتل", "u:امس"}), m.Prob([]string{"u:قتل", "u:عام"}); p <= n {
		t.Errorf("P(pos) %.3f <= P(neg) %.3f", p, n)
	}
	// deterministic for a seed
	if m2 := Train(ex, opt); m2.Bias != m.Bias || m2.W["u:امس"] != m.W["u:امس"] {
		t.Errorf("two runs with seed %d differ", opt.Seed)
	}
}

// TestTrainValues: feature values of 1 train the same model as no values.
func TestTrainValues(t *testing.T) {
	var ex, ones []Example
	for i := 0; i < 30; i++ {
		fs := []string{"u:قتل", "noise" + string(rune('a'+i%5))}
		ex = append(ex, Example{Feats: fs, Pos: i%3 == 0})
		ones = append(ones, Example{Feats: fs, Vals: []float64{1, 1}, Pos: i%3 == 0})
	}
	opt := DefaultTrainOptions()
	opt.Epochs = 3
	a, b := Train(ex, opt), Train(ones, opt)
	if a.Bias != b.Bias || a.W["u:قتل"] != b.W["u:قتل"] {
		t.Errorf("values of 1 change the model: bias %g / %g", a.Bias, b.Bias)
	}
}

// TestDetectorRoundTrip writes and reads a detector: weights, bias and
// threshold survive, weights below the cut are dropped.
func TestDetectorRoundTrip(t *testing.T) {
	d := NewDetector(map[string]*LinearModel{"PROTEST": {Bias: -1.5, Threshold: 0.25, W: map[string]float64{"u:تظاهر": 0.75, "tiny": 1e-5}}})
	var b strings.Builder
	if err := WriteDetector(&b, d, 1e-3); err != nil {
		t.Fatal(err)
	}
	r, err := ReadDetector(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	m := r.Model("PROTEST")
	if m == nil || m.Bias != -1.5 || m.Threshold != 0.25 || m.W["u:تظاهر"] != 0.75 {
		t.Fatalf("read back %+v", m)
	}
	if _, ok := m.W["tiny"]; ok {
		t.Errorf("weight below the cut kept")
	}
}

// TestVerbOnlyTrigger: a VO row fires as a verb, not as its noun (Extract
// skips a VO match where verbalAt is false).
func TestVerbOnlyTrigger(t *testing.T) {
	tests := []struct {
		name, in string
		verbal   bool
	}{
		{"past verb: a crowd gathered", "تجمهر العشرات أمام المحكمة", true},
		{"present verb", "يتجمهر المحتجون كل يوم", true},
		{"noun with the article: a crowd at an accident", "أعاق التجمهر هبوط الإسعاف الجوي", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, m, ok := firstMatch(t, tc.in, "PROTEST")
			if !ok {
				t.Fatalf("%q: no PROTEST match", tc.in)
			}
			if m.Pattern.POS != POSVerbOnly {
				t.Fatalf("%q: matched %v (POS %s), want the VO row", tc.in, m.Pattern.Words, m.Pattern.POS)
			}
			if got := verbalAt(m.Pattern, w, m.First); got != tc.verbal {
				t.Errorf("%q: verbal %v, want %v", tc.in, got, tc.verbal)
			}
		})
	}
}

package arabic

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexiconCoverage measures how many Arabic tokens of ANERcorp's training
// split (news of other papers and years than arabic-news, which the lexicon
// is built from) the lexicon knows: the share that takes the Analyzer's fast
// path and that the segmenter can judge. Run with -v for the figure.
func TestLexiconCoverage(t *testing.T) {
	path := filepath.Join(sharedData(t), "anercorp", "camel_splits_reconstructed", "ANERCorp_CamelLab_train.reconstructed.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("ANERcorp: ", err)
	}
	defer f.Close()
	n, known := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), " ")
		for _, tk := range Tokenize(w) {
			if tk.Kind != KindArabic {
				continue
			}
			n++
			if WordFreq(tk.Norm) > 0 {
				known++
			}
		}
	}
	share := float64(known) / float64(max(n, 1))
	t.Logf("ANERcorp train: %d Arabic tokens, %.1f%% in the lexicon (%d forms)", n, 100*share, LexiconSize())
	if share < 0.85 {
		t.Errorf("lexicon covers only %.1f%% of ANERcorp tokens", 100*share)
	}
}

package arabic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// lexiconGz holds normalised Arabic word forms with their counts in the
// arabic-news corpus (1.57M Arabic tokens; forms seen at least twice). It is
// built by internal/genlex; see NOTICE for source and licence.
//
//go:embed data/lexicon.tsv.gz
var lexiconGz []byte

//go:embed data/stopwords.txt
var stopwordsTxt string

// lexicon is the parsed frequency table, loaded once on first use.
var lexicon = sync.OnceValue(func() map[string]uint32 {
	m := make(map[string]uint32, 64<<10)
	zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
	if err != nil {
		return m // the embedded file is checked by TestLexiconLoads
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		w, c, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.ParseUint(c, 10, 32)
		if err != nil {
			continue
		}
		m[w] = uint32(n)
	}
	return m
})

// WordFreq returns how often the normalised word form norm occurs in marsad's
// reference corpus of Arabic news (0 for forms seen fewer than twice). The
// clitic segmenter and the run-together splitter decide with it.
func WordFreq(norm string) int { return int(lexicon()[norm]) }

// LexiconSize returns the number of word forms in the embedded lexicon.
func LexiconSize() int { return len(lexicon()) }

// stopwords is the embedded stop-word set, loaded once.
var stopwords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 700)
	for _, line := range strings.Split(stopwordsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[line] = struct{}{}
	}
	return m
})

// IsStopword reports whether the normalised word is a function word (في، من،
// على، التي …). The list is the union of two MIT-licensed lists (see NOTICE)
// without the content words they carry (months, weekdays, أبو …).
//
// A proclitic standing alone (و ف ب ل ك, as the tokeniser leaves the و of
// "12و13") is a function word too.
func IsStopword(norm string) bool {
	if r, size := utf8.DecodeRuneInString(norm); size == len(norm) && size > 1 {
		switch r {
		case Waw, Feh, Beh, Lam, Kaf:
			return true
		}
	}
	_, ok := stopwords()[norm]
	return ok
}

package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its tokens and, when the file
// has a tag column, their tags (else Tags is nil).
type Sentence struct {
	Tokens []string
	Tags   []string
	// Weight scales the perceptron's updates on this sentence in training
	// (0: 1); self-training gives machine-tagged sentences less than 1.
	Weight float32
}

// ReadCoNLL reads CoNLL-style input: one token per line, the token in the
// first column, a blank line between sentences. When every line has at least
// two columns the last one is taken as the tag (as conlleval does); extra
// columns are ignored otherwise.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	tagged := true
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		cur.Tokens = append(cur.Tokens, f[0])
		if len(f) >= 2 {
			cur.Tags = append(cur.Tags, f[len(f)-1])
		} else {
			tagged = false
			cur.Tags = append(cur.Tags, "")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read conll: line %d: %w", line+1, err)
	}
	flush()
	if !tagged {
		for i := range out {
			out[i].Tags = nil
		}
	}
	return out, nil
}

// WriteCoNLL writes sentences as `token TAG` lines with a blank line after
// each sentence. tags[i] holds the tags of sents[i].
func WriteCoNLL(w io.Writer, sents []Sentence, tags [][]string) error {
	bw := bufio.NewWriter(w)
	for i, s := range sents {
		for j, tok := range s.Tokens {
			bw.WriteString(tok)
			bw.WriteByte(' ')
			bw.WriteString(tags[i][j])
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: write conll: %w", err)
	}
	return nil
}

// CanonicalSentences returns a copy of sents with every tag mapped by
// CanonicalTag (PERS → PER); it fails on a sentence without tags.
func CanonicalSentences(sents []Sentence) ([]Sentence, error) {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		if s.Tags == nil {
			return nil, fmt.Errorf("ner: sentence %d has no tag column", i+1)
		}
		tags := make([]string, len(s.Tags))
		for j, t := range s.Tags {
			c, err := CanonicalTag(t)
			if err != nil {
				return nil, fmt.Errorf("ner: sentence %d token %d: %w", i+1, j+1, err)
			}
			tags[j] = c
		}
		out[i] = Sentence{Tokens: s.Tokens, Tags: tags, Weight: s.Weight}
	}
	return out, nil
}

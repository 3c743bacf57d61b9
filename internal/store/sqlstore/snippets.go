package sqlstore

import (
	"encoding/binary"
	"math/bits"
	"slices"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
)

// Snippets without analysis. A snippet is a passage of the original text
// around the words that match the query (store.SnippetOf). Finding those
// words by analysing each hit's text again was 57 % of a search with
// snippets (storebench -cpuprofile, 1x), and decoding its whole text 16 %.
// Instead the store keeps, at ingest, the byte offsets of every term of an
// article (documents.offsets, indexed by term position) beside the
// positions its postings already hold: a hit's matched words are the
// positions of the query's terms in its postings, their offsets cut them
// from the text, and only the text up to the end of the passage is
// decoded (InflateBodyPrefix).

// encodeOffsets encodes the byte offsets of terms (in order, not
// overlapping): per term the varint gap from the previous term's end
// (from 0 for the first) and the varint length. Arabic words and the
// spaces between them are short: 2 bytes a term, mostly.
func encodeOffsets(terms []arabic.Term) []byte {
	b := make([]byte, 0, 2*len(terms)+8)
	last := 0
	for _, t := range terms {
		if t.Start < last || t.End < t.Start {
			return nil // not in order: no offsets, snippets by analysis
		}
		b = binary.AppendUvarint(b, uint64(t.Start-last))
		b = binary.AppendUvarint(b, uint64(t.End-t.Start))
		last = t.End
	}
	return b
}

// posTerm is a position of a query term in an article.
type posTerm struct {
	pos  int32
	term string
}

// spansAt turns the positions (ascending) into byte spans from the
// article's offsets; ok is false if the offsets do not cover them.
func spansAt(offsets []byte, ps []posTerm, out []store.TermSpan) ([]store.TermSpan, bool) {
	i, next, last := 0, int32(0), 0
	for _, p := range ps {
		for ; next <= p.pos; next++ {
			g, n := binary.Uvarint(offsets[i:])
			if n <= 0 {
				return out, false
			}
			i += n
			l, m := binary.Uvarint(offsets[i:])
			if m <= 0 {
				return out, false
			}
			i += m
			if next == p.pos {
				out = append(out, store.TermSpan{Term: p.term, Start: last + int(g), End: last + int(g) + int(l)})
			}
			last += int(g) + int(l)
		}
	}
	return out, true
}

// skipVarints returns the offset in b past the n varints from off, or -1
// if b ends first. A varint ends at a byte below 0x80: eight bytes at a
// time are counted by their high bits (a frequent term's positions are
// tens of kilobytes at 16x, skipped to reach the hits' few).
func skipVarints(b []byte, off, n int) int {
	for n > 0 && off+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[off:])
		c := bits.OnesCount64(^w & 0x8080808080808080)
		if c >= n {
			break
		}
		off += 8
		n -= c
	}
	for ; n > 0; off++ {
		if off >= len(b) {
			return -1
		}
		if b[off] < 0x80 {
			n--
		}
	}
	return off
}

// rawRange is one postings row's positions, not decoded: the pos blob of
// the postings l.ps[start:] up to the next rawRange's start.
type rawRange struct {
	start int
	b     []byte
}

// docPositions appends to out, for each of docs (ascending), the
// positions of l's term in it, as posTerm with term, and returns for each
// doc the end of its positions in out (ends[i]: docs[i]'s positions are
// out[ends[i-1]:ends[i]]). ok is false where the positions are missing.
func docPositions(l *plist, term string, docs []int64, out []posTerm, ends []int) ([]posTerm, []int, bool) {
	ps := l.ps
	j := 0
	// the byte cursor in l.raw[seg].b at posting j (raw positions)
	seg, off := 0, 0
	for _, doc := range docs {
		k := j + sortSearch(len(ps)-j, func(x int) bool { return ps[j+x].doc >= doc })
		if k < len(ps) && ps[k].doc == doc {
			p := ps[k]
			switch {
			case l.pos != nil:
				for _, x := range l.pos[p.pos : p.pos+p.tf] {
					out = append(out, posTerm{x, term})
				}
			case len(l.raw) > 0:
				// skip the positions of ps[j:k], segment by segment
				for j < k {
					end := len(ps)
					if seg+1 < len(l.raw) {
						end = l.raw[seg+1].start
					}
					upto := min(k, end)
					n := 0
					for _, q := range ps[j:upto] {
						n += int(q.tf)
					}
					if off = skipVarints(l.raw[seg].b, off, n); off < 0 {
						return out, ends, false
					}
					j = upto
					if j == end && seg+1 < len(l.raw) {
						seg, off = seg+1, 0
					}
				}
				for seg+1 < len(l.raw) && l.raw[seg+1].start <= k {
					seg, off = seg+1, 0 // k starts a segment (empty rows before it)
				}
				b := l.raw[seg].b
				prev := int32(0)
				for range p.tf {
					x, n := binary.Uvarint(b[off:])
					if n <= 0 {
						return out, ends, false
					}
					off += n
					prev += int32(x)
					out = append(out, posTerm{prev, term})
				}
				j = k + 1
				if seg+1 < len(l.raw) && l.raw[seg+1].start == j {
					seg, off = seg+1, 0
				}
			default:
				return out, ends, false
			}
		}
		ends = append(ends, len(out))
	}
	return out, ends, true
}

// sortSearch is sort.Search, galloping from the start: the next hit is
// usually not far.
func sortSearch(n int, f func(int) bool) int {
	lo, step := 0, 1
	for lo+step < n && !f(lo+step) {
		lo += step
		step *= 2
	}
	hi := min(lo+step, n)
	// f(lo) may be true only when lo == 0
	if n == 0 || f(lo) {
		return lo
	}
	for lo+1 < hi {
		m := int(uint(lo+hi) >> 1)
		if f(m) {
			hi = m
		} else {
			lo = m
		}
	}
	return hi
}

// hitSpans returns the matched words of each doc of page (in page order)
// from the postings got of the query's terms, or nil for a doc whose
// positions are missing.
func hitSpans(got map[string]*plist, terms []string, page []scored) [][]posTerm {
	docs := make([]int64, len(page))
	for i, p := range page {
		docs[i] = p.doc
	}
	slices.Sort(docs)
	docs = slices.Compact(docs)
	byDoc := make([][]posTerm, len(docs))
	var buf []posTerm
	var ends []int
	for _, t := range terms {
		l := got[t]
		if l == nil {
			continue
		}
		var ok bool
		buf, ends, ok = docPositions(l, t, docs, buf[:0], ends[:0])
		if !ok {
			return make([][]posTerm, len(page))
		}
		from := 0
		for i, e := range ends {
			byDoc[i] = append(byDoc[i], buf[from:e]...)
			from = e
		}
	}
	out := make([][]posTerm, len(page))
	for i, p := range page {
		k, _ := slices.BinarySearch(docs, p.doc)
		ps := byDoc[k]
		if ps == nil {
			ps = []posTerm{} // no term found: a snippet from the start
		}
		slices.SortFunc(ps, func(a, b posTerm) int { return int(a.pos - b.pos) })
		out[i] = ps
	}
	return out
}

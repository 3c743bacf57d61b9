package sqlstore

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
)

// Article text as stored by both backends: a format byte, then the text.
// The text is most of a store (arabic-news: 17 MB of 28 MB in SQLite
// before compression) and Arabic UTF-8 compresses about 3.5× with DEFLATE,
// where PostgreSQL's pglz TOAST compression gains little on it.
const (
	bodyPlain   = 0 // UTF-8 as is (PostgreSQL rows stored before compression)
	bodyDeflate = 1 // DEFLATE, level 5
)

// deflaters reuses DEFLATE writers: flate.NewWriter allocates about 1 MB
// of state, and was a third of the compression time (storebench ingest
// profile: 0.69 of 1.99 s).
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, 5)
	return w
}}

// blockCuts are where DeflateBody ends a DEFLATE block (a sync flush; the
// stream stays one stream, decoded as before): a decoder returns text
// block by block, so a snippet in the first kilobyte (3 of 4 hits of the
// storebench queries at 1x: its passage ends within 1,004 bytes of the
// start; median 609, article median 2,879) decodes that block only
// (InflateBodyPrefix), and one in the first 4 KB (9 in 10) the first two.
// The text grows by 1.8 % on arabic-news (6.02 to 6.13 MB).
var blockCuts = [...]int{1024, 4096}

// DeflateBody encodes text for the body column. Level 5 measured close to
// the best ratio at a third of level 9's time.
func DeflateBody(text string) []byte {
	var b bytes.Buffer
	b.Grow(len(text)/3 + 64)
	b.WriteByte(bodyDeflate)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&b)
	last := 0
	for _, cut := range blockCuts {
		if len(text) > cut+512 {
			w.Write([]byte(text[last:cut]))
			w.Flush()
			last = cut
		}
	}
	w.Write([]byte(text[last:]))
	w.Close()
	w.Reset(nil)
	deflaters.Put(w)
	return b.Bytes()
}

// InflateBody decodes a body column written by DeflateBody (or a plain one).
func InflateBody(b []byte) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	switch b[0] {
	case bodyPlain:
		return string(b[1:]), nil
	case bodyDeflate:
		out, err := io.ReadAll(flate.NewReader(bytes.NewReader(b[1:])))
		if err != nil {
			return "", fmt.Errorf("article text: %w", err)
		}
		return string(out), nil
	}
	return "", fmt.Errorf("article text: unknown encoding %d", b[0])
}

// inflaters reuses DEFLATE readers (flate.NewReader allocates its
// decoding tables for every article otherwise).
var inflaters sync.Pool

// InflateBodyPrefix appends to buf the first need bytes of the text of a
// body column (more when the decoder has them at hand, all of it when it
// is shorter) and says whether that is the whole text: a snippet near the
// start of a long article does not decode the rest.
func InflateBodyPrefix(buf, b []byte, need int) ([]byte, bool, error) {
	if len(b) == 0 {
		return buf, true, nil
	}
	switch b[0] {
	case bodyPlain:
		return append(buf, b[1:]...), true, nil
	case bodyDeflate:
		var r io.ReadCloser
		if x := inflaters.Get(); x != nil {
			r = x.(io.ReadCloser)
			if err := r.(flate.Resetter).Reset(bytes.NewReader(b[1:]), nil); err != nil {
				return buf, false, fmt.Errorf("article text: %w", err)
			}
		} else {
			r = flate.NewReader(bytes.NewReader(b[1:]))
		}
		defer inflaters.Put(r)
		base := len(buf)
		for len(buf)-base < need {
			if len(buf) == cap(buf) {
				buf = append(buf, 0)[:len(buf)]
			}
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				return buf, true, nil
			}
			if err != nil {
				return buf, false, fmt.Errorf("article text: %w", err)
			}
		}
		return buf, false, nil
	}
	return buf, false, fmt.Errorf("article text: unknown encoding %d", b[0])
}

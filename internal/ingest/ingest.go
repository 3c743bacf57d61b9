// Package ingest reads articles from plain-text files, JSON Lines, HTML
// pages, RSS/Atom feeds, directories and standard input into
// model.Documents, and removes page junk.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Options controls reading.
type Options struct {
	Format    string    // "auto" (default), "text", "jsonl", "html", "feed"
	Published time.Time // publication date for documents whose input gives none
	MaxBytes  int64     // inputs larger than this are rejected (0: no limit)
}

// DefaultOptions returns the options `marsad extract` uses.
func DefaultOptions() Options { return Options{Format: "auto", MaxBytes: 64 << 20} }

// InputError is a problem with one input (a file, a line, a feed item). The
// reader reports it and goes on with the others.
type InputError struct {
	Input string // "path", "path:line", "feed.xml#item 3"
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Reader reads articles. It holds settings only and is safe for concurrent use.
type Reader struct {
	opt Options
}

// NewReader returns a Reader with opt.
func NewReader(opt Options) *Reader { return &Reader{opt: opt} }

// Read reads every article in paths, in order; "-" is stdin. Directories are
// walked recursively in name order. emit is called for each article; reject
// for each bad input (an *InputError), after which reading goes on. Read
// returns emit's first error, or ctx's.
func (r *Reader) Read(ctx context.Context, paths []string, stdin io.Reader, emit func(model.Document) error, reject func(error)) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				reject(&InputError{Input: "stdin", Err: err})
				continue
			}
			if err := r.ReadBytes(ctx, "stdin", data, emit, reject); err != nil {
				return err
			}
			continue
		}
		err := filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				reject(&InputError{Input: path, Err: err})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				reject(&InputError{Input: path, Err: err})
				return nil
			}
			return r.ReadBytes(ctx, path, data, emit, reject)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadBytes reads the articles in one input already in memory. name is used
// for the document id (its base name) and in messages.
func (r *Reader) ReadBytes(ctx context.Context, name string, data []byte, emit func(model.Document) error, reject func(error)) error {
	if r.opt.MaxBytes > 0 && int64(len(data)) > r.opt.MaxBytes {
		reject(&InputError{Input: name, Err: fmt.Errorf("%d bytes is over the %d-byte limit", len(data), r.opt.MaxBytes)})
		return nil
	}
	if !utf8.Valid(data) {
		reject(&InputError{Input: name, Err: errors.New("not valid UTF-8")})
		return nil
	}
	text := strings.TrimSpace(string(data))
	if text == "" {
		reject(&InputError{Input: name, Err: errors.New("empty")})
		return nil
	}
	doc := model.Document{ID: filepath.Base(name), Origin: name, Text: text, Published: r.opt.Published}
	doc.Hash = TextHash(doc.Text)
	return emit(doc)
}

// TextHash is a hash of the normalised words of text: the same article with
// other spacing, punctuation or spelling variants hashes the same.
func TextHash(text string) string {
	h := sha256.New()
	for _, t := range arabic.Tokenize(text) {
		if t.IsWord() {
			io.WriteString(h, t.Norm)
			h.Write([]byte{' '})
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// Package ingest reads articles from plain-text files, JSON Lines, HTML
// pages, RSS/Atom feeds, directories and standard input into
// model.Documents, and removes page junk (see Cleaner).
//
// Every bad input (a file, a JSON line, a feed item) is reported as an
// *InputError naming it and the reason, and reading goes on with the rest.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Input formats.
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatJSONL = "jsonl"
	FormatHTML  = "html"
	FormatFeed  = "feed"
)

// Formats lists the accepted values of Options.Format.
func Formats() []string {
	return []string{FormatAuto, FormatText, FormatJSONL, FormatHTML, FormatFeed}
}

// Options controls reading.
type Options struct {
	Format    string    // "auto" (default), "text", "jsonl", "html", "feed"
	Published time.Time // publication date for documents whose input gives none
	// MaxBytes is the largest single article input: a text or HTML file, a
	// feed file, one JSON line (0: no limit). JSON Lines files are streamed
	// line by line and may be of any size.
	MaxBytes int64
	// KeepJunk skips the Cleaner: Text is the article as read.
	KeepJunk bool
	// Boilerplate adds lines learned from a batch (LearnBoilerplate) to the
	// Cleaner's curated patterns; nil: none.
	Boilerplate *Boilerplate
	// Log receives warnings that do not reject an input (a date that could
	// not be read, a text decoded from Windows-1256); nil: discarded.
	Log *slog.Logger
}

// DefaultOptions returns the options `marsad extract` uses. The 16 MB limit
// is far above any article (the longest of arabic-news is 150 kB; HTML
// pages with inline scripts reach 2–3 MB) and far below what hurts.
func DefaultOptions() Options { return Options{Format: FormatAuto, MaxBytes: 16 << 20} }

// InputError is a problem with one input (a file, a line, a feed item). The
// reader reports it and goes on with the others.
type InputError struct {
	Input string // "path", "path:line", "feed.xml#item 3"
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// ErrTooLarge marks an input over Options.MaxBytes.
var ErrTooLarge = errors.New("too large")

// ErrEmpty marks an input with no text.
var ErrEmpty = errors.New("empty: no text")

// Reader reads articles. It holds settings only and is safe for concurrent use.
type Reader struct {
	opt     Options
	cleaner *Cleaner
	log     *slog.Logger
}

// NewReader returns a Reader with opt.
func NewReader(opt Options) *Reader {
	if opt.Format == "" {
		opt.Format = FormatAuto
	}
	co := DefaultCleanOptions()
	co.Boilerplate = opt.Boilerplate
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Reader{opt: opt, cleaner: NewCleaner(co), log: log}
}

// Read reads every article in paths, in order; "-" is stdin. Directories are
// walked recursively in name order (hidden files and folders skipped). emit
// is called for each article; reject for each bad input (an *InputError),
// after which reading goes on. Read returns emit's first error, or ctx's.
func (r *Reader) Read(ctx context.Context, paths []string, stdin io.Reader, emit func(model.Document) error, reject func(error)) error {
	if !validFormat(r.opt.Format) {
		return fmt.Errorf("ingest: unknown format %q (want one of %s)", r.opt.Format, strings.Join(Formats(), ", "))
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if stdin == nil {
				reject(&InputError{Input: "stdin", Err: errors.New("no standard input")})
				continue
			}
			if err := r.readStream(ctx, "stdin", stdin, -1, emit, reject); err != nil {
				return err
			}
			continue
		}
		err := filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				reject(&InputError{Input: path, Err: unwrapPathError(err)})
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
			if !d.Type().IsRegular() && d.Type()&os.ModeSymlink == 0 && path != p {
				return nil // sockets, devices inside a walked folder
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			return r.readFile(ctx, path, emit, reject)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *Reader) readFile(ctx context.Context, path string, emit func(model.Document) error, reject func(error)) error {
	f, err := os.Open(path)
	if err != nil {
		reject(&InputError{Input: path, Err: unwrapPathError(err)})
		return nil
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return r.readStream(ctx, path, f, size, emit, reject)
}

// ReadBytes reads the articles in one input already in memory. name is used
// for the document id (its base name), for format detection (its
// extension) and in messages.
func (r *Reader) ReadBytes(ctx context.Context, name string, data []byte, emit func(model.Document) error, reject func(error)) error {
	if !validFormat(r.opt.Format) {
		return fmt.Errorf("ingest: unknown format %q (want one of %s)", r.opt.Format, strings.Join(Formats(), ", "))
	}
	return r.readStream(ctx, name, bytes.NewReader(data), int64(len(data)), emit, reject)
}

// readStream detects the format from the name and the first bytes, streams
// JSON Lines and reads anything else whole (up to MaxBytes).
func (r *Reader) readStream(ctx context.Context, name string, rd io.Reader, size int64, emit func(model.Document) error, reject func(error)) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		reject(&InputError{Input: name, Err: unwrapPathError(err)})
		return nil
	}
	format := r.opt.Format
	if format == FormatAuto {
		format = DetectFormat(name, head)
	}
	if format == FormatJSONL {
		// JSON Lines from Windows tools may come as UTF-16: decode the
		// stream on the fly
		if enc, ok := sniffUTF16Head(head); ok {
			br = bufio.NewReaderSize(transform.NewReader(br, utf16Decoder(enc)), 64<<10)
			head, _ = br.Peek(sniffLen)
		}
		if !jsonDocument(name, head) {
			return r.readJSONL(ctx, name, br, emit, reject)
		}
	}
	max := r.opt.MaxBytes
	if max > 0 && size > max {
		reject(&InputError{Input: name, Err: tooLarge(size, max, format)})
		return nil
	}
	var data []byte
	if max > 0 {
		data, err = io.ReadAll(io.LimitReader(br, max+1))
	} else {
		data, err = io.ReadAll(br)
	}
	if err != nil {
		reject(&InputError{Input: name, Err: unwrapPathError(err)})
		return nil
	}
	if max > 0 && int64(len(data)) > max {
		reject(&InputError{Input: name, Err: tooLarge(-1, max, format)})
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		reject(&InputError{Input: name, Err: ErrEmpty})
		return nil
	}
	var text, enc string
	if format == FormatHTML && !utf8.Valid(data) {
		// a page that is not UTF-8 usually says what it is in <meta
		// charset>; that beats detection (ISO-8859-6 shares bytes with
		// Windows-1256 but not letters)
		text, enc, err = decodeDeclared(data, ErrEncoding)
	}
	if enc == "" {
		text, enc, err = Decode(data)
	}
	if err != nil {
		reject(&InputError{Input: name, Err: err})
		return nil
	}
	if enc != EncUTF8 && enc != EncUTF8BOM {
		r.log.Info("ingest: decoded", "input", name, "encoding", enc)
	}
	switch format {
	case FormatJSONL:
		return r.readJSONDocument(ctx, name, text, emit, reject)
	case FormatHTML:
		return r.readHTML(ctx, name, text, emit, reject)
	case FormatFeed:
		return r.readFeed(ctx, name, text, emit, reject)
	default:
		return r.readText(name, text, emit, reject)
	}
}

func tooLarge(size, max int64, format string) error {
	what := "a " + format + " article"
	if format == FormatFeed {
		what = "a feed file"
	}
	if size < 0 {
		return fmt.Errorf("%w: over the %s limit for %s (Options.MaxBytes, --max-bytes)", ErrTooLarge, humanBytes(max), what)
	}
	return fmt.Errorf("%w: %s is over the %s limit for %s (Options.MaxBytes, --max-bytes)", ErrTooLarge, humanBytes(size), humanBytes(max), what)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func validFormat(f string) bool {
	for _, g := range Formats() {
		if f == g {
			return true
		}
	}
	return false
}

// finish cleans a document's text and title, fills defaults and the hash,
// and emits it, or rejects it when nothing is left.
func (r *Reader) finish(doc model.Document, emit func(model.Document) error, reject func(error)) error {
	if strings.IndexByte(doc.Title, '&') >= 0 {
		doc.Title = html.UnescapeString(doc.Title) // "&#8220;حي التواهي&#8221;" (arabic-news titles)
	}
	doc.Title = strings.Join(strings.Fields(sanitize(doc.Title)), " ")
	var removed []Removal
	if !r.opt.KeepJunk {
		res := r.cleaner.Clean(doc.Source, doc.Text)
		doc.Text, removed = res.Text, res.Removed
	} else {
		doc.Text = strings.TrimSpace(sanitize(doc.Text))
	}
	if doc.Text == "" {
		var rules []string
		for _, rm := range removed {
			if !slices.Contains(rules, rm.Rule) {
				rules = append(rules, rm.Rule)
			}
		}
		reject(&InputError{Input: doc.Origin, Err: fmt.Errorf("no article text left after removing page junk (%s)", strings.Join(rules, ", "))})
		return nil
	}
	if doc.Published.IsZero() {
		doc.Published = r.opt.Published
	}
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

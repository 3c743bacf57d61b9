package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

// jsonArticle is one JSON line. The fields are those of
// ../shared/data/arabic-news (id, source, url, published, title, text);
// unknown fields are ignored. Alternative names found in other public news
// dumps are read when the main one is absent: maintext/date_publish
// (news-please), content/body, date.
type jsonArticle struct {
	ID          json.RawMessage `json:"id"`
	Title       string          `json:"title"`
	Text        *string         `json:"text"`
	Maintext    *string         `json:"maintext"`
	Content     *string         `json:"content"`
	Body        *string         `json:"body"`
	Published   json.RawMessage `json:"published"`
	Date        json.RawMessage `json:"date"`
	DatePublish json.RawMessage `json:"date_publish"`
	Source      string          `json:"source"`
	SourceDom   string          `json:"source_domain"`
	URL         string          `json:"url"`
}

// readJSONL streams JSON Lines: one article per line, each line at most
// MaxBytes. A bad line is rejected as "path:LINE: reason" and the others
// are read.
func (r *Reader) readJSONL(ctx context.Context, name string, br *bufio.Reader, emit func(model.Document) error, reject func(error)) error {
	base := filepath.Base(name)
	seen := 0
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, r.opt.MaxBytes)
		if err != nil && err != io.EOF {
			reject(&InputError{Input: fmt.Sprintf("%s:%d", name, lineNo), Err: unwrapPathError(err)})
			return nil
		}
		at := fmt.Sprintf("%s:%d", name, lineNo)
		if tooLong {
			reject(&InputError{Input: at, Err: fmt.Errorf("%w: line is over the %s limit for one article (Options.MaxBytes, --max-bytes)", ErrTooLarge, humanBytes(r.opt.MaxBytes))})
		} else if e := r.jsonLine(at, base, lineNo, line, emit, reject); e != nil {
			return e
		} else if len(bytes.TrimSpace(line)) > 0 {
			seen++
		}
		if err == io.EOF {
			break
		}
	}
	if seen == 0 {
		reject(&InputError{Input: name, Err: ErrEmpty})
	}
	return nil
}

// jsonDocument reports whether an input sniffed as JSON is one JSON value
// (an array of articles, or one pretty-printed object) rather than JSON
// Lines: it opens with '[', or its first line is not a whole object.
func jsonDocument(name string, head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if len(h) == 0 {
		return false
	}
	if h[0] == '[' {
		return true
	}
	first, _, found := bytes.Cut(h, []byte{'\n'})
	if !found && len(h) == sniffLen {
		return false // a long first line: JSON Lines with a big article
	}
	return !json.Valid(bytes.TrimSpace(first))
}

// readJSONDocument reads a JSON array of articles or a single article
// object (the whole input, up to MaxBytes). Elements are named
// "file#N" in messages.
func (r *Reader) readJSONDocument(ctx context.Context, name, text string, emit func(model.Document) error, reject func(error)) error {
	dec := json.NewDecoder(strings.NewReader(text))
	tok, err := dec.Token()
	if err != nil {
		reject(&InputError{Input: name, Err: fmt.Errorf("malformed JSON: %w", err)})
		return nil
	}
	base := filepath.Base(name)
	if tok != json.Delim('[') {
		if !json.Valid([]byte(text)) {
			reject(&InputError{Input: name, Err: fmt.Errorf("malformed JSON: neither JSON Lines nor one JSON object: %s", jsonReason(json.Unmarshal([]byte(text), new(any)), []byte(text)))})
			return nil
		}
		return r.jsonLine(name, base, 0, []byte(strings.TrimSpace(text)), emit, reject)
	}
	for n := 1; dec.More(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			reject(&InputError{Input: fmt.Sprintf("%s#%d", name, n), Err: fmt.Errorf("malformed JSON: %w; the rest of the array is not read", err)})
			return nil
		}
		if err := r.jsonLine(fmt.Sprintf("%s#%d", name, n), base, n, raw, emit, reject); err != nil {
			return err
		}
	}
	return nil
}

// readLine reads one line without its newline. A line over max bytes is
// skipped to its end and reported as tooLong.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if max <= 0 || int64(len(buf)+len(chunk)) <= max+1 {
			buf = append(buf, chunk...)
		} else {
			tooLong = true
			buf = buf[:0]
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			return nil, true, err
		}
		return bytes.TrimRight(buf, "\r\n"), false, err
	}
}

func (r *Reader) jsonLine(at, base string, lineNo int, line []byte, emit func(model.Document) error, reject func(error)) error {
	if lineNo == 1 {
		line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil // blank lines are allowed between records
	}
	if !utf8.Valid(line) {
		reject(&InputError{Input: at, Err: invalidUTF8(line, 0, "JSON Lines must be UTF-8")})
		return nil
	}
	if line[0] != '{' {
		reject(&InputError{Input: at, Err: fmt.Errorf("not a JSON object (starts with %q)", truncate(string(line), 20))})
		return nil
	}
	var a jsonArticle
	if err := json.Unmarshal(line, &a); err != nil {
		reject(&InputError{Input: at, Err: fmt.Errorf("malformed JSON: %s", jsonReason(err, line))})
		return nil
	}
	text := firstOf(a.Text, a.Maintext, a.Content, a.Body)
	if strings.TrimSpace(text) == "" {
		reject(&InputError{Input: at, Err: errors.New(`no "text" field (or it is empty)`)})
		return nil
	}
	id, err := jsonID(a.ID)
	if err != nil {
		reject(&InputError{Input: at, Err: err})
		return nil
	}
	if id == "" {
		id = base
		if lineNo > 0 {
			id += ":" + strconv.Itoa(lineNo)
		}
	}
	doc := model.Document{ID: id, Origin: at, Title: a.Title, Text: text, Source: a.Source, URL: strings.TrimSpace(a.URL)}
	if doc.Source == "" {
		doc.Source = a.SourceDom
	}
	for _, raw := range []json.RawMessage{a.Published, a.Date, a.DatePublish} {
		t, ok, err := jsonDate(raw)
		if err != nil {
			r.log.Warn("ingest: date not read, article kept without it", "input", at, "err", err)
			continue
		}
		if ok {
			doc.Published = t
			break
		}
	}
	return r.finish(doc, emit, reject)
}

func firstOf(ss ...*string) string {
	for _, s := range ss {
		if s != nil && strings.TrimSpace(*s) != "" {
			return *s
		}
	}
	return ""
}

// jsonID accepts a string or a number.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("id: %w", err)
		}
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf(`"id" must be a string or a number, not %s`, truncate(string(raw), 20))
	}
	return n.String(), nil
}

// jsonDate reads a date given as a string or as Unix seconds; ok is false
// when there is none.
func jsonDate(raw json.RawMessage) (time.Time, bool, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
		return time.Time{}, false, nil
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return time.Time{}, false, err
		}
	} else {
		s = string(raw)
	}
	t, err := ParseDate(s)
	if err != nil {
		return time.Time{}, false, err
	}
	return t, true, nil
}

// jsonReason says what is wrong with a line and where (column).
func jsonReason(err error, line []byte) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		col := utf8.RuneCount(line[:min(int(se.Offset), len(line))])
		return fmt.Sprintf("%v (column %d)", se, col)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q must be a %s, not a %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

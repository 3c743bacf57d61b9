package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
)

// sniffLen is how many leading bytes DetectFormat looks at.
const sniffLen = 4096

// DetectFormat names the format of an input from its name's extension and,
// where that does not decide, its first bytes: JSON (Lines) when the first
// non-blank character is '{' or an array of objects opens it, a feed when an <rss>, <feed> or <rdf:RDF>
// element opens it, HTML for <!doctype html>, <html>, <head> or <body>,
// plain text otherwise. UTF-16 heads are looked at through their ASCII
// bytes. The result is never FormatAuto.
func DetectFormat(name string, head []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".jsonlines", ".json":
		return FormatJSONL
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".rss", ".atom":
		return FormatFeed
	case ".txt", ".text":
		return FormatText
	}
	h := asciiHead(head)
	switch {
	case len(h) > 0 && h[0] == '{', bytes.HasPrefix(h, []byte("[{")), bytes.HasPrefix(h, []byte("[\n")) && bytes.Contains(h, []byte("{")):
		return FormatJSONL
	case looksFeed(h):
		return FormatFeed
	case looksHTML(h):
		return FormatHTML
	}
	return FormatText
}

// asciiHead strips a BOM and leading space, drops NUL bytes (UTF-16) and
// lower-cases the head.
func asciiHead(head []byte) []byte {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		head = head[2:]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		head = bytes.ReplaceAll(head, []byte{0}, nil)
	}
	return bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
}

func looksFeed(h []byte) bool {
	if !bytes.HasPrefix(h, []byte("<")) {
		return false
	}
	// skip the XML declaration, comments, processing instructions and
	// doctype to the first element
	rest := h
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			i := bytes.Index(rest, []byte("?>"))
			if i < 0 {
				return false
			}
			rest = rest[i+2:]
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := bytes.Index(rest, []byte("-->"))
			if i < 0 {
				return false
			}
			rest = rest[i+3:]
			continue
		case bytes.HasPrefix(rest, []byte("<!doctype")) && !bytes.HasPrefix(rest, []byte("<!doctype html")):
			i := bytes.IndexByte(rest, '>')
			if i < 0 {
				return false
			}
			rest = rest[i+1:]
			continue
		}
		break
	}
	for _, p := range []string{"<rss", "<feed", "<rdf:rdf", "<rdf"} {
		if bytes.HasPrefix(rest, []byte(p)) {
			return true
		}
	}
	return false
}

func looksHTML(h []byte) bool {
	if !bytes.HasPrefix(h, []byte("<")) {
		return false
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div", "<p>", "<p "} {
		if bytes.Contains(h, []byte(p)) {
			return true
		}
	}
	return false
}

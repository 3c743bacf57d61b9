package ingest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS or Atom file with gofeed: each item is a Document
// (title, link as URL, published or updated date, content or else
// description with its HTML stripped, the feed's title as source; id: the
// item's guid, else its link, else "file#item N"). An item with neither
// text nor title is rejected as "file#item N"; a headline-only item is kept
// with its title as text. When the XML is broken, the items are parsed one
// by one so that one bad item does not lose the others.
func (r *Reader) readFeed(ctx context.Context, name, data string, emit func(model.Document) error, reject func(error)) error {
	fp := gofeed.NewParser()
	feed, err := fp.ParseString(data)
	if err != nil {
		return r.readBrokenFeed(ctx, name, data, err, emit, reject)
	}
	if len(feed.Items) == 0 {
		reject(&InputError{Input: name, Err: fmt.Errorf("feed %q has no items", feed.Title)})
		return nil
	}
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.feedItem(name, i+1, feed.Title, it, emit, reject); err != nil {
			return err
		}
	}
	return nil
}

var (
	itemRE     = regexp.MustCompile(`(?s)<(item|entry)[\s>].*?</(item|entry)\s*>`)
	rootRE     = regexp.MustCompile(`(?s)<(rss|feed|rdf:RDF)[\s>][^>]*>|<(rss|feed|rdf:RDF)>`)
	chanTitle  = regexp.MustCompile(`(?s)<title[^>]*>(.*?)</title>`)
	openItemRE = regexp.MustCompile(`<(item|entry)[\s>]`)
)

// readBrokenFeed salvages the items of a feed whose XML does not parse:
// each <item> or <entry> is wrapped in the feed's own root element and
// parsed alone.
func (r *Reader) readBrokenFeed(ctx context.Context, name, data string, whole error, emit func(model.Document) error, reject func(error)) error {
	root := rootRE.FindString(data)
	if root == "" {
		reject(&InputError{Input: name, Err: fmt.Errorf("not an RSS or Atom feed: %v", whole)})
		return nil
	}
	title := ""
	firstItem := openItemRE.FindStringIndex(data)
	if m := chanTitle.FindStringSubmatch(data); m != nil && (firstItem == nil || strings.Index(data, m[0]) < firstItem[0]) {
		title = strings.TrimSpace(htmlToText(strings.TrimSuffix(strings.TrimPrefix(m[1], "<![CDATA["), "]]>")))
	}
	atom := strings.HasPrefix(root, "<feed")
	opens := openItemRE.FindAllStringIndex(data, -1)
	matches := itemRE.FindAllStringIndex(data, -1)
	if len(opens) == 0 {
		reject(&InputError{Input: name, Err: fmt.Errorf("broken feed and no items in it: %v", whole)})
		return nil
	}
	// items are numbered by their opening tag; an opening tag with no
	// matching close before the next item is itself broken.
	mi := 0
	for n, o := range opens {
		if err := ctx.Err(); err != nil {
			return err
		}
		at := fmt.Sprintf("%s#item %d", name, n+1)
		for mi < len(matches) && matches[mi][0] < o[0] {
			mi++
		}
		if mi >= len(matches) || matches[mi][0] != o[0] || (n+1 < len(opens) && matches[mi][1] > opens[n+1][0]) {
			reject(&InputError{Input: at, Err: errors.New("item not closed (truncated or broken XML)")})
			continue
		}
		item := data[matches[mi][0]:matches[mi][1]]
		var wrapped string
		if atom {
			wrapped = root + "<title>" + xmlEscape(title) + "</title>" + item + "</feed>"
		} else {
			end := "</rss>"
			if strings.HasPrefix(root, "<rdf") {
				end = "</rdf:RDF>"
			}
			wrapped = root + "<channel><title>" + xmlEscape(title) + "</title>" + item + "</channel>" + end
		}
		f, err := gofeed.NewParser().ParseString(wrapped)
		if err != nil || len(f.Items) != 1 {
			if err == nil {
				err = errors.New("not an item")
			}
			reject(&InputError{Input: at, Err: fmt.Errorf("broken item: %w", err)})
			continue
		}
		if err := r.feedItem(name, n+1, title, f.Items[0], emit, reject); err != nil {
			return err
		}
	}
	return nil
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func (r *Reader) feedItem(name string, n int, feedTitle string, it *gofeed.Item, emit func(model.Document) error, reject func(error)) error {
	at := name + "#item " + strconv.Itoa(n)
	body := it.Content
	if strings.TrimSpace(htmlToText(body)) == "" {
		body = it.Description
	}
	text := strings.TrimSpace(htmlToText(body))
	title := strings.TrimSpace(htmlToText(it.Title))
	if text == "" {
		if title == "" {
			reject(&InputError{Input: at, Err: errors.New("item has neither text nor title")})
			return nil
		}
		text = title
	}
	doc := model.Document{
		ID:     strings.TrimSpace(it.GUID),
		Origin: at,
		Title:  title,
		Text:   text,
		URL:    strings.TrimSpace(it.Link),
		Source: strings.TrimSpace(htmlToText(feedTitle)),
	}
	if doc.ID == "" {
		doc.ID = doc.URL
	}
	if doc.ID == "" {
		doc.ID = fmt.Sprintf("%s#%d", baseName(name), n)
	}
	switch {
	case it.PublishedParsed != nil:
		doc.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		doc.Published = *it.UpdatedParsed
	case strings.TrimSpace(it.Published) != "":
		if t, err := ParseDate(it.Published); err == nil {
			doc.Published = t
		} else {
			r.log.Warn("ingest: item date not read, kept without it", "input", at, "err", err)
		}
	}
	return r.finish(doc, emit, reject)
}

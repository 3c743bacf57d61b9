package web

import (
	"net/http"
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

type articleData struct {
	base
	Article  *store.Article
	Blocks   []textBlock
	Orphans  []eventCard // events whose sentence could not be placed
	Entities []articleEntity
	Events   int
}

// textBlock is a run of article text: sentences without events flow
// together; a sentence with events gets its own row, with its event cards
// beside it.
type textBlock struct {
	Parts  []textPart
	Events []eventCard
	Dir    string // rtl or ltr, by the block's letters
}

type eventCard struct {
	model.Event
	ActorID     string
	RecipientID []entityRef
	LocationID  string
}

type entityRef struct {
	Name, ID string
}

type articleEntity struct {
	ID, Name, Type string
	Mentions       int
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	art, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := art.Doc.Title
	if title == "" {
		title = truncate(art.Doc.Text, 60)
	}
	d := articleData{base: s.base(title, ""), Article: art, Events: len(art.Events)}
	d.Blocks, d.Orphans = articleBlocks(&art.Analysis)
	for _, e := range art.Entities {
		d.Entities = append(d.Entities, articleEntity{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: len(e.Mentions)})
	}
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Mentions > d.Entities[j].Mentions })
	s.render(w, r, http.StatusOK, "article", d)
}

// articleBlocks cuts the article into blocks at the sentences that carry
// events, and places each event's card beside its sentence.
func articleBlocks(a *model.Analysis) ([]textBlock, []eventCard) {
	text := a.Doc.Text
	var ms []mentionRef
	ids := map[string]string{} // canonical name → entity id, for the cards
	for _, e := range a.Entities {
		ids[e.Name] = e.ID
		for _, m := range e.Mentions {
			ms = append(ms, mentionRef{Start: m.Start, End: m.End, EntityID: e.ID, Type: e.Type, Name: e.Name})
		}
	}
	ms = cleanMentions(text, ms)
	card := func(ev model.Event) eventCard {
		c := eventCard{Event: ev, ActorID: ids[ev.Actor], LocationID: ids[ev.Location]}
		for _, rcp := range ev.Recipients {
			c.RecipientID = append(c.RecipientID, entityRef{Name: rcp, ID: ids[rcp]})
		}
		return c
	}
	sents := a.Sentences
	if len(sents) == 0 && text != "" {
		sents = []model.Sentence{{Start: 0, End: len(text)}}
	}
	// Events by sentence: the sentence holding the event's start.
	bySent := make([][]eventCard, len(sents))
	var orphans []eventCard
	for _, ev := range a.Events {
		i := sort.Search(len(sents), func(i int) bool { return sents[i].End > ev.Start })
		if i < len(sents) && sents[i].Start <= ev.Start && ev.Start < len(text) {
			bySent[i] = append(bySent[i], card(ev))
		} else {
			orphans = append(orphans, card(ev))
		}
	}
	var blocks []textBlock
	flush := func(lo, hi int, evs []eventCard) {
		lo, hi = trimRange(text, lo, hi)
		if lo >= hi {
			return
		}
		blocks = append(blocks, textBlock{Parts: mentionParts(text, lo, hi, ms), Events: evs, Dir: textDir(text[lo:hi])})
	}
	pos := 0
	for i, st := range sents {
		if len(bySent[i]) == 0 {
			continue
		}
		flush(pos, st.Start, nil)
		flush(st.Start, st.End, bySent[i])
		pos = st.End
	}
	flush(pos, len(text), nil)
	return blocks, orphans
}

// trimRange narrows [lo, hi) past white space at both ends.
func trimRange(text string, lo, hi int) (int, int) {
	lo, hi = clamp(lo, 0, len(text)), clamp(hi, 0, len(text))
	if lo >= hi {
		return lo, lo
	}
	seg := text[lo:hi]
	trimmed := strings.TrimLeft(seg, " \t\r\n\u00a0")
	lo += len(seg) - len(trimmed)
	trimmed = strings.TrimRight(trimmed, " \t\r\n\u00a0")
	return lo, lo + len(trimmed)
}

package store

import (
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/model"
)

// DocEntity is one store-wide entity as named in one article: the
// article's entities merged by EntityKey.
type DocEntity struct {
	Key      string
	Entity   model.Entity // name, type, aliases, mentions, geo as analysed
	Ord      int          // place of its first entity in the article's list
	NameNorm string
}

// DocEntities merges a's entities by store-wide key, keeping the first
// name and every other name as an alias.
func DocEntities(a *model.Analysis) []DocEntity {
	var out []DocEntity
	idx := map[string]int{}
	for i, e := range a.Entities {
		if strings.TrimSpace(e.Name) == "" {
			continue
		}
		k := EntityKey(e)
		if j, ok := idx[k]; ok {
			d := &out[j]
			d.Entity.Mentions = append(d.Entity.Mentions, e.Mentions...)
			d.Entity.Aliases = appendNew(d.Entity.Aliases, append([]string{e.Name}, e.Aliases...)...)
			if d.Entity.Geo == nil {
				d.Entity.Geo = e.Geo
			}
			continue
		}
		idx[k] = len(out)
		e.Aliases = appendNew(nil, e.Aliases...)
		out = append(out, DocEntity{Key: k, Entity: e, Ord: i, NameNorm: NameKey(e.Name)})
	}
	for i := range out {
		// An alias equal to the name adds nothing.
		al := out[i].Entity.Aliases[:0]
		for _, s := range out[i].Entity.Aliases {
			if s != out[i].Entity.Name && strings.TrimSpace(s) != "" {
				al = append(al, s)
			}
		}
		out[i].Entity.Aliases = al
	}
	return out
}

func appendNew(list []string, xs ...string) []string {
	for _, x := range xs {
		dup := false
		for _, y := range list {
			if x == y {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, x)
		}
	}
	return list
}

// EventDay is the day an event is filed under: its resolved date, else the
// article's publication day, else "".
func EventDay(ev model.Event, published time.Time) string {
	if ev.Date != "" {
		return ev.Date
	}
	if !published.IsZero() {
		return published.UTC().Format("2006-01-02")
	}
	return ""
}

// EventArg is a name taking part in an event.
type EventArg struct {
	Role string // actor, recipient, location
	Norm string // NameKey of the name
}

// EventArgs lists the names of ev, for the actor and place filters.
func EventArgs(ev model.Event) []EventArg {
	var out []EventArg
	seen := map[EventArg]bool{}
	add := func(role, name string) {
		if strings.TrimSpace(name) == "" {
			return
		}
		a := EventArg{Role: role, Norm: NameKey(name)}
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	add("actor", ev.Actor)
	for _, r := range ev.Recipients {
		add("recipient", r)
	}
	add("location", ev.Location)
	return out
}

// DayRange turns EventFilter's From and To into a half-open range of
// strings [lo, hi): To is a prefix, so "2016-11" covers all of November.
func DayRange(from, to string) (lo, hi string) {
	lo = from
	if to != "" {
		hi = to + "\uffff"
	}
	return lo, hi
}

// EscapeLike escapes % _ and \ for a LIKE pattern with ESCAPE '\'.
func EscapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

package entity

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

// Registry gives entities one id across articles: "فايز السراج" in one
// article and "فائز السراج" in another get the same id. It maps (type,
// normalised canonical name) and (type, normalised alias) keys to ids.
//
// Ids are deterministic: an entity's id is derived from its type and the
// normalised name it was first registered under (per:3f2a…), so the same
// articles in the same order always give the same ids, and an id does not
// depend on how many other entities were seen before it. It is safe for
// concurrent use.
type Registry struct {
	mu      sync.RWMutex
	byKey   map[string]string         // type \x00 key → id
	entries map[string]*RegistryEntry // id → entry
}

// RegistryEntry is what the registry knows of one entity.
type RegistryEntry struct {
	ID      string
	Type    string
	Name    string   // canonical name when first registered
	Aliases []string // other names it was registered under, in order seen
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byKey: map[string]string{}, entries: map[string]*RegistryEntry{}}
}

// nameKey is the registry key of a name: normalised words without the
// article.
func nameKey(name string) string { return alKey(normWords(name)) }

// keysOf returns the lookup keys of an entity, strongest first: the
// canonical name, its multi-word aliases (a lone surname or a bare word such
// as المرصد names different entities in different articles), and for
// persons the skeleton of the canonical name (وليامز/ويليامز).
func keysOf(e model.Entity) []string {
	var keys []string
	add := func(k string) {
		if k == "" {
			return
		}
		for _, x := range keys {
			if x == k {
				return
			}
		}
		keys = append(keys, k)
	}
	canon := nameKey(e.Name)
	add(canon)
	for _, a := range e.Aliases {
		if k := nameKey(a); strings.Contains(k, " ") {
			add(k)
		}
	}
	if e.Type == model.PER && strings.Contains(canon, " ") {
		add("~" + skeletonKey(canon))
	}
	return keys
}

// skeletonKey is the skeleton of each word of five letters or more.
func skeletonKey(k string) string {
	ws := strings.Fields(k)
	for i, w := range ws {
		if utf8.RuneCountInString(w) >= 5 {
			ws[i] = skeleton(w)
		}
	}
	return strings.Join(ws, " ")
}

// Lookup returns the id registered for a name of type typ, if any.
func (r *Registry) Lookup(typ, name string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	id, ok := r.byKey[typ+"\x00"+nameKey(name)]
	return id, ok
}

// Entry returns the entry of id.
func (r *Registry) Entry(id string) (RegistryEntry, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e, ok := r.entries[id]
	if !ok {
		return RegistryEntry{}, false
	}
	out := *e
	out.Aliases = append([]string(nil), e.Aliases...)
	return out, true
}

// Len returns the number of entities registered.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.entries)
}

// Resolve returns the store-wide id of e, registering it (and its names as
// new keys) when none of its keys is known. Keys already pointing to
// another entity are left alone: the first registration wins.
func (r *Registry) Resolve(e model.Entity) string {
	keys := keysOf(e)
	if len(keys) == 0 {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	id := ""
	for _, k := range keys {
		if x, ok := r.byKey[e.Type+"\x00"+k]; ok {
			id = x
			break
		}
	}
	if id == "" {
		id = newID(e.Type, keys[0])
		for n := 2; r.entries[id] != nil; n++ { // a hash collision: practically never
			id = newID(e.Type, keys[0]+"#"+itoa(n))
		}
		r.entries[id] = &RegistryEntry{ID: id, Type: e.Type, Name: e.Name}
	}
	ent := r.entries[id]
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if n != ent.Name && !contains(ent.Aliases, n) {
			ent.Aliases = append(ent.Aliases, n)
		}
	}
	for _, k := range keys {
		if _, ok := r.byKey[e.Type+"\x00"+k]; !ok {
			r.byKey[e.Type+"\x00"+k] = id
		}
	}
	return id
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func newID(typ, key string) string {
	h := sha1.Sum([]byte(typ + "\x00" + key))
	return strings.ToLower(typ) + ":" + hex.EncodeToString(h[:6])
}

// Add registers e under a known id (a store reloading the entities it
// persisted); its keys are added where free, as in Resolve.
func (r *Registry) Add(id string, e model.Entity) {
	if id == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ent := r.entries[id]
	if ent == nil {
		ent = &RegistryEntry{ID: id, Type: e.Type, Name: e.Name}
		r.entries[id] = ent
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if n != ent.Name && !contains(ent.Aliases, n) {
			ent.Aliases = append(ent.Aliases, n)
		}
	}
	for _, k := range keysOf(e) {
		if _, ok := r.byKey[e.Type+"\x00"+k]; !ok {
			r.byKey[e.Type+"\x00"+k] = id
		}
	}
}

// Entries returns every entry, sorted by id, for persisting.
func (r *Registry) Entries() []RegistryEntry {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]RegistryEntry, 0, len(r.entries))
	for _, e := range r.entries {
		c := *e
		c.Aliases = append([]string(nil), e.Aliases...)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// Cross-article entity resolution. Each article's entities are matched to
// stored entities inside Put's transaction, which holds the write lock
// (Dialect.LockWrites), so concurrent writers and later processes resolve
// against every key committed before:
//
//   - exact keys (entity.MatchKeys: the normalised canonical name, multi-word
//     aliases, a person's skeleton) in entity_keys, first registration
//     wins; an entity found by one key adds its other keys where free;
//   - a person named by one word (حفتر) joins the one stored person whose
//     full name ends with that word, when no other stored person ends with
//     it or starts with it (entity_words) and the article itself does not
//     name a person with that surname (its resolver kept them apart);
//     otherwise it is an entity of its own, and when later the first full
//     name ending with it is stored, that one-word entity is merged into
//     it (so the order of ingest does not matter in unambiguous cases);
//   - the canonical name becomes a fuller name when one is seen
//     (entity.Fuller); ids do not change, and a merged entity's id keeps
//     leading to the entity it was merged into.

// Prefixes of entity_words keys after the type.
const (
	firstWord = "^"
	lastWord  = "$"
	// attested: the person's surname was also used alone for it in an
	// article (خليفة حفتر … حفتر): a lone surname joins only such a person
	// (not الآيس كريم for كريم).
	attested = "="
)

// redirectKey is the entity_keys key under which an entity merged away
// keeps its id.
func redirectKey(id string) string { return "#" + id }

// wordSet is what the resolver knows of one entity_words key: how many
// entities have it (2 means two or more) and the one when there is one.
type wordSet struct {
	n   int
	one int64
}

// resolver resolves the entities of one Put.
type resolver struct {
	s     *DB
	tx    *sql.Tx
	keys  map[string]int64 // entity_keys (loaded or written): key → entity rowid, 0 = none
	words map[string]*wordSet
	names map[int64]string // canonical names of the entities met
	// merges to run once the current article's rows are written: lone
	// one-word entity → full-name entity.
	merges [][2]int64
}

// docGroup is one store entity as named in one article.
type docGroup struct {
	erow  int64
	de    store.DocEntity
	isNew bool
}

// newResolver loads the keys the batch's entities may need, in a few
// statements.
func (s *DB) newResolver(ctx context.Context, tx *sql.Tx, docs [][]store.DocEntity) (*resolver, error) {
	r := &resolver{s: s, tx: tx, keys: map[string]int64{}, words: map[string]*wordSet{}, names: map[int64]string{}}
	var keys, words []string
	addKey := func(k string) {
		if _, ok := r.keys[k]; !ok {
			r.keys[k] = 0
			keys = append(keys, k)
		}
	}
	addWord := func(k string) {
		if _, ok := r.words[k]; !ok {
			r.words[k] = &wordSet{}
			words = append(words, k)
		}
	}
	for _, des := range docs {
		for i := range des {
			e := &des[i].Entity
			for _, k := range entity.MatchKeys(*e) {
				addKey(k)
			}
			var ends []string
			if w := entity.LoneWord(*e); w != "" {
				ends = append(ends, w)
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if _, last := entity.NameEnds(e.Type, n); last != "" {
					addKey(model.PER + ":" + last)
					ends = append(ends, last)
				}
			}
			for _, w := range ends {
				addWord(model.PER + lastWord + w)
				addWord(model.PER + firstWord + w)
				addWord(model.PER + attested + w)
			}
		}
	}
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), 500)]
		keys = keys[len(chunk):]
		rows, err := tx.QueryContext(ctx, s.d.Bind(`SELECT k.key, k.entity, e.name FROM entity_keys k JOIN entities e ON e.rowid = k.entity
			WHERE k.key IN (`+placeholders(len(chunk))+`)`), anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("entity keys: %w", err)
		}
		for rows.Next() {
			var k, name string
			var id int64
			if err := rows.Scan(&k, &id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			r.keys[k] = id
			r.names[id] = name
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("entity keys: %w", err)
		}
	}
	for len(words) > 0 {
		chunk := words[:min(len(words), 500)]
		words = words[len(chunk):]
		rows, err := tx.QueryContext(ctx, s.d.Bind(`SELECT key, count(*), min(entity) FROM entity_words
			WHERE key IN (`+placeholders(len(chunk))+`) GROUP BY key`), anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("entity words: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			var one int64
			if err := rows.Scan(&k, &n, &one); err != nil {
				rows.Close()
				return nil, err
			}
			r.words[k] = &wordSet{n: min(n, 2), one: one}
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("entity words: %w", err)
		}
	}
	return r, nil
}

func anys(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// article resolves one article's entities to store entities, creating the
// new ones, and groups the article's entities by store entity.
func (r *resolver) article(ctx context.Context, des []store.DocEntity) ([]docGroup, error) {
	// surnames of the persons the article names in full
	surnames := map[string]bool{}
	for i := range des {
		e := &des[i].Entity
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, last := entity.NameEnds(e.Type, n); last != "" {
				surnames[last] = true
			}
		}
	}
	var out []docGroup
	at := map[int64]int{}
	for _, de := range des {
		e := de.Entity
		keys := entity.MatchKeys(e)
		var erow int64
		for _, k := range keys {
			if id := r.keys[k]; id != 0 {
				erow = id
				break
			}
		}
		bySurname := false
		if lone := entity.LoneWord(e); erow == 0 && lone != "" && !surnames[lone] {
			if one := r.surnameOf(lone); one != 0 {
				erow, bySurname = one, true
			}
		}
		isNew := false
		if erow == 0 {
			id, err := r.create(ctx, e)
			if err != nil {
				return nil, err
			}
			erow, isNew = id, true
			r.names[erow] = e.Name
		}
		if !bySurname {
			for _, k := range keys {
				if r.keys[k] != 0 {
					continue
				}
				if _, err := r.tx.ExecContext(ctx, r.s.d.Bind(`INSERT INTO entity_keys(key, entity) VALUES (?, ?) ON CONFLICT DO NOTHING`), k, erow); err != nil {
					return nil, fmt.Errorf("entity key %q: %w", k, err)
				}
				r.keys[k] = erow
			}
			if err := r.addWords(ctx, erow, e); err != nil {
				return nil, err
			}
		}
		if j, ok := at[erow]; ok {
			g := &out[j]
			g.de.Entity.Mentions = append(g.de.Entity.Mentions, e.Mentions...)
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if n != g.de.Entity.Name && !contains(g.de.Entity.Aliases, n) {
					g.de.Entity.Aliases = append(g.de.Entity.Aliases, n)
				}
			}
			if g.de.Entity.Geo == nil {
				g.de.Entity.Geo = e.Geo
			}
		} else {
			at[erow] = len(out)
			out = append(out, docGroup{erow: erow, de: de, isNew: isNew})
		}
	}
	return out, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Canonical names: a name used by minNameArticles articles at least is a
// proper name; a fuller one (entity.Fuller) replaces the entity's name once
// it is proper and used at least a fifth as often as the current one, and
// a proper name replaces a name seen in one article only (the first
// registration may be a tagger's run-on span: العادل سلمان بن عبدالعزيز).
const minNameArticles = 2

// betterName returns the name entity erow should now carry after an
// article named it name (entity_aliases counts already updated), or "".
func (r *resolver) betterName(ctx context.Context, erow int64, typ, name string) (string, error) {
	cur := r.names[erow]
	if cur == "" || cur == name {
		return "", nil
	}
	fuller := entity.Fuller(typ, cur, name)
	rows, err := r.tx.QueryContext(ctx, r.s.d.Bind(`SELECT alias, n FROM entity_aliases WHERE entity = ? AND alias IN (?, ?)`), erow, cur, name)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var nCur, nNew int
	for rows.Next() {
		var a string
		var n int
		if err := rows.Scan(&a, &n); err != nil {
			return "", err
		}
		if a == cur {
			nCur = n
		} else {
			nNew = n
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if nNew >= minNameArticles && (fuller && 5*nNew >= nCur || nCur == 1) {
		r.names[erow] = name
		return name, nil
	}
	return "", nil
}

// create inserts a new entity with no articles yet; its id is
// store.EntityKey(e), or that with #2, #3 … when taken.
func (r *resolver) create(ctx context.Context, e model.Entity) (int64, error) {
	base := store.EntityKey(e)
	for n := 1; ; n++ {
		id := base
		if n > 1 {
			id += "#" + strconv.Itoa(n)
		}
		var erow int64
		err := r.tx.QueryRowContext(ctx, r.s.d.Bind(`INSERT INTO entities(key, name, norm, type, articles, mentions) VALUES (?, ?, ?, ?, 0, 0)
			ON CONFLICT (key) DO NOTHING RETURNING rowid`), id, e.Name, store.NameKey(e.Name), e.Type).Scan(&erow)
		if errors.Is(err, sql.ErrNoRows) && n < 100 {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("entity %q: %w", e.Name, err)
		}
		return erow, nil
	}
}

// surnameOf returns the one person a lone word w names as a surname: the
// only stored person whose full name ends with w, none starting with it,
// and that person also called w alone somewhere. Else 0.
func (r *resolver) surnameOf(w string) int64 {
	ws, fs, as := r.words[model.PER+lastWord+w], r.words[model.PER+firstWord+w], r.words[model.PER+attested+w]
	if ws == nil || ws.n != 1 || fs == nil || fs.n != 0 || as == nil || as.n == 0 {
		return 0
	}
	return ws.one
}

// addWords records the first and last words of e's full names for erow,
// and queues the merge of a one-word entity into erow when erow is now the
// only person with that surname.
func (r *resolver) addWords(ctx context.Context, erow int64, e model.Entity) error {
	alone := map[string]bool{} // one-word names of e
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if w := entity.LoneWord(model.Entity{Type: e.Type, Name: n}); w != "" {
			alone[w] = true
		}
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		first, last := entity.NameEnds(e.Type, n)
		if first == "" {
			continue
		}
		ks := []string{model.PER + firstWord + first}
		if last != "" {
			ks = append(ks, model.PER+lastWord+last)
			if alone[last] {
				ks = append(ks, model.PER+attested+last)
			}
		}
		for _, k := range ks {
			if ws := r.words[k]; ws != nil && (ws.n == 2 || ws.n == 1 && ws.one == erow) {
				continue // known: nothing changes
			}
			if _, err := r.tx.ExecContext(ctx, r.s.d.Bind(`INSERT INTO entity_words(key, entity) VALUES (?, ?) ON CONFLICT DO NOTHING`), k, erow); err != nil {
				return fmt.Errorf("entity word %q: %w", k, err)
			}
			if ws := r.words[k]; ws != nil {
				if ws.n == 0 {
					ws.n, ws.one = 1, erow
				} else if ws.one != erow {
					ws.n = 2
				}
			}
		}
		if last == "" {
			continue
		}
		// the same rules as a lone word joining (entity.LoneWord: no
		// particle, no tribe nisba), in the other order
		if entity.LoneWord(model.Entity{Type: model.PER, Name: last}) != last {
			continue
		}
		if lone := r.keys[model.PER+":"+last]; lone != 0 && lone != erow && r.surnameOf(last) == erow {
			r.merges = append(r.merges, [2]int64{lone, erow})
		}
	}
	return nil
}

// runMerges merges the queued one-word entities into their full names,
// unless an article names both (its resolver kept them apart) or they
// are gone already.
func (r *resolver) runMerges(ctx context.Context) error {
	merges := r.merges
	r.merges = nil
	for _, m := range merges {
		from, into := m[0], m[1]
		var id string
		var n int
		err := r.tx.QueryRowContext(ctx, r.s.d.Bind(`SELECT key, (SELECT count(*) FROM doc_entities a JOIN doc_entities b ON b.doc = a.doc
			WHERE a.entity = ? AND b.entity = ?) FROM entities WHERE rowid = ?`), from, into, from).Scan(&id, &n)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		if n > 0 {
			continue
		}
		if err := r.s.mergeEntity(ctx, r.tx, from, into, id); err != nil {
			return err
		}
		for k, v := range r.keys {
			if v == from {
				r.keys[k] = 0
			}
		}
	}
	return nil
}

// mergeEntity moves entity from's articles and aliases to entity into and
// deletes it; its keys are dropped (a one-word name resolves by the
// surname rule from now on) and its id leads to into.
func (s *DB) mergeEntity(ctx context.Context, tx *sql.Tx, from, into int64, fromID string) error {
	for _, st := range []struct {
		q    string
		args []any
	}{
		{`UPDATE doc_entities SET entity = ? WHERE entity = ?`, []any{into, from}},
		{`INSERT INTO entity_aliases(entity, alias, norm) SELECT ?, alias, norm FROM entity_aliases WHERE entity = ? ON CONFLICT DO NOTHING`, []any{into, from}},
		{`DELETE FROM entity_aliases WHERE entity = ?`, []any{from}},
		{`UPDATE entities SET articles = entities.articles + f.articles, mentions = entities.mentions + f.mentions,
			lat = COALESCE(entities.lat, f.lat), lon = COALESCE(entities.lon, f.lon),
			country = CASE WHEN entities.country = '' THEN f.country ELSE entities.country END
			FROM (SELECT articles, mentions, lat, lon, country FROM entities WHERE rowid = ?) AS f WHERE entities.rowid = ?`, []any{from, into}},
		{`UPDATE entity_keys SET entity = ? WHERE entity = ? AND key LIKE '#%'`, []any{into, from}},
		{`DELETE FROM entity_keys WHERE entity = ?`, []any{from}},
		{`INSERT INTO entity_keys(key, entity) VALUES (?, ?) ON CONFLICT DO NOTHING`, []any{redirectKey(fromID), into}},
		{`DELETE FROM entity_words WHERE entity = ?`, []any{from}},
		{`DELETE FROM entities WHERE rowid = ?`, []any{from}},
	} {
		if _, err := tx.ExecContext(ctx, s.d.Bind(st.q), st.args...); err != nil {
			return fmt.Errorf("merge entity %s: %w", fromID, err)
		}
	}
	return nil
}

// backfillKeys gives a store built before entity_keys the keys of its
// entities (canonical names and aliases, in rowid order: the first
// registration wins, as at ingest), once. Its entities keep their ids and
// are not merged with one another; new articles join them.
func (s *DB) backfillKeys(ctx context.Context) error {
	return s.backfillOnce(ctx, "entity_keys", "complete", func(tx *sql.Tx, _ string) error { return s.fillKeys(ctx, tx) })
}

// backfillOnce runs fill in one transaction under the writers' lock unless
// meta's key already holds version, then records version there: a
// migration of stored data done once per store, by the first process that
// opens it (the others find it done after taking the lock). fill is given
// the key's earlier value ("" for none).
func (s *DB) backfillOnce(ctx context.Context, key, version string, fill func(tx *sql.Tx, had string) error) error {
	var done string
	err := s.db.QueryRowContext(ctx, s.d.Bind(`SELECT value FROM meta WHERE key = ?`), key).Scan(&done)
	if err == nil && done == version {
		return nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.d.LockWrites(ctx, tx); err != nil {
		return err
	}
	done = ""
	if err := tx.QueryRowContext(ctx, s.d.Bind(`SELECT value FROM meta WHERE key = ?`), key).Scan(&done); err == nil && done == version {
		return nil // another process did it
	}
	if err := fill(tx, done); err != nil {
		return err
	}
	if err := setMeta(ctx, tx, s.d, key, version); err != nil {
		return err
	}
	return tx.Commit()
}

// fillKeys writes the keys and words of every stored entity (backfillKeys).
func (s *DB) fillKeys(ctx context.Context, tx *sql.Tx) error {
	type ent struct {
		row int64
		e   model.Entity
	}
	var ents []ent
	at := map[int64]int{}
	rows, err := tx.QueryContext(ctx, `SELECT e.rowid, e.name, e.type, a.alias FROM entities e LEFT JOIN entity_aliases a ON a.entity = e.rowid ORDER BY e.rowid`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var row int64
		var name, typ string
		var alias sql.NullString
		if err := rows.Scan(&row, &name, &typ, &alias); err != nil {
			rows.Close()
			return err
		}
		i, ok := at[row]
		if !ok {
			i = len(ents)
			at[row] = i
			ents = append(ents, ent{row: row, e: model.Entity{Name: name, Type: typ}})
		}
		if alias.Valid && alias.String != name {
			ents[i].e.Aliases = append(ents[i].e.Aliases, alias.String)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	r := &resolver{s: s, tx: tx, keys: map[string]int64{}, words: map[string]*wordSet{}}
	for _, x := range ents {
		for _, k := range entity.MatchKeys(x.e) {
			if r.keys[k] != 0 {
				continue
			}
			r.keys[k] = x.row
			if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO entity_keys(key, entity) VALUES (?, ?)`), k, x.row); err != nil {
				return err
			}
		}
		if err := r.addWords(ctx, x.row, x.e); err != nil {
			return err
		}
	}
	return nil
}

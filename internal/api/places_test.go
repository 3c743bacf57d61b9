package api

import (
	"context"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/api/apitest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

func TestPlacesCache(t *testing.T) {
	st := apitest.Store(t)
	p := NewPlaces(st)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return clock }
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		want    bool
		lat     float64
		country string
	}{
		{"باريس", true, 48.8566, "FR"},
		{"سرت", true, 31.2059, "LY"},
		{" سرت ", true, 31.2059, "LY"},     // same key after normalisation
		{"الولايات المتحدة", false, 0, ""}, // an actor, not a stored place
		{"", false, 0, ""},
	} {
		g := p.Geo(ctx, tc.name)
		if (g != nil) != tc.want || (g != nil && (g.Lat != tc.lat || g.Country != tc.country)) {
			t.Errorf("Geo(%q) = %+v", tc.name, g)
		}
	}
	if len(p.m) != 3 {
		t.Errorf("cache holds %d entries, want 3 (two places and one miss)", len(p.m))
	}
	// A miss is remembered for placeMissTTL, then asked again.
	p.m["الولايات المتحده"] = placeEntry{at: clock}
	clock = clock.Add(placeMissTTL + time.Second)
	p.Geo(ctx, "الولايات المتحدة")
	if e := p.m["الولايات المتحده"]; !e.at.Equal(clock) {
		t.Errorf("expired miss not looked up again: %+v", e)
	}
	// A cancelled lookup is not cached as a miss.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if g := p.Geo(cctx, "طرابلس"); g != nil {
		t.Errorf("cancelled lookup found %+v", g)
	}
	if _, ok := p.m["طرابلس"]; ok {
		t.Errorf("cancelled lookup was cached")
	}
}

// countingStore counts the alias searches (Entities) a lookup makes.
type countingStore struct {
	store.Store
	searches int
}

func (c *countingStore) Entities(ctx context.Context, f store.EntityFilter) (*store.EntityPage, error) {
	c.searches++
	return c.Store.Entities(ctx, f)
}

// A place named by its canonical name is one keyed read (store.EntityKey),
// not a LIKE scan of the aliases plus a second read (review finding); the
// alias search runs only when the key is not stored.
func TestPlacesKeyFirst(t *testing.T) {
	st := &countingStore{Store: apitest.Store(t)}
	p := NewPlaces(st)
	ctx := context.Background()
	if g := p.Geo(ctx, "باريس"); g == nil || g.Country != "FR" {
		t.Fatalf("Geo(باريس) = %+v", g)
	}
	if st.searches != 0 {
		t.Errorf("canonical name: %d alias searches, want 0", st.searches)
	}
	p.Geo(ctx, "الولايات المتحدة") // not a stored place: falls back to the search
	if st.searches != 1 {
		t.Errorf("unknown name: %d alias searches, want 1", st.searches)
	}
}

// BenchmarkPlacesCold measures one uncached place lookup: the keyed read
// Places does first, against the alias search (LIKE) plus a second read it
// did before for every place.
func BenchmarkPlacesCold(b *testing.B) {
	st := apitest.Store(b)
	ctx := context.Background()
	b.Run("key", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if g := NewPlaces(st).Geo(ctx, "باريس"); g == nil {
				b.Fatal("no geo")
			}
		}
	})
	b.Run("alias-search", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			page, err := st.Entities(ctx, store.EntityFilter{Type: model.LOC, Name: "باريس", Limit: 20})
			if err != nil || len(page.Entities) == 0 {
				b.Fatal(err)
			}
			if _, err := st.Entity(ctx, page.Entities[0].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}

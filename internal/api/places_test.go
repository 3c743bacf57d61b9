package api

import (
	"context"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/api/apitest"
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

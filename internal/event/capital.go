package event

import (
	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/model"
)

// governments maps a capital acting as a party to its country, when the
// document names that country as well: "نقلها إلى ليبيا من قبل أنقرة" is
// an act of تركيا, which PLOVER codes as the country's government (the
// manual codes actors by state, and news names a government by its capital).
// Capital and country come from the shipped gazetteer (GeoNames countries
// and capitals). A capital whose country the document does not name stays.
type governments struct {
	gaz     *entity.Gazetteer
	country map[string]string // ISO code → the document's entity name of that country
}

func newGovernments(gaz *entity.Gazetteer, dms []docMention) *governments {
	g := &governments{gaz: gaz}
	if gaz == nil {
		return g
	}
	for _, m := range dms {
		if m.Type != model.LOC {
			continue
		}
		if ps := gaz.Lookup(m.Name); len(ps) > 0 && ps[0].Kind == entity.KindCountry {
			if g.country == nil {
				g.country = map[string]string{}
			}
			if _, ok := g.country[ps[0].Country]; !ok {
				g.country[ps[0].Country] = m.Name
			}
		}
	}
	return g
}

// of returns the country for an actor that is a capital, or the actor.
func (g *governments) of(actor string, dms []docMention) string {
	if g.gaz == nil || len(g.country) == 0 || actor == "" {
		return actor
	}
	isLoc := false
	for _, m := range dms {
		if m.Name == actor {
			isLoc = m.Type == model.LOC
			break
		}
	}
	if !isLoc {
		return actor
	}
	ps := g.gaz.Lookup(actor)
	if len(ps) == 0 || ps[0].Kind != entity.KindCapital {
		return actor
	}
	if c, ok := g.country[ps[0].Country]; ok {
		return c
	}
	return actor
}

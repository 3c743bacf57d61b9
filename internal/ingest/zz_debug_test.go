package ingest

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

func TestZZDebug(t *testing.T) {
	for _, p := range []string{"rss-arabic/input.rss", "atom-arabic/input.atom", "rss-broken-items/input.xml"} {
		r := NewReader(DefaultOptions())
		data, _ := os.ReadFile("testdata/golden/" + p)
		r.ReadBytes(context.Background(), p, data, func(d model.Document) error {
			fmt.Printf("=== %s id=%q title=%q src=%q url=%q pub=%v\n%s\n", p, d.ID, d.Title, d.Source, d.URL, d.Published, d.Text)
			return nil
		}, func(err error) { fmt.Println("REJECT", err) })
	}
}

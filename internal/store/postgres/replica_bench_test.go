package postgres_test

import (
	"context"
	"os"
	"testing"

	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// BenchmarkOpenReplica opens a store left by `marsad-storebench -keep`
// (schema $MARSAD_PG_LATENCY_SCHEMA) with and without the replica: what
// the warm-up adds to Open.
//
//	MARSAD_PG_LATENCY_SCHEMA=pgfirst_keep_4 go test -run XXX -bench OpenReplica ./internal/store/postgres
func BenchmarkOpenReplica(b *testing.B) {
	schema := os.Getenv("MARSAD_PG_LATENCY_SCHEMA")
	if schema == "" {
		b.Skip("MARSAD_PG_LATENCY_SCHEMA not set")
	}
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		bytes int
	}{{"cache", 0}, {"replica", postgres.DefaultReplicaBytes}} {
		b.Run(c.name, func(b *testing.B) {
			opt := postgres.DefaultOptions()
			opt.Analyzer = storetest.Analyzer(b)
			opt.Schema = schema
			opt.ReplicaBytes = c.bytes
			for range b.N {
				s, err := postgres.Open(ctx, testURL(), opt)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

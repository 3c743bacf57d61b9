// Command marsad-storebench measures marsad's store and search against
// bleve (stock Arabic analyzer, on-disk index) on the same articles in the
// same run: ingest articles/s, search latency p50/p99, store+index size
// against the raw text, and peak memory, at several multiples of the corpus.
//
// It is a separate binary so that marsad itself does not link bleve.
//
//	go run ./cmd/marsad-storebench -sizes 1,4,16
//
// Each (system, size) runs in a child process of its own, so peak memory
// (the child's maximum resident set) belongs to that system alone. For
// PostgreSQL that is the client's memory; the server's is not counted.
// Ingest here stores analysed articles WITHOUT the NER and event stages
// (sentence split and search terms only): it measures the store, not the
// taggers.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // bleve's stock Arabic analyzer "ar"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/jackc/pgx/v5"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

// diag holds the diagnostic flags (profile, reuse, slow queries).
type diag struct {
	cpuProfile string
	keep       bool
	slow       int
	noHitCache bool
	schema     string // PostgreSQL schema prefix
}

type result struct {
	System     string  `json:"system"`
	Size       int     `json:"size"`
	Articles   int     `json:"articles"`
	RawBytes   int64   `json:"raw_bytes"`
	IngestSec  float64 `json:"ingest_sec"`
	PerSec     float64 `json:"articles_per_sec"`
	StoreBytes int64   `json:"store_bytes"`
	// Opening the store filled by the ingest again, as a new process
	// (`marsad serve`) does, before the searches: its wall time (PostgreSQL
	// with a replica: the warm-up) and the Go heap in use after it.
	OpenMs     float64 `json:"open_ms"`
	OpenHeapMB float64 `json:"open_heap_mb"`
	Queries    int     `json:"queries"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	// The warm-up round of ids-only searches (each query's first search:
	// caches cold, e.g. PostgreSQL's search cache).
	FirstP50ms float64 `json:"first_p50_ms"`
	FirstP99ms float64 `json:"first_p99_ms"`
	// and the searching thread's CPU time in them
	FirstCPUP50ms float64 `json:"first_cpu_p50_ms"`
	FirstCPUP99ms float64 `json:"first_cpu_p99_ms"`
	// CPU time of the searching thread per query (the thread is locked to
	// the goroutine, and in-process engines search on it), p50 and p99:
	// unlike wall-clock latency, not inflated by the machine's other jobs
	// taking the cores. Not comparable for PostgreSQL (the server's share).
	CPUP50ms float64 `json:"cpu_p50_ms"`
	CPUP99ms float64 `json:"cpu_p99_ms"`
	// "Full hits": marsad's hits with their highlighted snippets, bleve's
	// with the stored title and source and the text highlighted (its
	// default highlighter), against the "ids only" columns above (bleve
	// loads no stored field; marsad returns the hits without snippets).
	SnipP50ms    float64 `json:"snippet_p50_ms,omitempty"`
	SnipP99ms    float64 `json:"snippet_p99_ms,omitempty"`
	SnipCPUP50ms float64 `json:"snippet_cpu_p50_ms,omitempty"`
	SnipCPUP99ms float64 `json:"snippet_cpu_p99_ms,omitempty"`
	MeanHits     float64 `json:"mean_hits"`
	// CPU time of this process (user+system), which the machine's load
	// does not inflate the way it inflates wall-clock time. For PostgreSQL
	// it leaves out the server's share.
	IngestCPUms float64 `json:"ingest_cpu_ms_per_article"`
	SearchCPUms float64 `json:"search_cpu_ms_per_query"`
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	Err         string  `json:"error,omitempty"`
}

func main() {
	data := flag.String("data", "", "folder holding arabic-news/ and trec2002-arabic-topics-qrels/ (default: find shared/data upwards)")
	sizes := flag.String("sizes", "1,4,16", "corpus multiples to run")
	systems := flag.String("systems", "sqlite,postgres,bleve", "systems to run (sqlite, postgres: as `marsad serve` opens them, with the search cache and the replica; sqlite-noreplica: neither, as the other commands; postgres-noreplica: with the cache only, as the other commands; postgres-nocache: neither, every search to the server)")
	pg := flag.String("pg", "", "PostgreSQL URL (default $MARSAD_PG, else postgres://postgres@127.0.0.1:5432/test)")
	rounds := flag.Int("rounds", 5, "times each query is run")
	work := flag.String("work", "", "folder for the stores (default a temporary folder, removed)")
	child := flag.String("child", "", "internal: run one system")
	size := flag.Int("size", 1, "internal: corpus multiple")
	schema := flag.String("schema", "", "PostgreSQL schema prefix, one schema PREFIX_N per corpus multiple N (default marsad_bench_PID, so that runs at the same time do not share one)")
	var benchOpt diag
	flag.StringVar(&benchOpt.cpuProfile, "cpuprofile", "", "write a CPU profile of the search phase to this file (+ system and size)")
	flag.BoolVar(&benchOpt.keep, "keep", false, "keep the SQLite stores in -work and reuse them on the next run (skips ingest); keep the PostgreSQL schema")
	flag.IntVar(&benchOpt.slow, "slow", 0, "print the N slowest queries (median over rounds) to stderr")
	flag.BoolVar(&benchOpt.noHitCache, "nohitcache", false, "marsad: keep no hit rows in memory (every page of hits read from the database)")
	flag.Parse()
	if *data == "" {
		*data = findData()
	}
	if *pg == "" {
		*pg = os.Getenv(postgres.EnvURL)
	}
	if *pg == "" {
		*pg = "postgres://postgres@127.0.0.1:5432/test"
	}
	if *schema == "" {
		*schema = fmt.Sprintf("marsad_bench_%d", os.Getpid())
	}
	benchOpt.schema = *schema
	if *child != "" {
		r := runChild(*child, *size, *data, *pg, *work, *rounds, benchOpt)
		json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	if *work == "" {
		d, err := os.MkdirTemp("", "marsad-storebench-")
		if err != nil {
			fatal(err)
		}
		defer os.RemoveAll(d)
		*work = d
	} else if err := os.MkdirAll(*work, 0o755); err != nil {
		// a -work folder not there yet: SQLite cannot create the store's
		// file in it (bleve made its own, so only the first SQLite run failed)
		fatal(fmt.Errorf("-work %s: %w", *work, err))
	}
	var results []result
	for _, s := range strings.Split(*sizes, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || k < 1 {
			fatal(fmt.Errorf("bad size %q", s))
		}
		for _, sys := range strings.Split(*systems, ",") {
			sys = strings.TrimSpace(sys)
			cmd := exec.Command(os.Args[0], "-child", sys, "-size", strconv.Itoa(k), "-data", *data, "-pg", *pg,
				"-work", *work, "-rounds", strconv.Itoa(*rounds), "-cpuprofile", benchOpt.cpuProfile,
				"-keep="+strconv.FormatBool(benchOpt.keep), "-slow", strconv.Itoa(benchOpt.slow),
				"-nohitcache="+strconv.FormatBool(benchOpt.noHitCache), "-schema", *schema)
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			var r result
			if jerr := json.Unmarshal(bytes.TrimSpace(out), &r); jerr != nil {
				r = result{System: sys, Size: k, Err: fmt.Sprint(err, jerr)}
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				r.PeakRSSMB = float64(ru.Maxrss) / 1024 // Linux: KiB
			}
			fmt.Fprintf(os.Stderr, "%s ×%d: %+v\n", sys, k, r)
			results = append(results, r)
		}
	}
	printTable(results)
}

func printTable(rs []result) {
	fmt.Printf("| system | corpus | articles | ingest art/s | ingest CPU ms/art | open ms (heap MB) | ids only: p50 ms | p99 ms | first search p50 / p99 ms | its thread CPU p50 / p99 ms | search CPU ms/query | thread CPU p50 / p99 ms | full hits: p50 / p99 ms | thread CPU p50 / p99 ms | mean hits | store+index / raw text | peak RSS MB |\n")
	fmt.Printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rs {
		if r.Err != "" {
			fmt.Printf("| %s | %d× | error: %s |||||||\n", r.System, r.Size, r.Err)
			continue
		}
		snip, snipCPU := "–", "–"
		if r.SnipP50ms > 0 {
			snip = fmt.Sprintf("%.2f / %.2f", r.SnipP50ms, r.SnipP99ms)
			snipCPU = fmt.Sprintf("%.3f / %.3f", r.SnipCPUP50ms, r.SnipCPUP99ms)
		}
		fmt.Printf("| %s | %d× | %d | %.0f | %.2f | %.0f (%.0f) | %.2f | %.2f | %.2f / %.2f | %.3f / %.3f | %.3f | %.3f / %.3f | %s | %s | %.1f | %.2f× (%.0f MB / %.0f MB) | %.0f |\n",
			r.System, r.Size, r.Articles, r.PerSec, r.IngestCPUms, r.OpenMs, r.OpenHeapMB, r.P50ms, r.P99ms, r.FirstP50ms, r.FirstP99ms, r.FirstCPUP50ms, r.FirstCPUP99ms, r.SearchCPUms, r.CPUP50ms, r.CPUP99ms, snip, snipCPU, r.MeanHits,
			float64(r.StoreBytes)/float64(r.RawBytes), float64(r.StoreBytes)/1e6, float64(r.RawBytes)/1e6, r.PeakRSSMB)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "marsad-storebench:", err)
	os.Exit(1)
}

// findData walks up from the working directory to a shared/data folder.
func findData() string {
	dir, _ := os.Getwd()
	for {
		for _, c := range []string{filepath.Join(dir, "shared", "data"), filepath.Join(dir, "..", "shared", "data")} {
			if st, err := os.Stat(c); err == nil && st.IsDir() {
				return c
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			fatal(errors.New("no shared/data folder found; give -data"))
		}
		dir = parent
	}
}

// loadDocs reads the 5,150 articles through marsad's reader.
func loadDocs(data string) ([]model.Document, error) {
	var docs []model.Document
	r := ingest.NewReader(ingest.DefaultOptions())
	paths := []string{filepath.Join(data, "arabic-news", "general_saudinewsnet_5000.jsonl"), filepath.Join(data, "arabic-news", "libya_articles.jsonl")}
	err := r.Read(context.Background(), paths, nil, func(d model.Document) error {
		docs = append(docs, d)
		return nil
	}, func(error) {})
	return docs, err
}

// copies returns k distinct copies: new ids, and a first line naming the
// copy so the text hashes differ (the store would drop exact duplicates).
func copies(docs []model.Document, k int) []model.Document {
	out := make([]model.Document, 0, len(docs)*k)
	for c := 0; c < k; c++ {
		for _, d := range docs {
			if c > 0 {
				d.ID = fmt.Sprintf("%s#%d", d.ID, c)
				d.Text = fmt.Sprintf("نسخة %d\n%s", c, d.Text)
				d.Hash = ingest.TextHash(d.Text)
			}
			out = append(out, d)
		}
	}
	return out
}

var titleRE = regexp.MustCompile(`(?m)^<title>\s*(.+?)\s*$`)

// queries: the 50 TREC 2002 Arabic topic titles, then names of people,
// places and organisations frequent in the corpus's news.
func queries(data string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(data, "trec2002-arabic-topics-qrels", "topics.trec02ar-ar.txt"))
	if err != nil {
		return nil, err
	}
	var qs []string
	for _, m := range titleRE.FindAllStringSubmatch(string(b), -1) {
		qs = append(qs, strings.Join(strings.Fields(m[1]), " "))
	}
	qs = append(qs, "الملك سلمان", "ولي العهد", "محمد بن نايف", "داعش", "الحوثيين", "عبدربه منصور هادي", "بشار الأسد",
		"أوباما", "إيران", "الأمم المتحدة", "مجلس التعاون الخليجي", "الهلال", "النصر", "وزارة الداخلية", "أرامكو",
		"الرياض", "جدة", "مكة المكرمة", "اليمن", "ليبيا", "حفتر", "طرابلس", "بنغازي", "الاتحاد الأوروبي", "روسيا",
		"تركيا", "مصر", "عاصفة الحزم", "هيئة الأمر بالمعروف", "سوق الأسهم")
	return qs, nil
}

func runChild(sys string, k int, data, pg, work string, rounds int, dg diag) (r result) {
	r = result{System: sys, Size: k}
	runtime.LockOSThread() // threadCPU measures this goroutine's searches
	defer func() {
		if e := recover(); e != nil {
			r.Err = fmt.Sprint(e)
		}
	}()
	base, err := loadDocs(data)
	if err != nil {
		r.Err = err.Error()
		return r
	}
	docs := copies(base, k)
	base = nil
	r.Articles = len(docs)
	for _, d := range docs {
		r.RawBytes += int64(len(d.Title) + len(d.Text))
	}
	qs, err := queries(data)
	if err != nil {
		r.Err = err.Error()
		return r
	}
	r.Queries = len(qs)
	runtime.GC()
	ctx := context.Background()
	switch sys {
	case "sqlite", "sqlite-noreplica", "postgres", "postgres-noreplica", "postgres-nocache":
		an, err := search.NewAnalyzer(search.DefaultOptions())
		if err != nil {
			r.Err = err.Error()
			return r
		}
		var s store.Store
		var sdb *sql.DB
		reuse := false        // -keep and a store from an earlier run: no ingest
		var open func() error // (re)opens s on the store
		var closeStore func() // closes s
		if sys == "sqlite" || sys == "sqlite-noreplica" {
			opt := sqlite.DefaultOptions()
			opt.Analyzer = an
			if dg.noHitCache {
				opt.HitCacheBytes = -1
			}
			path := filepath.Join(work, fmt.Sprintf("marsad-%d.db", k)) // both systems: -keep reuses one store
			if _, err := os.Stat(path); err == nil && dg.keep {
				reuse = true
			} else {
				for _, f := range []string{path, path + "-wal", path + "-shm"} {
					os.Remove(f)
				}
			}
			opened := 0
			open = func() error {
				opened++
				if sys == "sqlite" && opened > 1 {
					// the searches' store as `marsad serve` opens it (the
					// ingest's as `marsad ingest` does: without)
					opt.ReplicaBytes = sqlite.DefaultReplicaBytes
				}
				st, err := sqlite.Open(ctx, path, opt)
				if err != nil {
					return err
				}
				s, sdb = st, st.SQL()
				closeStore = func() {
					if c := st.ReplicaStats(); c.On || c.Loads > 0 {
						fmt.Fprintf(os.Stderr, "%s ×%d search cache: %+v\n%s ×%d replica: %+v\n", sys, k, st.SearchCacheStats(), sys, k, c)
					}
					st.Close()
				}
				return nil
			}
			defer func() {
				if closeStore != nil {
					closeStore()
				}
				if !dg.keep {
					for _, f := range []string{path, path + "-wal", path + "-shm"} {
						os.Remove(f)
					}
				}
			}()
		} else {
			schema := fmt.Sprintf("%s_%d", dg.schema, k)
			switch sys {
			case "postgres-nocache":
				schema += "_nocache"
			case "postgres-noreplica":
				schema += "_noreplica"
			}
			if !validSchema(schema) {
				r.Err = fmt.Sprintf("postgres: schema name %q: only lower-case letters, digits and _", schema)
				return r
			}
			if err := dropSchema(ctx, pg, schema); err != nil {
				r.Err = "postgres: " + err.Error()
				return r
			}
			opt := postgres.DefaultOptions()
			opt.Analyzer = an
			if dg.noHitCache {
				opt.HitCacheBytes = -1
			}
			opt.Schema = schema
			switch sys {
			case "postgres-nocache":
				opt.SearchCacheBytes = -1
			case "postgres":
				opt.ReplicaBytes = postgres.DefaultReplicaBytes // as `marsad serve` opens it
			}
			open = func() error {
				st, err := postgres.Open(ctx, pg, opt)
				if err != nil {
					return err
				}
				s, sdb = st, st.SQL()
				closeStore = func() {
					if c := st.SearchCacheStats(); c.Hits+c.Misses+c.Bypassed > 0 {
						fmt.Fprintf(os.Stderr, "%s ×%d search cache: %+v\n", sys, k, c)
					}
					if c := st.ReplicaStats(); c.On || c.Loads > 0 {
						fmt.Fprintf(os.Stderr, "%s ×%d replica: %+v\n", sys, k, c)
					}
					st.Close()
				}
				return nil
			}
			defer func() {
				if closeStore != nil {
					closeStore()
				}
				if !dg.keep { // -keep leaves the schema to inspect (not reused: ingest always runs)
					dropSchema(ctx, pg, schema)
				} else {
					fmt.Fprintf(os.Stderr, "postgres ×%d: schema %s kept\n", k, schema)
				}
			}()
		}
		if err := open(); err != nil {
			r.Err = err.Error()
			return r
		}
		stopIngest := startProfile(dg.cpuProfile, sys+"-ingest", k)
		t0, c0 := time.Now(), cpu()
		const batch = 500
		// As `marsad ingest` stores: a Writer, which prepares a batch
		// while the one before it commits.
		w := store.NewWriter(ctx, s, nil)
		for i := 0; i < len(docs) && !reuse; i += batch {
			as := make([]model.Analysis, 0, batch)
			for _, d := range docs[i:min(i+batch, len(docs))] {
				a := model.Analysis{Doc: d}
				for _, sn := range arabic.Sentences(d.Text) {
					a.Sentences = append(a.Sentences, model.Sentence{Start: sn.Start, End: sn.End})
				}
				as = append(as, a)
			}
			if err := w.Write(as); err != nil {
				break
			}
		}
		if err := w.Close(); err != nil {
			r.Err = err.Error()
			return r
		}
		// What `marsad ingest` does at the end of a run (counted in the
		// ingest time): merge SQLite's index segments, VACUUM ANALYZE on
		// PostgreSQL. Then fold SQLite's WAL into the file to measure it.
		if o, ok := s.(store.Optimizer); ok {
			if err := o.Optimize(ctx); err != nil {
				r.Err = err.Error()
				return r
			}
		}
		if sys == "sqlite" || sys == "sqlite-noreplica" {
			if _, err = sdb.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
				r.Err = err.Error()
				return r
			}
		}
		r.IngestSec = time.Since(t0).Seconds()
		r.IngestCPUms = (cpu() - c0).Seconds() * 1000 / float64(len(docs))
		stopIngest()
		docs = nil
		st, err := s.Stats(ctx)
		if err != nil {
			r.Err = err.Error()
			return r
		}
		r.StoreBytes = st.SizeBytes
		// The searches run on the store opened again, as a new process
		// (marsad serve) opens the store an ingest filled: nothing in
		// memory from the ingest, what Open loads counted in its time.
		closeStore()
		closeStore = nil
		runtime.GC()
		t1 := time.Now()
		if err := open(); err != nil {
			r.Err = err.Error()
			return r
		}
		r.OpenMs = float64(time.Since(t1).Microseconds()) / 1000
		r.OpenHeapMB = heapMB()
		timeSearches(&r, dg, sys, k, qs, rounds, func(q string, full bool) (int, error) {
			res, err := s.Search(ctx, store.SearchQuery{Text: q, Limit: 10, IDsOnly: !full})
			if err != nil {
				return 0, err // an all-stopword query: answered with an error, no search
			}
			return res.Total, nil
		})
	case "bleve":
		dir := filepath.Join(work, fmt.Sprintf("bleve-%d", k))
		os.RemoveAll(dir)
		defer os.RemoveAll(dir)
		im := bleve.NewIndexMapping()
		im.DefaultAnalyzer = "ar"
		idx, err := bleve.New(dir, im)
		if err != nil {
			r.Err = err.Error()
			return r
		}
		defer func() { idx.Close() }()
		t0, c0 := time.Now(), cpu()
		const batch = 500
		for i := 0; i < len(docs); i += batch {
			b := idx.NewBatch()
			for _, d := range docs[i:min(i+batch, len(docs))] {
				if err := b.Index(d.ID, map[string]string{"title": d.Title, "text": d.Text, "source": d.Source}); err != nil {
					r.Err = err.Error()
					return r
				}
			}
			if err := idx.Batch(b); err != nil {
				r.Err = err.Error()
				return r
			}
		}
		r.IngestSec = time.Since(t0).Seconds()
		r.IngestCPUms = (cpu() - c0).Seconds() * 1000 / float64(len(docs))
		r.StoreBytes = dirSize(dir)
		docs = nil
		// Opened again, as marsad's stores are (above).
		if err := idx.Close(); err != nil {
			r.Err = err.Error()
			return r
		}
		runtime.GC()
		t1 := time.Now()
		if idx, err = bleve.Open(dir); err != nil {
			r.Err = err.Error()
			return r
		}
		r.OpenMs = float64(time.Since(t1).Microseconds()) / 1000
		r.OpenHeapMB = heapMB()
		// full: load the stored title and source of each hit and highlight
		// its text (bleve's default highlighter), what marsad's hits with
		// snippets give; else ids and scores only.
		timeSearches(&r, dg, sys, k, qs, rounds, func(q string, full bool) (int, error) {
			mq := bleve.NewMatchQuery(q)
			mq.Analyzer = "ar"
			mq.SetOperator(query.MatchQueryOperatorAnd) // all words, as marsad
			req := bleve.NewSearchRequestOptions(mq, 10, 0, false)
			if full {
				req.Fields = []string{"title", "source"}
				req.Highlight = bleve.NewHighlight()
				req.Highlight.AddField("text")
			}
			res, err := idx.Search(req)
			if err != nil {
				return 0, err
			}
			return int(res.Total), nil
		})
	default:
		r.Err = "unknown system " + sys
		return r
	}
	r.PerSec = float64(r.Articles) / r.IngestSec
	return r
}

// timeSearches times search over the queries, rounds times after a warm-up
// round, first for ids and scores only, then for full hits (full: marsad's
// snippets, bleve's stored fields and highlighting), and records wall and
// searching-thread latencies, search CPU and mean hits in r. A query search
// answers with an error is left out (an all-stopword query).
func timeSearches(r *result, dg diag, sys string, k int, qs []string, rounds int, search func(q string, full bool) (int, error)) {
	var first, firstCPU []time.Duration // round 0, ids only
	run := func(full bool) (lat, qcpu []time.Duration, hits int) {
		byQuery := make([][]time.Duration, len(qs))
		for round := 0; round <= rounds; round++ { // round 0 warms the caches
			for qi, q := range qs {
				t, tc := time.Now(), threadCPU()
				n, err := search(q, full)
				d, dc := time.Since(t), threadCPU()-tc
				if err != nil {
					continue
				}
				if round == 0 && !full {
					first, firstCPU = append(first, d), append(firstCPU, dc)
				}
				if round > 0 {
					lat = append(lat, d)
					hits += n
					byQuery[qi] = append(byQuery[qi], d)
					qcpu = append(qcpu, dc)
				}
			}
		}
		if !full {
			slowest(dg.slow, qs, byQuery)
		}
		return lat, qcpu, hits
	}
	stop := startProfile(dg.cpuProfile, sys, k)
	c1 := cpu()
	lat, qcpu, hits := run(false)
	stop()
	r.SearchCPUms = (cpu() - c1).Seconds() * 1000 / float64(len(qs)*(rounds+1))
	r.P50ms, r.P99ms = pct(lat, 50), pct(lat, 99)
	r.FirstP50ms, r.FirstP99ms = pct(first, 50), pct(first, 99)
	r.FirstCPUP50ms, r.FirstCPUP99ms = pct(firstCPU, 50), pct(firstCPU, 99)
	r.MeanHits = float64(hits) / float64(max(1, len(lat)))
	r.CPUP50ms, r.CPUP99ms = pct(qcpu, 50), pct(qcpu, 99)
	stop = startProfile(dg.cpuProfile, sys+"-full", k)
	lat, qcpu, _ = run(true)
	stop()
	r.SnipP50ms, r.SnipP99ms = pct(lat, 50), pct(lat, 99)
	r.SnipCPUP50ms, r.SnipCPUP99ms = pct(qcpu, 50), pct(qcpu, 99)
}

// startProfile starts a CPU profile into file.SYS-K when file is set and
// returns the function that stops it.
func startProfile(file, sys string, k int) func() {
	if file == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s.%s-%d", file, sys, k))
	if err != nil {
		fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fatal(err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// slowest prints the n queries with the largest median latency.
func slowest(n int, qs []string, byQuery [][]time.Duration) {
	type qd struct {
		q string
		d float64
	}
	var all []qd
	for i, ds := range byQuery {
		if len(ds) > 0 {
			all = append(all, qd{qs[i], pct(ds, 50)})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].d > all[j].d })
	for _, x := range all[:min(n, len(all))] {
		fmt.Fprintf(os.Stderr, "slow: %8.2f ms  %s\n", x.d, x.q)
	}
}

// threadCPU is the CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID;
// runChild locks its goroutine to the thread).
func threadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}

// cpu is this process's user+system time so far.
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func pct(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s)*p + 99) / 100
	i = min(max(i-1, 0), len(s)-1)
	return float64(s[i].Microseconds()) / 1000
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// validSchema reports whether name can be written into a statement as an
// identifier without quoting.
func validSchema(name string) bool {
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		return false
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func dropSchema(ctx context.Context, url, schema string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
	return err
}

// heapMB is the Go heap in use after a collection.
func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

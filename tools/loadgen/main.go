// Command loadgen measures `marsad serve` under load: C concurrent clients
// send search and article requests to the JSON API for a fixed time and it
// reports requests per second, latency percentiles and errors.
//
//	go run ./tools/loadgen -url http://127.0.0.1:8080 -c 50 -d 30s
//
// It only talks to loopback addresses, and stops by itself: after -d, or
// after -max requests. Queries are the 50 TREC 2002 Arabic topic titles
// (../shared/data/trec2002-arabic-topics-qrels, when present) plus names and
// places common in Arabic news; article ids come from the search answers.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// builtinQueries are names, places and topics of Arabic news, written for
// this tool; spelling variants (فايز/فائز, أمريكا/أميركا) are deliberate.
var builtinQueries = []string{
	"فائز السراج", "فايز السراج", "خليفة حفتر", "حفتر", "طرابلس", "بنغازي", "سرت", "مصراتة", "درنة",
	"الجيش الوطني الليبي", "حكومة الوفاق", "الأمم المتحدة", "مجلس الأمن", "غسان سلامة",
	"الرياض", "جدة", "مكة المكرمة", "وزارة الصحة", "وزير الخارجية", "ولي العهد", "الملك سلمان",
	"أمريكا", "أميركا", "الولايات المتحدة", "روسيا", "إيران", "اليمن", "الحوثيين", "سوريا", "العراق",
	"داعش", "تنظيم الدولة", "أسعار النفط", "أوبك", "البورصة", "كرة القدم", "الهلال", "النصر",
	"التعليم", "الجامعة", "الانتخابات", "البرلمان", "مؤتمر صحفي", "اتفاق", "وقف إطلاق النار",
	"غارات جوية", "\"الجيش الوطني\"", "سرت OR بنغازي", "١٢ نوفمبر", "بسرت",
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "base URL of a running `marsad serve` (loopback only)")
	conc := flag.Int("c", 50, "concurrent clients")
	dur := flag.Duration("d", 30*time.Second, "how long to send requests")
	maxReq := flag.Int("max", 5_000_000, "stop after this many requests")
	articleShare := flag.Float64("articles", 0.5, "share of requests that fetch an article (the rest search)")
	topics := flag.String("topics", "", "TREC topics file whose <title> lines are added to the queries (default: found in ../shared/data)")
	flag.Parse()
	if err := run(*base, *conc, *dur, *maxReq, *articleShare, *topics); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

type sample struct {
	kind int // 0 search, 1 article
	d    time.Duration
	err  bool
}

func run(base string, conc int, dur time.Duration, maxReq int, articleShare float64, topicsPath string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if err := checkLoopback(u.Hostname()); err != nil {
		return err
	}
	queries := append([]string{}, builtinQueries...)
	if topicsPath == "" {
		topicsPath = findTopics()
	}
	if topicsPath != "" {
		t, err := readTopics(topicsPath)
		if err != nil {
			return err
		}
		queries = append(queries, t...)
	}
	tr := &http.Transport{MaxIdleConns: conc * 2, MaxIdleConnsPerHost: conc * 2, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	// Article ids from the answers to every query.
	var ids []string
	seen := map[string]bool{}
	for _, q := range queries {
		var r struct {
			Hits []struct {
				ID string `json:"id"`
			} `json:"hits"`
		}
		resp, err := client.Get(base + "/api/search?per_page=20&q=" + url.QueryEscape(q))
		if err != nil {
			return fmt.Errorf("warm-up: %w", err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusBadRequest {
			continue // a query the search layer refuses (e.g. only stop words)
		}
		if resp.StatusCode != 200 {
			return fmt.Errorf("warm-up: %s: status %d: %s", q, resp.StatusCode, body)
		}
		if err := json.Unmarshal(body, &r); err != nil {
			return fmt.Errorf("warm-up: %w", err)
		}
		for _, h := range r.Hits {
			if !seen[h.ID] {
				seen[h.ID] = true
				ids = append(ids, h.ID)
			}
		}
	}
	if len(ids) == 0 {
		return errors.New("no article found by any query: is the store empty?")
	}
	fmt.Printf("loadgen: %s, %d clients, %s, %d queries, %d article ids\n", base, conc, dur, len(queries), len(ids))

	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var sent atomic.Int64
	results := make([][]sample, conc)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			out := make([]sample, 0, 4096)
			for ctx.Err() == nil && sent.Add(1) <= int64(maxReq) {
				var target string
				kind := 0
				if rng.Float64() < articleShare {
					kind = 1
					target = base + "/api/articles/" + url.PathEscape(ids[rng.IntN(len(ids))])
				} else {
					target = fmt.Sprintf("%s/api/search?q=%s&page=%d", base, url.QueryEscape(queries[rng.IntN(len(queries))]), 1+rng.IntN(2))
				}
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(ctx, "GET", target, nil)
				resp, err := client.Do(req)
				bad := err != nil
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					bad = resp.StatusCode != 200
				}
				if ctx.Err() != nil && err != nil {
					break // cut off by the deadline, not a server error
				}
				out = append(out, sample{kind: kind, d: time.Since(t0), err: bad})
			}
			results[w] = out
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)

	var all []sample
	for _, r := range results {
		all = append(all, r...)
	}
	report("all", all, elapsed, -1)
	report("search", all, elapsed, 0)
	report("article", all, elapsed, 1)
	for _, s := range all {
		if s.err {
			return errors.New("some requests failed")
		}
	}
	return nil
}

func report(name string, all []sample, elapsed time.Duration, kind int) {
	var ds []time.Duration
	errs := 0
	for _, s := range all {
		if kind >= 0 && s.kind != kind {
			continue
		}
		ds = append(ds, s.d)
		if s.err {
			errs++
		}
	}
	if len(ds) == 0 {
		return
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	pct := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	fmt.Printf("%-8s requests %7d  %7.0f req/s  p50 %-9s p90 %-9s p99 %-9s max %-9s errors %d\n",
		name, len(ds), float64(len(ds))/elapsed.Seconds(), round(pct(0.50)), round(pct(0.90)), round(pct(0.99)), round(ds[len(ds)-1]), errs)
}

func round(d time.Duration) time.Duration {
	if d > 10*time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// checkLoopback refuses any target that is not this machine.
func checkLoopback(host string) error {
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%q is not a loopback address: loadgen only measures a server on this machine", host)
	}
	return nil
}

var titleRe = regexp.MustCompile(`(?m)^<title>\s*(.+?)\s*$`)

func readTopics(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range titleRe.FindAllStringSubmatch(string(b), -1) {
		if t := strings.TrimSpace(m[1]); t != "" {
			out = append(out, t)
		}
	}
	return out, nil
}

// findTopics looks for the TREC topics beside the repository (../shared/data).
func findTopics() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "data", "trec2002-arabic-topics-qrels", "topics.trec02ar-ar.txt")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

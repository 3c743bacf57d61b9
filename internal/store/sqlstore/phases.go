package sqlstore

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// Put's phases timed when MARSAD_PUT_PHASES is set (a diagnostic for
// storebench: the totals are printed to stderr by Close), so that where
// an ingest's time goes on the server side, which no client profile
// shows, can be measured again.
var putPhases = os.Getenv("MARSAD_PUT_PHASES") != ""

type phaseClock struct {
	mu  sync.Mutex
	sum map[string]time.Duration
}

// lap adds the time since *t to phase name and restarts *t.
func (c *phaseClock) lap(name string, t *time.Time) {
	if !putPhases {
		return
	}
	now := time.Now()
	c.mu.Lock()
	if c.sum == nil {
		c.sum = map[string]time.Duration{}
	}
	c.sum[name] += now.Sub(*t)
	c.mu.Unlock()
	*t = now
}

func (c *phaseClock) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	names := make([]string, 0, len(c.sum))
	for n := range c.sum {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return c.sum[names[i]] > c.sum[names[j]] })
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, " %s %.2fs", n, c.sum[n].Seconds())
	}
	return b.String()
}

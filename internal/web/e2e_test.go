package web_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/cli"
)

// TestBrowserE2E runs `marsad serve --demo` and drives it with headless
// Chromium (e2e/run.mjs, playwright-core): search, article, entity, events
// filter, CSV download, the map, and a malicious article added through the
// ingest form that must run no script. Screenshots go to e2e/screenshots.
//
// It needs node, `npm ci --prefix e2e` and Debian's chromium; it skips
// without them, except under CI (CI set), where .ci/run installs them.
func TestBrowserE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("e2e: skipped in -short mode")
	}
	root := repoRoot(t)
	e2eDir := filepath.Join(root, "e2e")
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	var missing []string
	node, err := exec.LookPath("node")
	if err != nil {
		missing = append(missing, "node (apt-get install nodejs)")
	}
	if _, err := os.Stat(filepath.Join(e2eDir, "node_modules", "playwright-core")); err != nil {
		missing = append(missing, "playwright-core (npm ci --prefix e2e)")
	}
	if _, err := os.Stat(chromium); err != nil {
		missing = append(missing, chromium+" (apt-get install chromium)")
	}
	if len(missing) > 0 {
		msg := "e2e: missing " + strings.Join(missing, ", ")
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " — .ci/run should have installed it")
		}
		t.Skip(msg)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const token = "e2e-ingest-token-0123456789"
	outR, outW := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		err := cli.Run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0", "--ingest-token", token, "--log", "warn"},
			cli.Env{Stdin: strings.NewReader(""), Stdout: outW, Stderr: &lockedWriter{w: &stderr}})
		outW.Close()
		done <- err
	}()
	url := ""
	sc := bufio.NewScanner(outR)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "marsad: serving on "); ok {
			url = u
			break
		}
	}
	if url == "" {
		t.Fatalf("serve printed no URL; err %v; stderr:\n%s", <-done, stderr.String())
	}
	go io.Copy(io.Discard, outR)

	shots := filepath.Join(e2eDir, "screenshots")
	os.RemoveAll(shots)
	runCtx, runCancel := context.WithTimeout(ctx, 5*time.Minute)
	defer runCancel()
	cmd := exec.CommandContext(runCtx, node, filepath.Join(e2eDir, "run.mjs"), url, shots, token)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("e2e/run.mjs %s:\n%s", url, out)
	if err != nil {
		t.Errorf("browser scenarios failed (%v); screenshots in %s", err, shots)
	}

	// Graceful shutdown: cancelling the context stops the server cleanly.
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop within 30s of cancellation")
	}
	if s := stderr.String(); strings.Contains(s, "level=ERROR") {
		t.Errorf("server logged errors:\n%s", s)
	}
}

// repoRoot walks up from the package directory to the module root.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// lockedWriter serialises writes from the server's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

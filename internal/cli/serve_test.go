package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Bad serve command lines fail before anything listens. (The server itself
// is driven end to end by internal/web's TestBrowserE2E.)
func TestServeUsage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"extra argument", []string{"serve", "--db", missing, "x"}, ExitUsage, "unexpected arguments"},
		{"bad log level", []string{"serve", "--log", "loud"}, ExitUsage, "--log"},
		{"short ingest token", []string{"serve", "--ingest-token", "abc"}, ExitUsage, "at least 12"},
		{"no store", []string{"serve", "--db", missing}, ExitFailure, "no store at"},
		{"bad address", []string{"serve", "--demo", "--addr", "256.0.0.1:http"}, ExitFailure, "serve:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, want %d; stderr %q lacks %q", code, tc.code, stderr, tc.msg)
			}
		})
	}
}

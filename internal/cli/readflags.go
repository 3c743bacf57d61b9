package cli

import (
	"flag"
	"slices"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/ingest"
)

// readFlags are the input flags `marsad extract` and `marsad ingest` share,
// declared and checked in one place so both commands read articles the same
// way and reject a bad value with the usage status.
type readFlags struct {
	format    *string
	published *string
	maxBytes  *int64
	keepJunk  *bool
}

// addReadFlags declares the input flags on fs.
func addReadFlags(fs *flag.FlagSet) *readFlags {
	def := ingest.DefaultOptions()
	return &readFlags{
		format:    fs.String("format", def.Format, "input format: "+strings.Join(ingest.Formats(), ", ")),
		published: fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose input gives none"),
		maxBytes:  fs.Int64("max-bytes", def.MaxBytes, "largest article input in bytes: a text or HTML file, a feed, one JSON line (0: no limit)"),
		keepJunk:  fs.Bool("keep-junk", false, "keep page junk (share widgets, related headlines, bylines…) in the text"),
	}
}

// options checks the parsed flags and returns the reader options; a bad
// value is a usage error naming cmd.
func (r *readFlags) options(cmd string) (ingest.Options, error) {
	opt := ingest.DefaultOptions()
	if !slices.Contains(ingest.Formats(), *r.format) {
		return opt, usageError("%s: --format %q: want one of %s", cmd, *r.format, strings.Join(ingest.Formats(), ", "))
	}
	if *r.maxBytes < 0 {
		return opt, usageError("%s: --max-bytes %d: want 0 (no limit) or more", cmd, *r.maxBytes)
	}
	opt.Format = *r.format
	opt.MaxBytes = *r.maxBytes
	opt.KeepJunk = *r.keepJunk
	if *r.published != "" {
		t, err := time.Parse("2006-01-02", *r.published)
		if err != nil {
			return opt, usageError("%s: --published %q: want YYYY-MM-DD", cmd, *r.published)
		}
		opt.Published = t
	}
	return opt, nil
}

// Package corpus embeds marsad's demo corpus: the five founding articles
// (Libya, 2016–2018) that `--demo` runs on with no setup.
package corpus

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed seeds/*.txt
var seeds embed.FS

// File is one embedded article.
type File struct {
	Name string // base name, e.g. "000_0796cbe4e9476291.txt"
	Data []byte
}

// Seeds returns the demo articles in name order.
func Seeds() ([]File, error) {
	entries, err := fs.ReadDir(seeds, "seeds")
	if err != nil {
		return nil, err
	}
	var out []File
	for _, e := range entries {
		data, err := seeds.ReadFile("seeds/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

package arabic

// The embedded word-frequency lexicon and stop-word list are built from
// ../shared/data by genlex (sources and licences in NOTICE).
//go:generate go run ./internal/genlex -out data

package sqlstore

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
)

type fakeBatch struct {
	cols [][]string
	rows [][][]any
}

func (f *fakeBatch) NextRowids(context.Context, *sql.Tx, int) ([]int64, bool, error) {
	return nil, true, nil
}
func (f *fakeBatch) InsertDocs(_ context.Context, _ *sql.Conn, _ *sql.Tx, cols []string, rows [][]any) error {
	f.cols = append(f.cols, append([]string{}, cols...))
	f.rows = append(f.rows, append([][]any{}, rows...))
	return nil
}
func (f *fakeBatch) TextsIn(col string, vals []string) (string, any) { return col, vals }

// Rows whose columns come in another order go in the first row's order;
// a row of other columns writes those kept first.
func TestPendingDocsColumns(t *testing.T) {
	f := &fakeBatch{}
	p := &pendingDocs{bw: f}
	ctx := context.Background()
	p.add(ctx, nil, []string{"rowid", "offsets", "bands"}, []any{1, "o1", "b1"})
	p.add(ctx, nil, []string{"rowid", "bands", "offsets"}, []any{2, "b2", nil})
	p.add(ctx, nil, []string{"rowid", "dup_of"}, []any{3, 1})
	if err := p.flush(ctx, nil); err != nil {
		t.Fatal(err)
	}
	want := [][][]any{{{1, "o1", "b1"}, {2, nil, "b2"}}, {{3, 1}}}
	if !reflect.DeepEqual(f.rows, want) {
		t.Errorf("rows %v, want %v", f.rows, want)
	}
	if wc := [][]string{{"rowid", "offsets", "bands"}, {"rowid", "dup_of"}}; !reflect.DeepEqual(f.cols, wc) {
		t.Errorf("cols %v, want %v", f.cols, wc)
	}
	var none *pendingDocs
	if err := none.flush(ctx, nil); err != nil {
		t.Error(err)
	}
}

package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"

	"github.com/marsad-project/marsad/internal/store/sqlstore"
)

// The search cache (sqlstore.SearchCache) on PostgreSQL: every Put and
// Optimize sends NOTIFY on the schema's channel inside its transaction
// (delivered at commit, dropped at rollback) with the version it commits,
// and every store keeps one connection of its own LISTENing on it; a
// notification invalidates the cache and raises its version (see
// searchcache.go for why a search never answers from an older state than
// one this process has read). While that connection is lost (an error, the server restarted,
// the backend terminated, a heartbeat unanswered), the cache is not live:
// every search goes to the server until the connection is back and
// LISTENing, which starts an empty generation.
//
// How fresh: this store's own writes are seen by its next search (Put
// invalidates before it returns). Another process's commit is seen once
// its notification reaches the listener: the server sends it when the
// transaction commits, so normally within a round trip (under a
// millisecond on one machine; the test polls for it). A connection that
// dies without the server or the network saying so is noticed by the
// heartbeat (a SELECT 1 after ListenHeartbeat without a notification,
// which must answer within heartbeatAnswer): searches may be served from
// the cache, missing other processes' commits of that time, for at most
// ListenHeartbeat + heartbeatAnswer (10 s by default).

// heartbeatAnswer bounds the heartbeat's SELECT 1.
const heartbeatAnswer = 5 * time.Second

// channelPrefix + schema is the channel a schema's writes are announced on.
const channelPrefix = "marsad:"

// NotifyWrite implements sqlstore.WriteNotifier. The payload is the
// store's id and the version the transaction commits ("id version"): a
// listener raises its cache's version to it (no read older than the
// commit is cached from then on, whenever the notification arrives). A
// store's own listener ignores its notifications: its Put has invalidated
// the cache already, after the commit (the notification, a moment later,
// would only throw away what searches cached since).
func (d dialect) NotifyWrite(ctx context.Context, tx *sql.Tx, version int64) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_notify('`+channelPrefix+`' || current_schema(), $1)`,
		d.id+" "+strconv.FormatInt(version, 10))
	return err
}

// parsePayload splits a notification's payload into the writer's id and
// the version it committed (0 when the payload has none).
func parsePayload(p string) (id string, version int64) {
	id, v, ok := strings.Cut(p, " ")
	if !ok {
		return p, 0
	}
	version, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return id, 0
	}
	return id, version
}

// listener keeps a store's search cache live (see above).
type listener struct {
	id        string // the store's, in its notifications' payload
	cfg       *pgx.ConnConfig
	cache     *sqlstore.SearchCache
	retry     time.Duration
	heartbeat time.Duration
	cancel    context.CancelFunc
	done      chan struct{}
}

// startListener connects and LISTENs (the cache is live when Open
// returns, unless that failed: then it stays bypassed until a retry
// succeeds), then keeps listening in a goroutine until stop.
func startListener(ctx context.Context, id string, cfg *pgx.ConnConfig, cache *sqlstore.SearchCache, retry, heartbeat time.Duration) *listener {
	cfg = cfg.Copy()
	name := "marsad-listen" // as pg_stat_activity shows it
	if sp := cfg.RuntimeParams["search_path"]; sp != "" {
		name += ":" + sp
	}
	cfg.RuntimeParams["application_name"] = name[:min(len(name), 63)]
	// A heartbeat's timeout only sets the socket's deadline (the default
	// handler would also send the server a cancel request, a connection
	// each time).
	cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.DeadlineContextWatcherHandler{Conn: c.Conn()}
	}
	l := &listener{id: id, cfg: cfg, cache: cache, retry: retry, heartbeat: heartbeat, done: make(chan struct{})}
	conn, _ := l.connect(ctx)
	lctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	go l.run(lctx, conn)
	return l
}

// connect opens the listening connection, LISTENs, and makes the cache
// live (a new generation: nothing from before is served).
func (l *listener) connect(ctx context.Context) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, l.cfg)
	if err != nil {
		return nil, err
	}
	var schema string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	if _, err := conn.Exec(ctx, `LISTEN `+pgx.Identifier{channelPrefix + schema}.Sanitize()); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	// Every commit from now on is notified; anything committed before is
	// read by the searches of the new generation.
	l.cache.SetLive(true)
	return conn, nil
}

func (l *listener) run(ctx context.Context, conn *pgx.Conn) {
	defer close(l.done)
	for {
		if conn != nil {
			err := l.listen(ctx, conn)
			l.cache.SetLive(false)
			conn.Close(context.Background())
			conn = nil
			if ctx.Err() != nil || errors.Is(err, context.Canceled) {
				return
			}
			select { // lost: the cache is bypassed until a retry succeeds
			case <-ctx.Done():
				return
			case <-time.After(l.retry):
			}
		}
		var err error
		if conn, err = l.connect(ctx); err != nil {
			select {
			case <-ctx.Done():
				return
			case <-time.After(l.retry):
			}
		}
	}
}

// listen invalidates the cache on every notification until the
// connection fails or ctx ends.
func (l *listener) listen(ctx context.Context, conn *pgx.Conn) error {
	for {
		wctx, cancel := context.WithTimeout(ctx, l.heartbeat)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		if n != nil { // pgx may hand one over with an error: never drop it
			if id, v := parsePayload(n.Payload); id != l.id {
				l.cache.Invalidate(v)
			}
		}
		switch {
		case err == nil:
			if n == nil {
				l.cache.Invalidate(0)
			}
		case ctx.Err() != nil:
			return ctx.Err()
		case pgconn.Timeout(err) && !conn.IsClosed():
			hctx, cancel := context.WithTimeout(ctx, heartbeatAnswer)
			_, err := conn.Exec(hctx, `SELECT 1`)
			cancel()
			if err != nil {
				return err
			}
		default:
			return err
		}
	}
}

// stop ends the listener and waits for its goroutine.
func (l *listener) stop() {
	l.cancel()
	<-l.done
}

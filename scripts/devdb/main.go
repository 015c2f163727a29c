// Command devdb runs FerretDB (MongoDB wire protocol, SQLite backend) embedded, for development
// and tests. Production uses a real MongoDB; see docker-compose.yml.
//
// FerretDB listens on a Unix socket only devdb uses; clients connect to -listen, where a filter
// (wirefilter.go) relays their messages and drops the answers FerretDB 1.24 wrongly sends to
// unacknowledged (w: 0) writes.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (loopback only)")
	dir := flag.String("dir", ".data/db", "directory for the SQLite files")
	flag.Parse()

	if err := os.MkdirAll(*dir, 0o700); err != nil {
		log.Fatal(err)
	}
	socket, cleanup, err := internalSocket(*dir)
	if err != nil {
		log.Fatal(err)
	}
	defer cleanup()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// binds the socket: connections made from now on wait for Run to accept them
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		_ = ln.Close()
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	done := make(chan struct{})
	go func() {
		defer close(done)
		f.Run(ctx)
	}()
	filter := newWireFilter(func() (net.Conn, error) { return net.Dial("unix", socket) })
	filtered := make(chan struct{})
	go func() {
		defer close(filtered)
		filter.serve(ctx, ln)
	}()
	fmt.Printf("devdb: listening on %s, data in %s\n", *addr, *dir)
	<-filtered
	<-done
}

// internalSocket returns the path for FerretDB's Unix socket: in dir, or in a new temporary
// directory if that path is too long for a socket address. A socket left by a devdb that did not
// exit cleanly is removed; one that still answers means another devdb uses dir.
func internalSocket(dir string) (path string, cleanup func(), err error) {
	abs, err := filepath.Abs(filepath.Join(dir, "ferretdb.sock"))
	if err != nil {
		return "", nil, err
	}
	if len(abs) < 100 { // sun_path holds 108 bytes on Linux, 104 on macOS
		if c, err := net.DialTimeout("unix", abs, time.Second); err == nil {
			_ = c.Close()
			return "", nil, fmt.Errorf("another devdb is running with its data in %s", dir)
		}
		if err := os.Remove(abs); err != nil && !os.IsNotExist(err) {
			return "", nil, err
		}
		return abs, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "devdb-")
	if err != nil {
		return "", nil, err
	}
	return filepath.Join(tmp, "ferretdb.sock"), func() { _ = os.RemoveAll(tmp) }, nil
}

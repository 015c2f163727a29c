package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// message builds a wire message: header, then for OP_MSG the flagBits, then body.
func message(requestID, responseTo int32, opCode uint32, flags uint32, body []byte) []byte {
	n := headerLen + len(body)
	if opCode == opMsg {
		n += 4
	}
	b := make([]byte, 0, n)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	b = binary.LittleEndian.AppendUint32(b, uint32(requestID))
	b = binary.LittleEndian.AppendUint32(b, uint32(responseTo))
	b = binary.LittleEndian.AppendUint32(b, opCode)
	if opCode == opMsg {
		b = binary.LittleEndian.AppendUint32(b, flags)
	}
	return append(b, body...)
}

func msgRequest(id int32, moreToCome bool, body string) []byte {
	var flags uint32
	if moreToCome {
		flags = flagMoreToCome
	}
	return message(id, 0, opMsg, flags, []byte(body))
}

func answer(id, responseTo int32, body string) []byte {
	return message(id, responseTo, opMsg, 0, []byte(body))
}

// readOne reads one whole message (as a client or server would).
func readOne(t *testing.T, r io.Reader) []byte {
	t.Helper()
	header := make([]byte, headerLen)
	if _, err := io.ReadFull(r, header); err != nil {
		t.Fatalf("reading a message: %v", err)
	}
	b := make([]byte, binary.LittleEndian.Uint32(header))
	copy(b, header)
	if _, err := io.ReadFull(r, b[headerLen:]); err != nil {
		t.Fatalf("reading a message: %v", err)
	}
	return b
}

func write(t *testing.T, w io.Writer, msgs ...[]byte) {
	t.Helper()
	for _, m := range msgs {
		if _, err := w.Write(m); err != nil {
			t.Fatalf("writing: %v", err)
		}
	}
}

// writeAsync is write for another goroutine than the test's (which must not call t.Fatal).
func writeAsync(t *testing.T, w io.Writer, msg []byte) {
	if _, err := w.Write(msg); err != nil {
		t.Errorf("writing: %v", err)
	}
}

// expectClosed checks that c gets end of stream (its peer was closed) within a second.
func expectClosed(t *testing.T, c net.Conn, who string) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(time.Second))
	b, err := io.ReadAll(c)
	if err != nil || len(b) != 0 {
		t.Fatalf("%s: want end of stream and nothing more, got %d bytes, %v", who, len(b), err)
	}
}

// setup runs a filter on a loopback listener in front of a fake server on a Unix socket, and
// returns the client's and the fake server's ends of one connection.
func setup(t *testing.T, tune func(*wireFilter)) (client, server net.Conn, f *wireFilter) {
	t.Helper()
	socket := filepath.Join(t.TempDir(), "s.sock")
	backend, err := net.Listen("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = backend.Close() })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f = newWireFilter(func() (net.Conn, error) { return net.Dial("unix", socket) })
	if tune != nil {
		tune(f)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		defer close(served)
		f.serve(ctx, ln)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-served:
		case <-time.After(5 * time.Second):
			t.Error("filter did not stop within 5 s of shutdown")
		}
	})

	client, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Close() })
	server, err = backend.Accept()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = server.Close() })
	return client, server, f
}

func TestDropsAnswersToMoreToCome(t *testing.T) {
	client, server, _ := setup(t, nil)

	reqs := [][]byte{
		msgRequest(1, true, "delete sessions w:0"),
		msgRequest(2, false, "find alice"),
		msgRequest(3, true, "insert w:0"),
		msgRequest(4, true, "update w:0"),
		msgRequest(5, false, "find bob"),
	}
	write(t, client, reqs...)
	for _, want := range reqs {
		if got := readOne(t, server); !bytes.Equal(got, want) {
			t.Fatalf("server got %q, want %q", got, want)
		}
	}
	// FerretDB 1.24 answers every one of them, in order
	write(t, server,
		answer(101, 1, "ok n=2"),
		answer(102, 2, "alice"),
		answer(103, 3, "ok n=1"),
		answer(104, 4, "ok n=1"),
		answer(105, 5, "bob"),
	)
	if got := readOne(t, client); !bytes.Equal(got, answer(102, 2, "alice")) {
		t.Fatalf("client got %q, want alice's answer", got)
	}
	if got := readOne(t, client); !bytes.Equal(got, answer(105, 5, "bob")) {
		t.Fatalf("client got %q, want bob's answer", got)
	}
	// nothing else arrives
	_ = client.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if n, err := client.Read(make([]byte, 1)); n != 0 || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("client got more: %d bytes, %v", n, err)
	}
}

func TestForgetsMoreToComeNeverAnswered(t *testing.T) {
	// a server that keeps the protocol (no answer to moreToCome): the in-flight queue stays empty
	client, server, _ := setup(t, func(f *wireFilter) { f.maxInFlight = 8 })
	for round := range int32(50) { // far more than maxInFlight
		id := round * 10
		write(t, client, msgRequest(id+1, true, "w:0"), msgRequest(id+2, true, "w:0"), msgRequest(id+3, false, "find"))
		for range 3 {
			readOne(t, server)
		}
		write(t, server, answer(id+3, id+3, "found"))
		if got := readOne(t, client); !bytes.Equal(got, answer(id+3, id+3, "found")) {
			t.Fatalf("round %d: client got %q", round, got)
		}
	}
}

func TestInFlightQueue(t *testing.T) {
	q := &inFlight{max: 64}
	next := int32(0)
	// grow and wrap around several times
	for round := range 40 {
		for i := range round%7 + 1 {
			if !q.add(next, i%2 == 0) {
				t.Fatalf("add refused at %d", q.len())
			}
			next++
		}
		// answer all but the last one, in order
		for q.len() > 1 {
			head := q.ring[q.head]
			drop, ok := q.answered(head.id)
			if !ok || drop != head.noReply {
				t.Fatalf("answered(%d) = %v, %v", head.id, drop, ok)
			}
		}
	}
	// an answer to a later request forgets the ones before it
	q = &inFlight{max: 64}
	for id := range int32(10) {
		q.add(id, id < 9)
	}
	if drop, ok := q.answered(42); ok || drop || q.len() != 10 {
		t.Fatalf("unknown id: drop %v ok %v len %d", drop, ok, q.len())
	}
	if drop, ok := q.answered(9); !ok || drop || q.len() != 0 {
		t.Fatalf("answered(9): drop %v ok %v len %d", drop, ok, q.len())
	}
	// bounded
	q = &inFlight{max: 20}
	for id := range int32(20) {
		if !q.add(id, true) {
			t.Fatalf("add %d refused", id)
		}
	}
	if q.add(20, true) {
		t.Fatal("add beyond max accepted")
	}
	if len(q.ring) != 20 {
		t.Fatalf("ring grew to %d, max 20", len(q.ring))
	}
}

func TestClosesWhenTooManyInFlight(t *testing.T) {
	client, server, _ := setup(t, func(f *wireFilter) { f.maxInFlight = 4 })
	go func() { _, _ = io.Copy(io.Discard, server) }() // a server that never answers
	for id := range int32(5) {
		if _, err := client.Write(msgRequest(id, true, "w:0")); err != nil {
			break
		}
	}
	expectClosed(t, client, "client")
}

func TestLargeMessagesBothWays(t *testing.T) {
	client, server, _ := setup(t, nil)
	for _, size := range []int{readBufferSize - headerLen - 4, readBufferSize, 3 * readBufferSize, 5 << 20} {
		body := bytes.Repeat([]byte{byte(size)}, size)
		request := message(int32(size), 0, opMsg, 0, body)
		go writeAsync(t, client, request)
		if got := readOne(t, server); !bytes.Equal(got, request) {
			t.Fatalf("size %d: server got a different message", size)
		}
		ans := message(7, int32(size), opMsg, 0, body)
		go writeAsync(t, server, ans)
		if got := readOne(t, client); !bytes.Equal(got, ans) {
			t.Fatalf("size %d: client got a different message", size)
		}
	}
}

func TestMessagesSplitAcrossReads(t *testing.T) {
	client, server, _ := setup(t, nil)
	stream := append(msgRequest(1, true, "w:0"), msgRequest(2, false, "find")...)
	for _, b := range stream { // one byte at a time
		write(t, client, []byte{b})
	}
	readOne(t, server)
	readOne(t, server)
	both := append(answer(11, 1, "dropped"), answer(12, 2, "found")...)
	for i := 0; i < len(both); i += 5 {
		write(t, server, both[i:min(i+5, len(both))])
	}
	if got := readOne(t, client); !bytes.Equal(got, answer(12, 2, "found")) {
		t.Fatalf("client got %q", got)
	}
}

func TestClosesOnMalformedOrRefusedMessages(t *testing.T) {
	header := func(length int32, op uint32) []byte {
		b := binary.LittleEndian.AppendUint32(nil, uint32(length))
		b = binary.LittleEndian.AppendUint32(b, 1)
		b = binary.LittleEndian.AppendUint32(b, 0)
		return binary.LittleEndian.AppendUint32(b, op)
	}
	cases := map[string][]byte{
		"length below 16":                              header(15, opMsg),
		"negative length":                              header(-1, opMsg),
		"length above 48 MiB":                          header(maxMessageLen+1, opMsg),
		"OP_MSG without flagBits":                      header(16, opMsg),
		"OP_COMPRESSED":                                message(1, 0, opCompressed, 0, []byte("zzzzzzzzz")),
		"legacy OP_INSERT (no answer in the protocol)": message(1, 0, 2002, 0, []byte("x")),
	}
	for name, bad := range cases {
		t.Run("from client: "+name, func(t *testing.T) {
			client, server, _ := setup(t, nil)
			write(t, client, bad)
			expectClosed(t, server, "server")
			expectClosed(t, client, "client")
		})
	}
	t.Run("from server: OP_COMPRESSED", func(t *testing.T) {
		client, server, _ := setup(t, nil)
		write(t, client, msgRequest(1, false, "find"))
		readOne(t, server)
		write(t, server, message(9, 1, opCompressed, 0, []byte("zzzzzzzzz")))
		expectClosed(t, client, "client")
		expectClosed(t, server, "server")
	})
	t.Run("from server: an answer with moreToCome (exhaust)", func(t *testing.T) {
		client, server, _ := setup(t, nil)
		write(t, client, msgRequest(1, false, "find"))
		readOne(t, server)
		write(t, server, message(9, 1, opMsg, flagMoreToCome, []byte("first of several")))
		expectClosed(t, client, "client")
		expectClosed(t, server, "server")
	})
	t.Run("from server: an answer to no request in flight", func(t *testing.T) {
		client, server, _ := setup(t, nil)
		write(t, client, msgRequest(1, false, "find"))
		readOne(t, server)
		write(t, server, answer(9, 2, "someone else's"))
		expectClosed(t, client, "client")
		expectClosed(t, server, "server")
	})
	t.Run("from server: a message cut short", func(t *testing.T) {
		client, server, _ := setup(t, nil)
		write(t, client, msgRequest(1, false, "find"))
		readOne(t, server)
		full := answer(9, 1, "the answer")
		write(t, server, full[:len(full)-3])
		_ = server.Close()
		expectClosed(t, client, "client")
	})
}

func TestEitherSideClosingClosesTheOther(t *testing.T) {
	client, server, _ := setup(t, nil)
	_ = client.Close()
	expectClosed(t, server, "server")

	client, server, _ = setup(t, nil)
	_ = server.Close()
	expectClosed(t, client, "client")
}

func TestShutdownClosesConnectionsAndStops(t *testing.T) {
	socket := filepath.Join(t.TempDir(), "s.sock")
	backend, err := net.Listen("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	defer backend.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := newWireFilter(func() (net.Conn, error) { return net.Dial("unix", socket) })
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		defer close(served)
		f.serve(ctx, ln)
	}()
	var clients, servers []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		s, err := backend.Accept()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		clients, servers = append(clients, c), append(servers, s)
	}
	cancel()
	select {
	case <-served:
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return within 5 s")
	}
	for i := range clients {
		expectClosed(t, clients[i], "client")
		expectClosed(t, servers[i], "server")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Fatal("still accepting after shutdown")
	}
}

// BenchmarkRoundTrip measures one request and its answer through the filter against the same
// exchange with the echo server directly (the filter's overhead is the difference).
func BenchmarkRoundTrip(b *testing.B) {
	socket := filepath.Join(b.TempDir(), "s.sock")
	backend, err := net.Listen("unix", socket)
	if err != nil {
		b.Fatal(err)
	}
	defer backend.Close()
	var wg sync.WaitGroup
	defer wg.Wait()
	go func() {
		for {
			c, err := backend.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { // answers each message with a 200-byte answer
				defer wg.Done()
				defer c.Close()
				r := bufio.NewReader(c)
				ans := answer(0, 0, string(bytes.Repeat([]byte("a"), 200)))
				for {
					header, err := r.Peek(headerLen)
					if err != nil {
						return
					}
					copy(ans[8:12], header[4:8])
					if _, err := r.Discard(int(binary.LittleEndian.Uint32(header))); err != nil {
						return
					}
					if _, err := c.Write(ans); err != nil {
						return
					}
				}
			}()
		}
	}()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	f := newWireFilter(func() (net.Conn, error) { return net.Dial("unix", socket) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go f.serve(ctx, ln)

	run := func(b *testing.B, c net.Conn) {
		defer c.Close()
		request := msgRequest(1, false, string(bytes.Repeat([]byte("q"), 100)))
		buf := make([]byte, 1024)
		for i := 0; b.Loop(); i++ {
			binary.LittleEndian.PutUint32(request[4:8], uint32(i))
			if _, err := c.Write(request); err != nil {
				b.Fatal(err)
			}
			if _, err := io.ReadFull(c, buf[:headerLen+4+200]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("direct", func(b *testing.B) {
		c, err := net.Dial("unix", socket)
		if err != nil {
			b.Fatal(err)
		}
		run(b, c)
	})
	b.Run("filter", func(b *testing.B) {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		run(b, c)
	})
}

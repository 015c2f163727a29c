package main

// A MongoDB wire-protocol filter in front of FerretDB: FerretDB 1.24 answers an OP_MSG that carries
// the moreToCome flag (an unacknowledged write, writeConcern w: 0), which the protocol says must
// get no answer. A driver then takes that stray answer for the answer to its next command on the
// connection, and every later answer on it belongs to the command before: one user is given
// another user's documents. The filter relays whole messages between each client and FerretDB and
// drops the answers to moreToCome messages.
//
// It relies on what FerretDB 1.24 does on a connection (internal/clientconn/conn.go, conn.run):
// it reads one message, handles it, writes at most one answer, then reads the next. So answers
// come back in the order of the requests, one per request, or none; never two, never out of
// order; and it never sends moreToCome itself (no exhaust, no streaming hello: its hello has no
// topologyVersion). An answer to no request in flight therefore means the stream is not what the
// filter expects, and it closes the connection.
//
// Compression: a driver compresses (OP_COMPRESSED, opcode 2012) only when the server's hello lists
// the compressor in "compression"; FerretDB 1.24's hello (internal/handler/msg_hello.go) has no
// "compression" field, and its wire.ReadMessage cannot read OP_COMPRESSED (it drops the
// connection). So OP_COMPRESSED does not happen; if it did, the filter could not see the flags
// inside it, so it closes the connection rather than relay a message it cannot check.

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
	"time"
)

const (
	headerLen     = 16       // messageLength, requestID, responseTo, opCode: int32 little-endian
	maxMessageLen = 48 << 20 // 48 MiB; FerretDB's own limit is 48,000,000 bytes

	opReply      = 1
	opQuery      = 2004 // legacy: drivers may send the first hello this way; always answered
	opCompressed = 2012
	opMsg        = 2013

	flagMoreToCome = 1 << 1 // OP_MSG flagBits

	// Requests relayed and not yet answered, per connection. FerretDB reads one request at a time,
	// so this holds what is in the socket buffers; a client that runs this far ahead of the
	// answers is closed rather than let an answer it should not get through.
	defaultMaxInFlight = 1 << 14

	readBufferSize = 64 << 10 // a message up to this size is relayed straight from the read buffer
	keepBufferSize = 1 << 20  // a larger one is read into a buffer kept for the next one up to this
)

var (
	errMalformed   = errors.New("malformed message length")
	errOpcode      = errors.New("unsupported opcode")
	errTooManyReqs = errors.New("too many requests in flight")
	errNoRequest   = errors.New("answer to no request in flight")
	errExhaust     = errors.New("OP_MSG answer without flagBits or with moreToCome (exhaust)")
)

// wireFilter accepts client connections and relays each to a new connection to FerretDB.
type wireFilter struct {
	dial        func() (net.Conn, error) // a new connection to FerretDB
	maxInFlight int

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

func newWireFilter(dial func() (net.Conn, error)) *wireFilter {
	return &wireFilter{dial: dial, maxInFlight: defaultMaxInFlight, conns: make(map[net.Conn]struct{})}
}

// serve accepts connections on ln until ctx is canceled; then it closes ln and every connection
// and returns once every relay has stopped.
func (f *wireFilter) serve(ctx context.Context, ln net.Listener) {
	stop := context.AfterFunc(ctx, func() {
		_ = ln.Close()
		f.mu.Lock()
		f.closed = true
		for c := range f.conns {
			_ = c.Close()
		}
		f.mu.Unlock()
	})
	defer stop()

	for {
		client, err := ln.Accept()
		if err != nil {
			if ctx.Err() == nil && !errors.Is(err, net.ErrClosed) {
				log.Printf("devdb: accept: %v", err)
				time.Sleep(50 * time.Millisecond) // say, out of file descriptors: not a busy loop
				continue
			}
			break
		}
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			f.handle(client)
		}()
	}
	f.wg.Wait()
}

// track registers c to be closed on shutdown; false if shutdown has begun (c is closed then).
func (f *wireFilter) track(c net.Conn) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		_ = c.Close()
		return false
	}
	f.conns[c] = struct{}{}
	return true
}

func (f *wireFilter) untrack(c net.Conn) {
	f.mu.Lock()
	delete(f.conns, c)
	f.mu.Unlock()
	_ = c.Close()
}

// handle relays between client and a new FerretDB connection until either side closes or sends
// something the filter does not accept; then both are closed.
func (f *wireFilter) handle(client net.Conn) {
	if !f.track(client) {
		return
	}
	defer f.untrack(client)
	server, err := f.dial()
	if err != nil {
		log.Printf("devdb: connecting to FerretDB: %v", err)
		return
	}
	if !f.track(server) {
		return
	}
	defer f.untrack(server)

	reqs := &inFlight{max: f.maxInFlight}
	done := make(chan error, 2)
	go func() { done <- relayRequests(client, server, reqs) }()
	go func() { done <- relayAnswers(server, client, reqs) }()
	err = <-done
	// the first to stop closes both, which stops the other
	_ = client.Close()
	_ = server.Close()
	<-done
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		log.Printf("devdb: closing client connection %s: %v", client.RemoteAddr(), err)
	}
}

// relayRequests copies whole messages from client to server, noting each in reqs first (so that
// its answer, which can come as soon as it is written, finds it there).
func relayRequests(client io.Reader, server io.Writer, reqs *inFlight) error {
	r := bufio.NewReaderSize(client, readBufferSize)
	var big []byte
	for {
		msg, consumed, err := readMessage(r, &big)
		if err != nil {
			return err
		}
		noReply := false
		switch op := binary.LittleEndian.Uint32(msg[12:16]); op {
		case opMsg:
			if len(msg) < headerLen+4 {
				return errMalformed
			}
			noReply = binary.LittleEndian.Uint32(msg[headerLen:])&flagMoreToCome != 0
		case opQuery:
		default: // OP_COMPRESSED (see the top of this file) and the legacy opcodes FerretDB refuses
			return fmt.Errorf("%w %d from client", errOpcode, op)
		}
		if !reqs.add(int32(binary.LittleEndian.Uint32(msg[4:8])), noReply) {
			return errTooManyReqs
		}
		if _, err := server.Write(msg); err != nil {
			return err
		}
		if _, err := r.Discard(consumed); err != nil {
			return err
		}
	}
}

// relayAnswers copies whole messages from server to client, except the answers to moreToCome
// requests.
func relayAnswers(server io.Reader, client io.Writer, reqs *inFlight) error {
	r := bufio.NewReaderSize(server, readBufferSize)
	var big []byte
	for {
		msg, consumed, err := readMessage(r, &big)
		if err != nil {
			return err
		}
		switch op := binary.LittleEndian.Uint32(msg[12:16]); op {
		case opMsg:
			// more answers to follow (exhaust) would outrun the driver, which reads one answer
			// per request unless it asked for them; FerretDB 1.24 never sends it
			if len(msg) < headerLen+4 || binary.LittleEndian.Uint32(msg[headerLen:])&flagMoreToCome != 0 {
				return errExhaust
			}
		case opReply:
		default:
			return fmt.Errorf("%w %d from FerretDB", errOpcode, op)
		}
		drop, ok := reqs.answered(int32(binary.LittleEndian.Uint32(msg[8:12])))
		if !ok {
			// the stream is not what this filter expects: better no answer than someone else's
			return errNoRequest
		}
		if !drop {
			if _, err := client.Write(msg); err != nil {
				return err
			}
		}
		if _, err := r.Discard(consumed); err != nil {
			return err
		}
	}
}

// readMessage returns the next whole message from r. One that fits r's buffer is returned in
// place: the caller uses it, then discards `consumed` bytes. A larger one is read into *big
// (kept for the next one if it is not too large), and consumed is 0.
func readMessage(r *bufio.Reader, big *[]byte) (msg []byte, consumed int, err error) {
	header, err := r.Peek(headerLen)
	if err != nil {
		if errors.Is(err, io.EOF) && len(header) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, 0, err
	}
	n := int32(binary.LittleEndian.Uint32(header))
	if n < headerLen || n > maxMessageLen {
		return nil, 0, fmt.Errorf("%w: %d", errMalformed, n)
	}
	length := int(n)
	if length <= r.Size() {
		if msg, err = r.Peek(length); err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, 0, err
		}
		return msg, length, nil
	}
	buf := *big
	if cap(buf) < length {
		buf = make([]byte, length)
		if length <= keepBufferSize {
			*big = buf
		}
	}
	buf = buf[:length]
	if _, err = io.ReadFull(r, buf); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, 0, err
	}
	return buf, 0, nil
}

// inFlight is the queue, in order, of the requests relayed on one connection and not answered
// yet, each with whether its answer is to be dropped (a ring buffer, grown up to max).
//
// Since FerretDB answers in request order, an answer to the request at position k in the queue
// means the k requests before it will get no answer any more: they are forgotten with it. So the
// queue holds only what is in flight, whether FerretDB answers moreToCome requests (1.24) or not
// (a version that keeps the protocol).
type inFlight struct {
	mu   sync.Mutex
	ring []request
	head int
	n    int
	max  int
}

type request struct {
	id      int32
	noReply bool
}

// add appends a request; false if max requests are in flight already.
func (q *inFlight) add(id int32, noReply bool) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.n == len(q.ring) {
		if q.n >= q.max {
			return false
		}
		grown := make([]request, min(max(2*len(q.ring), 16), q.max))
		for i := range q.n {
			grown[i] = q.ring[(q.head+i)%len(q.ring)]
		}
		q.ring, q.head = grown, 0
	}
	q.ring[(q.head+q.n)%len(q.ring)] = request{id, noReply}
	q.n++
	return true
}

// answered takes the answer to request responseTo: it forgets that request and every one before
// it, and says whether the answer is to be dropped. ok is false if no request in flight has that
// id (then nothing is forgotten).
func (q *inFlight) answered(responseTo int32) (drop, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i := range q.n {
		req := q.ring[(q.head+i)%len(q.ring)]
		if req.id == responseTo {
			q.head = (q.head + i + 1) % len(q.ring)
			q.n -= i + 1
			return req.noReply, true
		}
	}
	return false, false
}

// len is the number of requests in flight.
func (q *inFlight) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.n
}

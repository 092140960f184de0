package email_test

import (
	"bufio"
	"encoding/base64"
	"net"
	"strings"
	"sync"
	"testing"
)

// received is one mail the test server accepted.
type received struct {
	From string
	To   []string
	Data string
	Auth string // the decoded AUTH PLAIN response, if any
}

// smtpServer is a small SMTP server for the tests: EHLO (no STARTTLS, so
// the sender runs with NoTLS), AUTH PLAIN, MAIL, RCPT, DATA, RSET, QUIT.
// It records every mail it accepts.
type smtpServer struct {
	ln     net.Listener
	mu     sync.Mutex
	mail   []received
	wg     sync.WaitGroup
	refuse map[string]bool // RCPT is answered 550 for these addresses
}

// startSMTP serves on addr ("127.0.0.1:0" for any port) until the test ends.
func startSMTP(t *testing.T, addr string) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln}
	s.wg.Add(1)
	go s.accept()
	t.Cleanup(s.close)
	return s
}

// port is the port the server listens on.
func (s *smtpServer) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

// close stops the server and waits for its sessions.
func (s *smtpServer) close() {
	s.ln.Close()
	s.wg.Wait()
}

// refuseRcpt makes RCPT of addr fail for good (550).
func (s *smtpServer) refuseRcpt(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refuse == nil {
		s.refuse = map[string]bool{}
	}
	s.refuse[addr] = true
}

// refused reports whether RCPT of addr fails.
func (s *smtpServer) refused(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refuse[addr]
}

// mails returns what the server accepted so far.
func (s *smtpServer) mails() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.mail...)
}

func (s *smtpServer) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			s.session(c)
		}()
	}
}

// session speaks SMTP on one connection.
func (s *smtpServer) session(c net.Conn) {
	r := bufio.NewReader(c)
	say := func(line string) { c.Write([]byte(line + "\r\n")) }
	say("220 test ESMTP")
	var cur received
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch {
		case verb == "EHLO":
			say("250-test")
			say("250 AUTH PLAIN")
		case verb == "AUTH":
			f := strings.Fields(line)
			b, _ := base64.StdEncoding.DecodeString(f[len(f)-1])
			cur.Auth = string(b)
			say("235 ok")
		case verb == "MAIL":
			cur.From = line[len("MAIL FROM:"):]
			say("250 ok")
		case verb == "RCPT":
			to := strings.Trim(line[len("RCPT TO:"):], "<>")
			if s.refused(to) {
				say("550 5.1.1 <" + to + ">: no such user")
				continue
			}
			cur.To = append(cur.To, to)
			say("250 ok")
		case verb == "DATA":
			say("354 go on")
			cur.Data = readData(r)
			s.mu.Lock()
			s.mail = append(s.mail, cur)
			s.mu.Unlock()
			cur = received{Auth: cur.Auth}
			say("250 queued")
		case verb == "RSET":
			cur = received{Auth: cur.Auth}
			say("250 ok")
		case verb == "QUIT":
			say("221 bye")
			return
		default:
			say("502 not implemented")
		}
	}
}

// readData reads a mail's data up to the line with a single dot,
// undoing dot-stuffing.
func readData(r *bufio.Reader) string {
	var b strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil || line == ".\r\n" {
			return b.String()
		}
		b.WriteString(strings.TrimPrefix(line, "."))
	}
}

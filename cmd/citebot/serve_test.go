package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestServeNeedsCredentials(t *testing.T) {
	db := exampleIndex(t)
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{name: "gateway without token", args: []string{"serve", "--db", db}, want: "DISCORD_TOKEN is required"},
		{name: "http without key", args: []string{"serve", "--db", db, "--http", "127.0.0.1:0", "--no-register"}, want: "DISCORD_PUBLIC_KEY is required"},
		{name: "bad key", args: []string{"serve", "--db", db}, env: map[string]string{"DISCORD_PUBLIC_KEY": "xyz"}, want: "DISCORD_PUBLIC_KEY: want"},
		{name: "register without token", args: []string{"register"}, want: "DISCORD_TOKEN is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := citebot(t, "", tt.env, tt.args...)
			if r.code != 2 || !strings.Contains(r.err, tt.want) {
				t.Errorf("citebot %v: exit %d, stderr %q; want 2 and %q", tt.args, r.code, r.err, tt.want)
			}
		})
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeHTTPAndShutdown runs `citebot serve --http` as main would, checks
// /healthz, /metrics and a signed PING, then stops it like SIGTERM does.
func TestServeHTTPAndShutdown(t *testing.T) {
	db := exampleIndex(t)
	pub, priv, _ := ed25519.GenerateKey(nil)
	httpAddr, metricsAddr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		env := map[string]string{"HOME": t.TempDir(), "DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)}
		err := run(ctx, []string{"serve", "--db", db, "--http", httpAddr, "--metrics", metricsAddr, "--no-register"},
			func(k string) string { return env[k] }, stdio{in: strings.NewReader(""), out: &out, err: &errOut})
		done <- result{out: out.String(), err: errOut.String(), code: exitCode(err, &errOut)}
	}()
	var ready bool
	for i := 0; i < 100 && !ready; i++ {
		if resp, err := http.Get("http://" + metricsAddr + "/healthz"); err == nil {
			ready = resp.StatusCode == 200
			resp.Body.Close()
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !ready {
		cancel()
		t.Fatalf("serve never became healthy: %+v", <-done)
	}
	body := []byte(`{"id":"1","application_id":"2","type":1,"token":"t","version":1}`)
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, "http://"+httpAddr+"/", bytes.NewReader(body))
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), body...))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pong, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(pong), `"type":1`) {
		t.Errorf("PING: %d %s", resp.StatusCode, pong)
	}
	// The interaction is counted once its answer has gone out, which can
	// be just after the client has read it: poll briefly.
	var m []byte
	for i := 0; i < 100; i++ {
		mresp, err := http.Get("http://" + metricsAddr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		m, _ = io.ReadAll(mresp.Body)
		mresp.Body.Close()
		if strings.Contains(string(m), `citebot_interactions_total{command="ping",outcome="ok"} 1`) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(string(m), `citebot_interactions_total{command="ping",outcome="ok"} 1`) {
		t.Errorf("/metrics:\n%s", m)
	}
	cancel()
	select {
	case r := <-done:
		if r.code != 0 || strings.Contains(r.err, "token") && !strings.Contains(r.err, "token=unset") {
			t.Errorf("serve after shutdown: exit %d, stderr %q", r.code, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestConsoleSlashCommands(t *testing.T) {
	db := exampleIndex(t)
	in := "/who said not against a bridge\n/when event:library fire\nnext\n/timeline harbor bridge\n/source id:3\n/quote speaker:Felicity Marsh\n/help\n/dance\n"
	r := citebot(t, in, nil, "console", "--db", db)
	for _, want := range []string{"Felicity Marsh", "/when “library fire” · answers 1–3", "answers 4–6", "/timeline “harbor bridge”",
		"[passage 3", "/who said phrase:<text>", "Unknown command /dance."} {
		if !strings.Contains(r.out, want) {
			t.Errorf("console output lacks %q:\n%s", want, r.out)
		}
	}
	if r.code != 0 {
		t.Errorf("console: exit %d, %s", r.code, r.err)
	}
}

package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Limits of the HTTP interactions endpoint.
const (
	// MaxBodyBytes is the largest interaction accepted; Discord's are a
	// few kilobytes.
	MaxBodyBytes = 64 << 10
	// MaxClockSkew is how old (or how far in the future) a signed
	// timestamp may be: a replayed request older than this is refused.
	MaxClockSkew = 5 * time.Minute
	// ackWait is how long the endpoint waits for the first response; the
	// bot defers well before, so this only guards against a stuck handler.
	ackWait = 2900 * time.Millisecond
)

// ParsePublicKey reads the application's public key from its hex form.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("public key: want 64 hex digits")
	}
	return ed25519.PublicKey(b), nil
}

// InteractionsHandler is the HTTP interactions endpoint. Before parsing
// anything it limits the body (413), checks the Ed25519 signature over
// timestamp+body and the timestamp's age (401). PING is answered with PONG;
// everything else goes through the same handlers as the gateway, with the
// first response as the HTTP reply and later ones through rest. base is
// the context the answers run under (not the request's, which ends with
// the HTTP reply while a deferred answer is still being prepared).
func (b *Bot) InteractionsHandler(base context.Context, key ed25519.PublicKey, rest Responder) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if !verify(key, r.Header, body, time.Now()) {
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		var i discordgo.Interaction
		if err := json.Unmarshal(body, &i); err != nil {
			http.Error(w, "malformed interaction", http.StatusBadRequest)
			return
		}
		acks := make(chan *discordgo.InteractionResponse, 1)
		written := make(chan error, 1)
		ack := func(ctx context.Context, resp *discordgo.InteractionResponse) error {
			acks <- resp
			select {
			case err := <-written:
				return err
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		refused := make(chan struct{})
		go func() {
			if !b.dispatch(base, &i, ack, rest) {
				close(refused)
			}
		}()
		select {
		case resp := <-acks:
			w.Header().Set("Content-Type", "application/json")
			err := json.NewEncoder(w).Encode(resp)
			written <- err
		case <-refused:
			http.Error(w, errDraining.Error(), http.StatusServiceUnavailable)
		case <-time.After(ackWait):
			b.log.Error("no response in time", slog.String(keyInteraction, i.ID))
			written <- errors.New("no response in time")
			http.Error(w, "timeout", http.StatusServiceUnavailable)
		}
	})
}

// verify checks Discord's request signature: Ed25519 over the timestamp
// header followed by the body, with the timestamp within MaxClockSkew of
// now.
func verify(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) bool {
	sig, err := hex.DecodeString(h.Get("X-Signature-Ed25519"))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	ts := h.Get("X-Signature-Timestamp")
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	age := now.Sub(time.Unix(secs, 0))
	if age > MaxClockSkew || age < -MaxClockSkew {
		return false
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	return ed25519.Verify(key, msg, sig)
}

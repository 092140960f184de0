package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/clientip"
	"github.com/sakemodel/sakebot/handlers/webchat"
	"github.com/sakemodel/sakebot/worker"
)

// webPoll is how often the web chat looks for lines another replica
// wrote, while a page is open.
const webPoll = time.Second

// addWebChat adds the web chat's sender (replies written to the
// conversation log, pages woken through the hub) unless WEBCHAT_ENABLED
// is false.
func (out *outgoing) addWebChat(a *app, cfg config) {
	if !cfg.WebChat {
		return
	}
	out.webHub = webchat.NewHub()
	out.senders[bot.ChannelWeb] = webchat.NewSender(a.store, out.webHub)
}

// mountWebChat mounts the chat page at / and the rest under /webchat/,
// and runs the hub's poll for lines written by other replicas.
func mountWebChat(ctx context.Context, w *wiring, a *app, cfg config, log *slog.Logger, wk *worker.Worker, hub *webchat.Hub) error {
	secret, err := a.store.WebChatSecret(ctx)
	if err != nil {
		return fmt.Errorf("web chat: %w", err)
	}
	log = log.With("channel", "web")
	h := webchat.New(webchat.Config{Log: a.store, Inbox: wk, Hub: hub, Secret: secret, AllowedOrigins: cfg.WebChatOrigins,
		Proxies: clientip.Proxies(cfg.TrustedProxies), VisitorTTL: cfg.FormExpiry, Now: a.now, Logger: log})
	w.mounts["GET /{$}"] = h
	w.mounts["/webchat/"] = h
	w.runners = append(w.runners, func(ctx context.Context) error {
		hub.Poll(ctx, a.store, webPoll, a.now, log)
		return nil
	})
	w.webChat = true
	return nil
}

// chatURL is the address to open the web chat at: localhost when the
// server listens on every interface.
func chatURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() || ip.IsLoopback() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

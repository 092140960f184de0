// Command sakebot runs the Sake model recruiting bot: the HTTP server for
// LINE, Slack and the admin page, and the operator's subcommands (chat, ask,
// migrate, faq, applications, forget).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout)
	stop()
	if err != nil {
		var ue usageError
		if !errors.As(err, &ue) {
			fmt.Fprintln(os.Stderr, "sakebot: "+err.Error())
		} else {
			fmt.Fprintln(os.Stderr, "sakebot: "+ue.Error()+" (see sakebot --help)")
		}
		os.Exit(1)
	}
}

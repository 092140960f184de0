package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/sakemodel/sakebot/handlers/line"
)

func runLINE(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "line", "line richmenu\n\nCreates the default rich menu (よくある質問 / 応募する / 説明会・面談の予約 / 担当者と話す / 応募状況) with its image\nand makes it every user's default; running it again replaces the previous one.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "richmenu" {
		fs.Usage()
		return usageError{"line needs 'richmenu'"}
	}
	if e.cfg.LINEToken == "" {
		return errors.New("LINE_CHANNEL_ACCESS_TOKEN is not set")
	}
	c, err := line.NewClient(lineConfig(e.cfg, e.now))
	if err != nil {
		return err
	}
	id, err := c.InstallRichMenu()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rich menu %s is now the default\n", id)
	return nil
}

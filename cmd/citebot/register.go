package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/citebot/citebot/bot"
	"github.com/citebot/citebot/config"
)

const registerUsage = `Usage: citebot register

Bulk-overwrites the application's slash commands with citebot's, using
DISCORD_TOKEN: in the server DISCORD_GUILD_ID when it is set (instant; for
development), else globally (may take up to an hour to appear). Never both.

Flags:
`

func runRegister(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fset := flag.NewFlagSet("register", flag.ContinueOnError)
	guild := fset.String("guild", cfg.Discord.GuildID, "register in this server only (env DISCORD_GUILD_ID)")
	pos, err := parseFlags(fset, args, registerUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("register: unexpected argument %q", pos[0])
	}
	if cfg.Discord.Token == "" {
		return usagef("register: DISCORD_TOKEN is required (Bot page of the application)")
	}
	s, err := bot.NewSession(cfg.Discord.Token, nil)
	if err != nil {
		return err
	}
	cmds, err := bot.Register(ctx, s, cfg.Discord.AppID, *guild)
	if err != nil {
		return err
	}
	scope := "globally"
	if *guild != "" {
		scope = "in guild " + *guild
	}
	fmt.Fprintf(std.out, "Registered %d commands %s.\n", len(cmds), scope)
	return nil
}

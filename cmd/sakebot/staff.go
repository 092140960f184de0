package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/internal/password"
)

const staffUsage = `staff add --email E --name N [--role admin|recruiter|viewer] [--slack U…]
staff list
staff disable EMAIL
staff reset-password EMAIL

Manages the admin page's staff accounts: add creates one (the first 管理者
this way), reset-password recovers access and ends the account's sessions.
The password is read from the terminal without echo (twice), or as the
first line of stdin when it is not a terminal:
  printf '%%s\n' "$PASSWORD" | sakebot staff add --email sato@example.jp --name '佐藤 花子' --role admin`

func runStaff(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintf(e.stdout, staffUsage+"\n")
		return usageError{"staff needs add, list, disable or reset-password"}
	}
	switch args[0] {
	case "add":
		return staffAdd(ctx, e, args[1:])
	case "list":
		return staffList(ctx, e)
	case "disable", "reset-password":
		if len(args) != 2 || strings.TrimSpace(args[1]) == "" {
			return usageError{"staff " + args[0] + " needs the account's EMAIL"}
		}
		if args[0] == "disable" {
			return staffDisable(ctx, e, args[1])
		}
		return staffResetPassword(ctx, e, args[1])
	case "-h", "--help", "help":
		fmt.Fprintf(e.stdout, staffUsage+"\n")
		return nil
	}
	return usageError{fmt.Sprintf("unknown staff command %q (use add, list, disable or reset-password)", args[0])}
}

func staffAdd(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("staff add", flag.ContinueOnError)
	fs.SetOutput(e.stdout)
	email := fs.String("email", "", "the login e-mail")
	name := fs.String("name", "", "the staff member's name")
	role := fs.String("role", "admin", "admin (管理者), recruiter (採用担当) or viewer (閲覧)")
	slack := fs.String("slack", "", "their Slack member id (optional)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	st := bot.Staff{Email: strings.ToLower(strings.TrimSpace(*email)), Name: strings.TrimSpace(*name),
		Role: bot.StaffRole(*role), SlackUserID: strings.TrimSpace(*slack)}
	switch {
	case !strings.Contains(st.Email, "@"):
		return usageError{"staff add needs --email (the login)"}
	case st.Name == "":
		return usageError{"staff add needs --name"}
	case !st.Role.Valid():
		return usageError{fmt.Sprintf("unknown role %q (use admin, recruiter or viewer)", *role)}
	}
	hash, err := readPassword(e)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.store.CreateStaff(ctx, &st, hash, "cli"); errors.Is(err, bot.ErrConflict) {
		return fmt.Errorf("an account with the e-mail %s (or the Slack id) exists already", st.Email)
	} else if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added %s (%s, %s): sign in at /admin/login\n", st.Email, st.Name, st.Role.Label())
	return nil
}

func staffList(ctx context.Context, e *env) error {
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	list, err := a.store.ListStaff(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "EMAIL\tNAME\tROLE\tSLACK\tSTATE")
	for _, st := range list {
		state := "enabled"
		if st.Disabled {
			state = "disabled"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", st.Email, st.Name, st.Role, st.SlackUserID, state)
	}
	return w.Flush()
}

func staffDisable(ctx context.Context, e *env, email string) error {
	return withStaff(ctx, e, email, func(a *app, st bot.Staff) error {
		st.Disabled = true
		if err := a.store.UpdateStaff(ctx, st, "cli"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "disabled %s; its sessions have ended\n", st.Email)
		return nil
	})
}

func staffResetPassword(ctx context.Context, e *env, email string) error {
	hash, err := readPassword(e)
	if err != nil {
		return err
	}
	return withStaff(ctx, e, email, func(a *app, st bot.Staff) error {
		if err := a.store.SetStaffPassword(ctx, st.ID, hash, "", "cli"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "set a new password for %s; its sessions have ended\n", st.Email)
		return nil
	})
}

// withStaff runs fn on the account of email, or says there is none.
func withStaff(ctx context.Context, e *env, email string, fn func(*app, bot.Staff) error) error {
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	st, _, err := a.store.StaffByEmail(ctx, email)
	if errors.Is(err, bot.ErrNotFound) {
		return fmt.Errorf("no staff account with the e-mail %s (see sakebot staff list)", strings.TrimSpace(email))
	}
	if err != nil {
		return err
	}
	return fn(a, st)
}

// readPassword reads a new password, from the terminal without echo
// (typed twice) or as stdin's first line, and returns its hash.
func readPassword(e *env) (string, error) {
	var pw string
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		first, err := promptPassword(e, f, "Password (12 characters or more): ")
		if err != nil {
			return "", err
		}
		again, err := promptPassword(e, f, "Again: ")
		if err != nil {
			return "", err
		}
		if first != again {
			return "", errors.New("the two passwords differ")
		}
		pw = first
	} else {
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", errors.New("no password on stdin (give it as the first line)")
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	hash, err := password.Hash(pw)
	if errors.Is(err, password.ErrTooShort) || errors.Is(err, password.ErrTooLong) {
		return "", fmt.Errorf("the password must have %d characters or more and at most %d bytes", password.MinChars, password.MaxBytes)
	}
	return hash, err
}

func promptPassword(e *env, f *os.File, prompt string) (string, error) {
	fmt.Fprint(e.stdout, prompt)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stdout)
	return string(b), err
}

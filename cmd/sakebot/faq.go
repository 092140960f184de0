package main

import (
	"context"
	"fmt"
	"os"

	"github.com/sakemodel/sakebot/faqfile"
)

func runFAQ(ctx context.Context, e *env, args []string) error {
	const usage = "faq export [FILE] | faq import FILE\n\nexport writes every FAQ entry as YAML (to FILE, or stdout);\nimport validates FILE, then creates or replaces its entries in one transaction."
	fs := newFlags(e.stdout, "faq", usage)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() >= 1 && fs.Arg(0) == "export" && fs.NArg() <= 2:
		return faqExport(ctx, e, fs.Arg(1))
	case fs.NArg() == 2 && fs.Arg(0) == "import":
		return faqImport(ctx, e, fs.Arg(1))
	}
	fs.Usage()
	return usageError{"faq needs 'export [FILE]' or 'import FILE'"}
}

func faqExport(ctx context.Context, e *env, path string) error {
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	faqs, err := a.store.ListFAQs(ctx)
	if err != nil {
		return err
	}
	if path == "" || path == "-" {
		return faqfile.Encode(e.stdout, faqs)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := faqfile.Encode(f, faqs); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "exported %d entries to %s\n", len(faqs), path)
	return nil
}

func faqImport(ctx context.Context, e *env, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	faqs, err := faqfile.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.store.ImportFAQs(ctx, faqs, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d entries from %s\n", len(faqs), path)
	return nil
}

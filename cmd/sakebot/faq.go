package main

import (
	"context"
	"fmt"
	"os"

	"github.com/sakemodel/sakebot/faqfile"
)

func runFAQ(ctx context.Context, e *env, args []string) error {
	const usage = "faq export [FILE] | faq import FILE\n\nexport writes every FAQ entry and concept (synonym group) as YAML (to FILE, or stdout);\nimport validates FILE, then creates or replaces its entries and concepts in one transaction."
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
	concepts, err := a.store.ListConcepts(ctx)
	if err != nil {
		return err
	}
	file := faqfile.File{FAQs: faqs, Concepts: concepts}
	if path == "" || path == "-" {
		return faqfile.EncodeFile(e.stdout, file)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := faqfile.EncodeFile(f, file); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "exported %d entries and %d concepts to %s\n", len(faqs), len(concepts), path)
	return nil
}

func faqImport(ctx context.Context, e *env, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	file, err := faqfile.DecodeFile(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.store.ImportFAQFile(ctx, file.FAQs, file.Concepts, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d entries and %d concepts from %s\n", len(file.FAQs), len(file.Concepts), path)
	return nil
}

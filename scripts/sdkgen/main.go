// Command sdkgen writes the Node.js and Python SDKs of a Pulumi package schema with the codegen of the
// Pulumi CLI (pkg/v3): what `pulumi package gen-sdk` does, without the language hosts it needs.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <out-dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return err
	}
	for _, language := range []string{"nodejs", "python"} {
		// Each generator records its language's settings on the package: each gets a fresh binding.
		pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
		if err != nil {
			return err
		}
		if diags.HasErrors() {
			return diags
		}
		var files map[string][]byte
		if language == "nodejs" {
			files, err = nodejs.GeneratePackage("sdkgen", pkg, nil, nil, false, nil)
		} else {
			files, err = python.GeneratePackage("sdkgen", pkg, nil, nil)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", language, err)
		}
		for name, content := range files {
			path := filepath.Join(out, language, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

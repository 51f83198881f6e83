#!/usr/bin/env bash
# Prints the path of a usable `pulumi` CLI, building a pinned release from Go modules if needed.
#
#   scripts/ensure-pulumi.sh            # progress on stderr, the binary's path on stdout
#   PULUMI_CLI=/path/to/pulumi ...      # use this binary, build nothing
#
# Order: $PULUMI_CLI, then `pulumi` on PATH, then the cached build, then a fresh build.
# The cache lives in $PULUMI_CAMS_CACHE (default: .cache/ in the repo, ignored by git).
set -euo pipefail

PULUMI_VERSION="${PULUMI_CAMS_CLI_VERSION:-v3.259.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${PULUMI_CAMS_CACHE:-$root/.cache}"
out="$cache/pulumi-cli/$PULUMI_VERSION"
bin="$out/bin/pulumi"

say() { printf '[ensure-pulumi] %s\n' "$*" >&2; }

if [[ -n "${PULUMI_CLI:-}" ]]; then
  [[ -x "$PULUMI_CLI" ]] || { say "PULUMI_CLI=$PULUMI_CLI is not an executable file"; exit 1; }
  echo "$PULUMI_CLI"; exit 0
fi
if [[ "${PULUMI_CAMS_BUILD_CLI:-}" != "1" ]] && command -v pulumi >/dev/null 2>&1; then
  command -v pulumi; exit 0
fi
# The official CLI ships the Node.js dynamic provider host next to `pulumi`, where the engine
# looks for bundled plugins. The shim only starts the host script of the program's @pulumi/pulumi.
install_nodejs_provider_shim() {
  local shim="$out/bin/pulumi-resource-pulumi-nodejs"
  cat >"$shim" <<'SHIM'
#!/bin/sh
script=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || exit 1
exec node "$script" "$@"
SHIM
  chmod +x "$shim"
}

if [[ -x "$bin" ]]; then
  [[ -x "$out/bin/pulumi-resource-pulumi-nodejs" ]] || install_nodejs_provider_shim
  echo "$bin"; exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<'EOF'
[ensure-pulumi] No `pulumi` CLI on PATH and no Go toolchain to build one.
  Install the Pulumi CLI (https://www.pulumi.com/docs/install/) and put it on PATH,
  or install Go 1.25+ so this script can build it from Go modules,
  or point PULUMI_CLI at an existing binary.
EOF
  exit 1
fi

# The CLI's own go.mod has `replace` lines, so `go install pkg@version` refuses it; a tiny
# wrapper module that requires pkg/v3 and sdk/v3 at the same version builds it instead.
work="$out/src"
mkdir -p "$work" "$out/bin"
cat >"$work/go.mod" <<EOF
module pulumi-cams/pulumi-cli

go 1.25

require (
	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION
)

// Mirrors the CLI's own replace line (Go ignores replace lines of dependencies).
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e

// pkg/v3 v3.259.0 pins an untagged gocloud.dev commit the module proxy does not serve;
// the next tagged release contains it.
replace gocloud.dev v0.46.1-0.20260810195832-b5401c07b5f1 => gocloud.dev v0.47.0
EOF
cat >"$work/tools.go" <<'EOF'
//go:build tools

// Package tools pins the Pulumi CLI's main package so `go mod tidy` keeps its dependencies.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
EOF

started=$(date +%s)
say "building the Pulumi CLI $PULUMI_VERSION from Go modules into $out (first run takes several minutes)"
say "step 1/2: resolving and downloading modules"
(cd "$work" && GOFLAGS=-mod=mod go mod tidy -e >&2 && GOFLAGS=-mod=mod go mod download >&2)
say "step 2/2: compiling (go build -tags osusergo,grpcnotrace)"
(cd "$work" && GOFLAGS=-mod=mod go build -tags "osusergo,grpcnotrace" \
  -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
  -o "$bin.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2)
mv "$bin.tmp" "$bin"
install_nodejs_provider_shim
say "built $("$bin" version) in $(( $(date +%s) - started ))s"
echo "$bin"

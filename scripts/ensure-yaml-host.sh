#!/usr/bin/env bash
# Prints the path of a usable Pulumi YAML language host (`pulumi-language-yaml`), building a
# pinned release from Go modules if needed.
#
#   scripts/ensure-yaml-host.sh            # progress on stderr, the binary's path on stdout
#   PULUMI_YAML_HOST=/path/to/host ...     # use this binary, build nothing
#
# Order: $PULUMI_YAML_HOST, then `pulumi-language-yaml` on PATH, then the cached build, then a
# fresh build. The cache lives in $PULUMI_CAMS_CACHE (default: .cache/ in the repo, ignored by git).
set -euo pipefail

YAML_VERSION="${PULUMI_CAMS_YAML_VERSION:-v1.25.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${PULUMI_CAMS_CACHE:-$root/.cache}"
out="$cache/pulumi-language-yaml/$YAML_VERSION"
bin="$out/bin/pulumi-language-yaml"

say() { printf '[ensure-yaml-host] %s\n' "$*" >&2; }

if [[ -n "${PULUMI_YAML_HOST:-}" ]]; then
  [[ -x "$PULUMI_YAML_HOST" ]] || { say "PULUMI_YAML_HOST=$PULUMI_YAML_HOST is not an executable file"; exit 1; }
  echo "$PULUMI_YAML_HOST"; exit 0
fi
if [[ "${PULUMI_CAMS_BUILD_CLI:-}" != "1" ]] && command -v pulumi-language-yaml >/dev/null 2>&1; then
  command -v pulumi-language-yaml; exit 0
fi
if [[ -x "$bin" ]]; then
  echo "$bin"; exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<'EOF2'
[ensure-yaml-host] No `pulumi-language-yaml` on PATH and no Go toolchain to build one.
  Install the Pulumi CLI's official release (it bundles the YAML host) and put it on PATH,
  or install Go 1.25+ so this script can build it from Go modules,
  or point PULUMI_YAML_HOST at an existing binary.
EOF2
  exit 1
fi

# `go install module@version` builds with pulumi-yaml's own go.mod as the main module: its
# pinned pkg/v3 is the one it compiles with (the CLI's newer pkg/v3 does not), and nothing of
# the CLI's wrapper module leaks in.
started=$(date +%s)
say "building pulumi-language-yaml $YAML_VERSION from Go modules into $out (first run takes minutes)"
mkdir -p "$out/bin"
tmp="$(mktemp -d "$out/gobin.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" GOFLAGS=-mod=mod go install \
  -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION" \
  "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION" >&2
mv "$tmp/pulumi-language-yaml" "$bin"
say "built pulumi-language-yaml $YAML_VERSION in $(( $(date +%s) - started ))s"
echo "$bin"

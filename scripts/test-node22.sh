#!/usr/bin/env bash
# Runs the test suite (scripts/test.sh) on Node 22 with the newest @pulumi/pulumi, in a scratch
# copy of the work tree, to check the versions docs/supported-versions.md promises.
#
#   scripts/test-node22.sh                  # everything
#   scripts/test-node22.sh tests/e2e        # one folder or file, as with npm test
#   PULUMI_CAMS_PULUMI_VERSION=3.268.0 scripts/test-node22.sh   # another @pulumi/pulumi
#   PULUMI_CAMS_CLI_VERSION=v3.274.1 PULUMI_CAMS_BUILD_CLI=1 scripts/test-node22.sh   # a Pulumi CLI built from Go modules (.ci/run does)
#
# Node comes from the `node` npm package (the binary ships inside it) into $PULUMI_CAMS_CACHE/node22; the copy
# is .work/node22/repo. git ignores both. The Pulumi CLI built in $PULUMI_CAMS_CACHE (default .cache/) is reused.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PULUMI_CAMS_CACHE="${PULUMI_CAMS_CACHE:-$root/.cache}"
pulumi_version="${PULUMI_CAMS_PULUMI_VERSION:-latest}"
node_dir="$PULUMI_CAMS_CACHE/node22"
copy="$root/.work/node22/repo"

say() { printf '[test-node22] %s\n' "$*" >&2; }

node22="$node_dir/node_modules/.bin/node"
if [[ ! -x "$node22" || "$("$node22" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "22" ]]; then
  say "installing Node 22 (npm package \"node\") into $node_dir"
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund node@22 >&2
fi
# npm, npx, ts-node, mocha and the provider host all run on the first node on PATH.
export PATH="$node_dir/node_modules/.bin:$PATH"
say "node $(node --version)"

say "copying the work tree (tracked and new files, not ignored ones) to $copy"
rm -rf "$copy"
mkdir -p "$copy"
# --ignore-failed-read: a tracked file deleted in the work tree is simply not copied.
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null --verbatim-files-from -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$copy"

cd "$copy"
say "installing the locked dependencies, then @pulumi/pulumi@$pulumi_version"
npm ci --no-audit --no-fund >&2
npm install --no-save --no-audit --no-fund "@pulumi/pulumi@$pulumi_version" >&2
# scripts/link-self.js links only inside a git checkout; the copy is none.
ln -sfn .. node_modules/pulumi-cams
cli="$(bash scripts/ensure-pulumi.sh)"
say "testing with node $(node --version), @pulumi/pulumi $(node -p 'require("@pulumi/pulumi/package.json").version'), Pulumi CLI $("$cli" version) ($cli)"
exec bash scripts/test.sh "$@"

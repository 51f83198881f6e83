#!/usr/bin/env bash
# Builds the provider plugin archive `pulumi-resource-cams-v<version>.tar.gz`, installable with
#   pulumi plugin install resource cams <version> --file <archive>
# It holds the compiled provider, its production node_modules (with @pulumi/pulumi, which the npm
# package takes as a peer) and a launcher `pulumi-resource-cams`: Node.js 20+ must be on PATH.
#
#   scripts/build-plugin-archive.sh [out-dir]     # default out-dir: .work/plugin; prints the archive's path
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$root/.work/plugin}" && cd "${1:-$root/.work/plugin}" && pwd)"
say() { printf '[plugin-archive] %s\n' "$*" >&2; }

[[ -f "$root/dist/provider/plugin/main.js" ]] || { say "building (tsc)"; (cd "$root" && npx tsc -p tsconfig.json); }
version="$(node -p "require('$root/package.json').version")"
# A staging folder of its own, so builds running at once never share one.
stage="$(mktemp -d "$out/stage-v$version.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dist"
(cd "$root/dist" && find provider -name '*.js' -exec cp --parents {} "$stage/dist" \;)

# The archive's package.json: the npm package's runtime dependencies, plus the SDK it serves with.
node - "$root/package.json" "$stage/package.json" <<'JS'
const [from, to] = process.argv.slice(2);
const pkg = require(from);
const sdk = pkg.devDependencies["@pulumi/pulumi"];
const { name, version, description, license } = pkg;
const plugin = { name, version, description, license, private: true, dependencies: { ...pkg.dependencies, "@pulumi/pulumi": sdk } };
require("fs").writeFileSync(to, JSON.stringify(plugin, null, 2) + "\n");
JS
say "installing production dependencies (from npm's cache when it has them)"
(cd "$stage" && npm install --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error >&2)

cat >"$stage/pulumi-resource-cams" <<'SH'
#!/bin/sh
# The CAMS provider plugin's launcher: the engine runs it; it needs Node.js 20+ on PATH.
command -v node >/dev/null 2>&1 || { echo "pulumi-resource-cams needs Node.js 20+ on PATH" >&2; exit 1; }
exec node "$(dirname "$0")/dist/provider/plugin/main.js" "$@"
SH
chmod +x "$stage/pulumi-resource-cams"

archive="$out/pulumi-resource-cams-v$version.tar.gz"
tar -czf "$archive.$$" -C "$stage" . && mv "$archive.$$" "$archive"
say "built $archive ($(du -h "$archive" | cut -f1))"
echo "$archive"

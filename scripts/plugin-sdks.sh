#!/usr/bin/env bash
# Generates the plugin's Node.js and Python SDKs from the schema the plugin serves, then checks that
# the Node.js SDK type-checks (tsc) and the Python SDK compiles (python3 -m compileall).
#
#   scripts/plugin-sdks.sh [out-dir]      # default .work/sdks; nothing generated is committed
#
# `pulumi package gen-sdk` needs pulumi-language-nodejs and pulumi-language-python, which a CLI built
# from Go modules lacks (the module proxy does not serve them); scripts/sdkgen runs the same codegen
# of pkg/v3, built once into $PULUMI_CAMS_CACHE like the CLI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${PULUMI_CAMS_CACHE:-$root/.cache}"
version="${PULUMI_CAMS_CLI_VERSION:-v3.259.0}"
out="$(mkdir -p "${1:-$root/.work/sdks}" && cd "${1:-$root/.work/sdks}" && pwd)"
tool="$cache/sdkgen/$version/bin/sdkgen"
say() { printf '[plugin-sdks] %s\n' "$*" >&2; }

if [[ ! -x "$tool" || "$root/scripts/sdkgen/main.go" -nt "$tool" ]]; then
  say "building sdkgen against pkg/v3 $version into $cache/sdkgen (once)"
  work="$cache/sdkgen/$version/src"
  mkdir -p "$work" "$(dirname "$tool")"
  cp "$root/scripts/sdkgen/main.go" "$work/main.go"
  cat >"$work/go.mod" <<GOMOD
module pulumi-cams/sdkgen

go 1.25

require github.com/pulumi/pulumi/pkg/v3 $version

// The same replace lines as the CLI's wrapper module (scripts/ensure-pulumi.sh explains them).
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e

replace gocloud.dev v0.46.1-0.20260810195832-b5401c07b5f1 => gocloud.dev v0.47.0
GOMOD
  (cd "$work" && GOFLAGS=-mod=mod go mod tidy >&2 && GOFLAGS=-mod=mod go build -tags "osusergo,grpcnotrace" -o "$tool" . >&2)
fi

[[ -f "$root/dist/provider/plugin/schema.js" ]] || (cd "$root" && npx tsc -p tsconfig.json)
rm -rf "$out/nodejs" "$out/python"
node -e 'const [schema, version] = [require(process.argv[1]), require(process.argv[2]).version];
  process.stdout.write(JSON.stringify(schema.packageSchema(version), null, 2))' \
  "$root/dist/provider/plugin/schema.js" "$root/package.json" >"$out/schema.json"
"$tool" "$out/schema.json" "$out"
say "generated $out/nodejs and $out/python from $out/schema.json"

# The SDK resolves @pulumi/pulumi from the repository's node_modules when it lies inside the repository.
(cd "$root" && npx tsc --noEmit -p "$out/nodejs/tsconfig.json")
say "Node.js SDK type-checks"
python3 -m compileall -q "$out/python"
say "Python SDK compiles"

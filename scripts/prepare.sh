#!/usr/bin/env bash
# Shared first steps of the demo and the test command: install what is missing, link the package
# to itself (programs resolve it by name), type-check and build, and provide the Pulumi CLI.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules/@pulumi/pulumi ]] || npm ci --no-audit --no-fund
node scripts/link-self.js
echo "[prepare] type-checking and building (tsc)"
npx tsc -p tsconfig.json
echo "[prepare] providing the Pulumi CLI"
bash scripts/ensure-pulumi.sh >/dev/null

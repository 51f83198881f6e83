#!/usr/bin/env bash
# The test command (`npm test`): installs what is missing, type-checks and builds everything
# (examples included), provides the Pulumi CLI, then runs every suite: unit, emulator,
# provider against the emulator, and end-to-end under the real Pulumi engine.
#   npm test                      # everything
#   npm test -- tests/provider    # one folder or file
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules/@pulumi/pulumi ]] || npm ci --no-audit --no-fund
node scripts/link-self.js
echo "[test] type-checking and building (tsc)"
npx tsc -p tsconfig.json
echo "[test] providing the Pulumi CLI"
bash scripts/ensure-pulumi.sh >/dev/null

if [[ $# -gt 0 ]]; then
  exec npx mocha "$@"
fi
exec npx mocha 'tests/**/*.test.ts'

#!/usr/bin/env bash
# The test command (`npm test`): prepares (install, build with the examples type-checked, Pulumi
# CLI), then runs every suite: unit, emulator, provider against the emulator, and end-to-end
# under the real Pulumi engine.
#   npm test                      # everything
#   npm test -- tests/provider    # one folder or file
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh

if [[ $# -gt 0 ]]; then
  exec npx mocha "$@"
fi
exec npx mocha 'tests/**/*.test.ts'

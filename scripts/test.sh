#!/usr/bin/env bash
# The test command (`npm test`): prepares (install, build with the examples type-checked, Pulumi
# CLI, the YAML language host), then runs every suite: unit, emulator, provider against the emulator,
# the provider plugin, and end-to-end under the real Pulumi engine.
#   npm test                      # everything
#   npm test -- tests/provider    # one folder or file
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
echo "[test] providing the Pulumi YAML language host (examples/yaml under the provider plugin)"
bash scripts/ensure-yaml-host.sh >/dev/null

if [[ $# -gt 0 ]]; then
  exec npx mocha "$@"
fi
exec npx mocha 'tests/**/*.test.ts'

#!/usr/bin/env bash
# The main job (`npm run demo`): installs what is missing, builds, provides the Pulumi CLI,
# starts the embedded CAMS emulator and runs `pulumi up` of examples/basic on a local backend.
#   npm run demo                                   # up; prints the deep link and saves the QR image
#   npm run demo -- preview --message "New text"   # preview a change (shows the invalidation warning)
#   npm run demo -- destroy                        # tear the demo down
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules/@pulumi/pulumi ]] || npm ci --no-audit --no-fund
node scripts/link-self.js
echo "[demo] building (tsc)"
npx tsc -p tsconfig.json
bash scripts/ensure-pulumi.sh >/dev/null
exec node dist/scripts/demo.js "$@"

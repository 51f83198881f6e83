#!/usr/bin/env bash
# The main job (`npm run demo`): prepares (install, build, Pulumi CLI), starts the embedded CAMS
# emulator and runs `pulumi up` of examples/basic on a local file backend.
#   npm run demo                                   # up; prints the deep link and saves the QR image
#   npm run demo -- preview --message "New text"   # preview a change (shows the invalidation warning)
#   npm run demo -- destroy                        # tear the demo down
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
exec node dist/scripts/demo.js "$@"

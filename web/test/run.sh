#!/usr/bin/env bash
# Run the browser test against web/dist (build it first with web/build.sh).
# Installs Debian's chromium if missing and playwright-core from npm (never a browser download).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -d node_modules/playwright-core ] || npm install --silent --no-audit --no-fund >/dev/null
node test.mjs ../dist "${1:-${CARGO_TARGET_DIR:-$HOME/.cache/architects-audit/target}/ci-artifacts}"

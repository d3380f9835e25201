#!/usr/bin/env bash
# Write the class report page for each hand-made class (tests/fixtures/class, and
# tests/fixtures/designs with whole designs) and check it in Debian's headless chromium. Usage: web/test/class_html.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/architects-audit/target}"
out="${1:-$CARGO_TARGET_DIR/ci-artifacts}"
mkdir -p "$out"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -d node_modules/playwright-core ] || npm install --silent --no-audit --no-fund >/dev/null
(cd ../.. && cargo build --release --locked --bin architects-audit)
bin="$CARGO_TARGET_DIR/release/architects-audit"
# The fixture class has two unreadable entries on purpose; the command still succeeds.
for class in class designs; do
  "$bin" class-report "../../tests/fixtures/$class" --html "$out/$class-report.html" >"$out/$class-report.json" 2>/dev/null
  students="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["n_students"])' "$out/$class-report.json")"
  node class_html.mjs "$out/$class-report.html" "$students" "$out/$class-report.png"
done

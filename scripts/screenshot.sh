#!/usr/bin/env bash
# Start the game (the release build the tests share) under Xvfb with Mesa's software Vulkan renderer (llvmpipe) and save a PNG of
# its window. Usage: scripts/screenshot.sh [OUT.png] [extra game args...]
# Needs: xvfb, mesa-vulkan-drivers (Debian). Checks the PNG shows the four tier colours.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots/scene.png}"
shift || true
mkdir -p "$(dirname "$out")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/architects-audit/target}"
cargo build --release --locked --bin architects-audit
bin="$CARGO_TARGET_DIR/release/architects-audit"
rm -f "$out"
# A private X display; -nolisten tcp keeps it local.
display=":$((90 + RANDOM % 100))"
# The screen holds the largest window asked for (4K).
Xvfb "$display" -screen 0 3840x2160x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
# A throw-away progress store, so screenshots never touch a real student's ledger.
data_dir="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$data_dir"' EXIT
DISPLAY="$display" WAYLAND_DISPLAY= WGPU_BACKEND=vulkan XDG_RUNTIME_DIR="$data_dir" ARCHITECTS_AUDIT_DATA_DIR="$data_dir" \
  timeout 180 "$bin" --screenshot "$out" "$@"
# The screenshot is written asynchronously; give it a moment.
for _ in $(seq 1 20); do [ -s "$out" ] && break; sleep 0.5; done
[ -s "$out" ] || { echo "no screenshot written to $out" >&2; exit 1; }
python3 scripts/check_png.py "$out"
echo "screenshot: $out"

#!/usr/bin/env bash
# Frame rate of the game under Mesa's software Vulkan renderer (llvmpipe), as a school laptop
# without a GPU driver runs it. Usage: scripts/fps.sh MARKER [WxH] [SECONDS] [extra game args...]
# (MARKER as for --goto: intro, act2-pass, act2-fail, ...). Mesa's overlay layer writes the
# frame rate it measures each half second; the first third of the run (start-up) is dropped.
# Needs: xvfb, mesa-vulkan-drivers (Debian). Not a test: a measurement, run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
marker="${1:?usage: scripts/fps.sh MARKER [WxH] [SECONDS] [extra game args...]}"
res="${2:-1366x768}"
secs="${3:-30}"
shift $(( $# < 3 ? $# : 3 ))
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/architects-audit/target}"
cargo build --release --locked --bin architects-audit
bin="$CARGO_TARGET_DIR/release/architects-audit"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 3840x2160x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
work="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
csv="$work/fps.csv"
# The game exits when the time is up; timeout's status is expected.
DISPLAY="$display" WAYLAND_DISPLAY= WGPU_BACKEND=vulkan XDG_RUNTIME_DIR="$work" ARCHITECTS_AUDIT_DATA_DIR="$work" \
  VK_INSTANCE_LAYERS=VK_LAYER_MESA_overlay VK_LAYER_MESA_OVERLAY_CONFIG="output_file=$csv,fps" \
  timeout "$secs" "$bin" --goto "$marker" --resolution "$res" "$@" >/dev/null 2>&1 || true
python3 - "$csv" "$marker" "$res" <<'PY'
import sys
path, marker, res = sys.argv[1:]
lines = [l for l in open(path).read().splitlines()[1:] if l.strip()]
fps = [float(l.split(",")[2]) for l in lines]
fps = fps[len(fps) // 3:]
if not fps:
    sys.exit(f"no frame rates written to {path}")
print(f"{marker} at {res}: mean {sum(fps) / len(fps):.1f} frames/s "
      f"(min {min(fps):.1f}, max {max(fps):.1f}, {len(fps)} samples)")
PY

#!/usr/bin/env bash
# The screenshot test: at three points of the demo script (Act I's report card, Act II
# failing, Act II passing), in both colour profiles, and the class view on the projector,
# capture the window and check it (not blank; each tier node shows its colour). Usage: scripts/screenshots.sh OUT_DIR [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/screenshots.sh OUT_DIR [WxH]}"
res="${2:-1920x1080}"
mkdir -p "$out"
for profile in default projector; do
  for point in act1-report act2-fail act2-pass; do
    bash scripts/screenshot.sh "$out/$point-$profile.png" --goto "$point" --profile "$profile" --resolution "$res"
  done
done
# The instructor's class view over the hand-made class, on the projector.
bash scripts/screenshot.sh "$out/class-projector.png" --class tests/fixtures/class --profile projector --resolution "$res"
echo "screenshots in $out"

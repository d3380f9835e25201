#!/usr/bin/env bash
# The screenshot test: every phase of the lab (the demo script's markers), in both colour
# profiles, captured and checked (not blank; each tier node shows the colour the game's
# sidecar names). Usage: scripts/screenshots.sh OUT_DIR [WxH]
# With WxH: that size only, as OUT_DIR/PHASE-PROFILE.png. Without: 1366x768 and 1920x1080 in
# OUT_DIR/WxH/, one phase at 3840x2160 with UI scale 2, the views the markers leave closed
# (--show), every phase in Spanish and Chinese at 1366x768, and the class view on the projector.
# Exits non-zero as soon as one check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/screenshots.sh OUT_DIR [WxH]}"
phases="intro act1-lock act1-report act2-brief act2-fail act2-pass act2-reveal"
shoot_all() { # DIR WxH
  mkdir -p "$1"
  for profile in default projector; do
    for phase in $phases; do
      bash scripts/screenshot.sh "$1/$phase-$profile.png" --goto "$phase" --profile "$profile" --resolution "$2"
    done
  done
}
if [ -n "${2:-}" ]; then
  shoot_all "$out" "$2"
else
  for res in 1366x768 1920x1080; do
    shoot_all "$out/$res" "$res"
  done
  mkdir -p "$out/3840x2160"
  bash scripts/screenshot.sh "$out/3840x2160/act2-pass-projector.png" --goto act2-pass --profile projector --resolution 3840x2160 --scale 2
  # What the demo's markers leave closed, at the commonest laptop size: the reveal's worked
  # examples open, the live instruments under dynamic batching, the brief on an empty ledger.
  for profile in default projector; do
    bash scripts/screenshot.sh "$out/1366x768/act2-reveal-peek-$profile.png" --goto act2-reveal --show peek --profile "$profile" --resolution 1366x768
    bash scripts/screenshot.sh "$out/1366x768/act2-fail-instruments-$profile.png" --goto act2-fail --show instruments --profile "$profile" --resolution 1366x768
    bash scripts/screenshot.sh "$out/1366x768/act2-brief-own-ledger-$profile.png" --goto act2-brief --show own-ledger --profile "$profile" --resolution 1366x768
  done
  # Every phase in Spanish and in Chinese at the commonest laptop size.
  for lang in es zh-CN; do
    mkdir -p "$out/1366x768-$lang"
    for phase in $phases; do
      bash scripts/screenshot.sh "$out/1366x768-$lang/$phase.png" --goto "$phase" --lang "$lang" --resolution 1366x768
    done
  done
  # The instructor's class view over the hand-made class, on the projector; then stepped to a
  # student whose design failed two checks, drawn in the world.
  bash scripts/screenshot.sh "$out/1920x1080/class-projector.png" --class tests/fixtures/class --profile projector --resolution 1920x1080
  bash scripts/screenshot.sh "$out/1920x1080/class-student-design-projector.png" --class tests/fixtures/designs --select 3 --profile projector --resolution 1920x1080
fi
echo "screenshots in $out"

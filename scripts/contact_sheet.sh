#!/usr/bin/env bash
# The contact sheet: every phase at every window size a student has (laptops, full HD, 4K, an
# 800x600 iframe, tablets both ways and a phone), taken with scripts/screenshot.sh and laid out
# one sheet a size, the phases left to right, in docs/screenshots/contact/WxH.jpg.
# Usage: scripts/contact_sheet.sh [OUT_DIR] [extra game args, e.g. --profile projector]
# Needs: xvfb, mesa-vulkan-drivers (Debian), python3-pil. Takes about ten seconds a shot.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots/contact}"
shift || true
mkdir -p "$out"
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
markers=(intro act1-lock act1-report act2-brief act2-fail act2-pass act2-submit act2-reveal)
# SIZES="390x844 800x600" takes only those.
read -r -a sizes <<< "${SIZES:-1280x720 1366x768 1920x1080 3840x2160 800x600 1024x768 768x1024 390x844}"
for size in "${sizes[@]}"; do
  # Tablets and phones are touch screens: their controls are a finger tall.
  touch=()
  case "$size" in 1024x768 | 768x1024 | 390x844) touch=(--touch) ;; esac
  for m in "${markers[@]}"; do
    # The submit dialog is modal: it dims the world, so its shot fails the tier-colour check
    # by design; it must still be taken.
    scripts/screenshot.sh "$shots/$size-$m.png" --goto "$m" --resolution "$size" ${touch[@]+"${touch[@]}"} "$@" >/dev/null 2>&1 \
      || { [ "$m" = act2-submit ] && [ -s "$shots/$size-$m.png" ]; } \
      || { echo "screenshot $size $m failed" >&2; exit 1; }
  done
done
python3 - "$shots" "$out" "${sizes[@]}" -- "${markers[@]}" <<'PY'
import sys
from PIL import Image, ImageDraw

shots, out = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
sizes, markers = rest[: rest.index("--")], rest[rest.index("--") + 1 :]
for size in sizes:
    w, h = (int(v) for v in size.split("x"))
    # Each shot as large as fits a sheet about 2400 pixels wide, four to a row.
    cols = 4
    k = min(1.0, 2400 / (cols * w))
    tw, th = int(w * k), int(h * k)
    label = 28
    rows = (len(markers) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * tw, rows * (th + label)), (15, 23, 42))
    draw = ImageDraw.Draw(sheet)
    for i, m in enumerate(markers):
        img = Image.open(f"{shots}/{size}-{m}.png").convert("RGB").resize((tw, th), Image.LANCZOS)
        x, y = (i % cols) * tw, (i // cols) * (th + label)
        draw.text((x + 8, y + 6), f"{m} · {size}", fill=(226, 232, 240))
        sheet.paste(img, (x, y + label))
    sheet.save(f"{out}/{size}.jpg", quality=82, optimize=True)
    print(f"{out}/{size}.jpg")
PY

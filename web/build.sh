#!/usr/bin/env bash
# Build the WebGL version into web/dist/ (deployable as static files).
# Usage: web/build.sh            (needs Rust, the wasm32 target, Node.js/npm)
# Installs wasm-bindgen-cli at the version in Cargo.lock and binaryen (wasm-opt) from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/architects-audit/target}"
t0=$SECONDS

rustup target add wasm32-unknown-unknown >/dev/null
wbg_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$wbg_version" ]; then
  echo "installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi
tools="$(pwd)/web/.tools"
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund binaryen@132 >/dev/null)
fi

echo "building wasm (profile wasm-release)"
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown --bin architects-audit
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/architects-audit.wasm"

rm -rf web/dist
mkdir -p web/dist
wasm-bindgen --target web --no-typescript --out-dir web/dist --out-name architects-audit "$wasm"
raw="web/dist/architects-audit_bg.wasm"
echo "after wasm-bindgen: $(stat -c %s "$raw") bytes"
# wasm-opt takes minutes: keep its output keyed by the input's hash, so an unchanged build
# (e.g. CI right after a local build) reuses it.
level="${WASM_OPT_LEVEL:--Oz}"
cache="$CARGO_TARGET_DIR/wasm-opt-cache"
mkdir -p "$cache"
key="$(sha256sum "$raw" | cut -c1-32)$level"
if [ "$level" = "none" ]; then
  echo "wasm-opt skipped (WASM_OPT_LEVEL=none)"
elif [ -f "$cache/$key.wasm" ]; then
  echo "wasm-opt $level: cached"
  cp "$cache/$key.wasm" "$raw"
else
  echo "running wasm-opt $level (slow)"
  "$tools/node_modules/.bin/wasm-opt" "$level" --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$raw" -o "$raw.opt"
  mv "$raw.opt" "$raw"
  find "$cache" -name '*.wasm' -mtime +7 -delete 2>/dev/null || true
  cp "$raw" "$cache/$key.wasm"
fi
size=$(stat -c %s "$raw")
# The page shows download progress against the wasm's size, written in here: a compressed
# response hides it.
sed "s/__WASM_BYTES__/$size/" web/index.html > web/dist/index.html
# The Chinese font, fetched by the page only when a student chooses Chinese.
mkdir -p web/dist/fonts
cp assets/fonts/NotoSansSC-Regular.subset.otf assets/fonts/NotoSansSC-LICENSE.txt assets/fonts/OFL.txt web/dist/fonts/
# Precompressed copies for static hosts that serve them (see the README's deployment note).
node -e '
const fs = require("fs"), zlib = require("zlib");
for (const f of process.argv.slice(1)) {
  const data = fs.readFileSync(f);
  fs.writeFileSync(f + ".br", zlib.brotliCompressSync(data, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  fs.writeFileSync(f + ".gz", zlib.gzipSync(data, { level: 9 }));
}' "$raw" web/dist/architects-audit.js web/dist/fonts/NotoSansSC-Regular.subset.otf
for f in web/dist/*.* web/dist/fonts/*; do
  printf '%12d  %s\n' "$(stat -c %s "$f")" "$f"
done
br=$(stat -c %s "$raw.br")
gz=$(stat -c %s "$raw.gz")
echo "wasm size: $size bytes raw ($(awk "BEGIN{printf \"%.1f\", $size/1048576}") MiB), $br bytes brotli, $gz bytes gzip"
# The budget: what a student downloads before the first frame.
budget_raw=14000000
budget_br=4000000
if [ "$size" -gt "$budget_raw" ] || [ "$br" -gt "$budget_br" ]; then
  echo "OVER the web budget: $size raw (budget $budget_raw), $br brotli (budget $budget_br)" >&2
  # WEB_BUDGET=warn builds anyway, e.g. to measure what pushed it over.
  [ "${WEB_BUDGET:-enforce}" = "warn" ] || exit 1
else
  echo "within the web budget ($budget_raw raw, $budget_br brotli)"
fi
cjk=web/dist/fonts/NotoSansSC-Regular.subset.otf
echo "the Chinese font, fetched only when Chinese is chosen: $(stat -c %s "$cjk") bytes raw, $(stat -c %s "$cjk.br") brotli"
echo "web/dist ready in $((SECONDS - t0)) s; serve it with any static server, e.g. python3 -m http.server -d web/dist"

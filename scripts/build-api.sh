#!/usr/bin/env bash
# Build kpiform's JavaScript API (crates/wasm) into an ES module + wasm package:
#
#   bash scripts/build-api.sh [OUT]      (default: dist/api)
#
# OUT then holds kpiform.js, kpiform_bg.wasm, kpiform.d.ts (TypeScript declarations),
# package.json and index.html, a small example page that uses the API. Serve OUT (or dist/) from
# any static server; the module loads nothing from outside. Run scripts/setup.sh once before.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
OUT="${1:-dist/api}"

cargo build -p kpiform-wasm --target wasm32-unknown-unknown --release --locked
mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$OUT" --out-name kpiform target/wasm32-unknown-unknown/release/kpiform_wasm.wasm
# The features rustc enables by default, which the stripped module no longer names (see index.html).
wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$OUT/kpiform_bg.wasm" -o "$OUT/kpiform_bg.wasm"
cp site/api/example.html "$OUT/index.html"
cp site/api/example.js "$OUT/example.js"
version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
cat >"$OUT/package.json" <<JSON
{
  "name": "kpiform",
  "version": "$version",
  "description": "Check 绩效目标申报表 (budget performance-target declaration forms) in the browser",
  "type": "module",
  "main": "kpiform.js",
  "types": "kpiform.d.ts",
  "files": ["kpiform.js", "kpiform_bg.wasm", "kpiform.d.ts"]
}
JSON
for f in "$OUT"/kpiform_bg.wasm "$OUT"/kpiform.js; do
  printf '    %-36s %8d bytes, %8d gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done

#!/usr/bin/env bash
# Build everything there is to deploy, into dist/:
#   dist/             the page (trunk build --release), for any static web server
#   dist/kpiform.html the same page in one self-contained file, to open by double-click (file://)
#   dist/api/         the JavaScript API (ES module + wasm + TypeScript declarations) and its example
# Run scripts/setup.sh once before.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
trunk build --release
python3 scripts/single_file.py dist
bash scripts/build-api.sh dist/api

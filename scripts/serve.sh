#!/usr/bin/env bash
# Build the kpiform page in release mode and serve dist/ on http://127.0.0.1:${PORT:-8080}/.
#
#   PORT=9000 bash scripts/serve.sh
#
# dist/ is a plain static folder: any web server can serve it, under any path, as long as it sends
# .wasm files as application/wasm (python's http.server does; IIS needs a MIME map entry).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
# Leptos' type-erased views for the wasm build: the same page, about 65 KB (gzipped) smaller.
# (Set here because Trunk cannot pass rustflags; a root .cargo/config.toml could carry it instead.)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:---cfg erase_components}"

echo "==> trunk build --release"
trunk build --release

echo "==> serving $ROOT/dist"
echo
echo "    http://127.0.0.1:$PORT/"
echo
echo "    (Ctrl-C stops the server)"
# Started after the build and with --directory: a server started inside the old dist/ would keep
# serving the deleted folder.
exec python3 -m http.server --bind 127.0.0.1 --directory "$ROOT/dist" "$PORT"

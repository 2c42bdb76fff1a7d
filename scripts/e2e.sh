#!/usr/bin/env bash
# End-to-end tests of the kpiform page: build it in release mode, serve dist/ on a free local port,
# drive Debian's Chromium with playwright-core (tests/e2e/*.test.mjs, Node's test runner), stop the
# server, exit with the tests' status. Run scripts/setup.sh once before.
#
# Non-interactive: works with CI=true and no TTY. Screenshots go to tests/e2e/artifacts/.
# KPIFORM_UPDATE_SCREENSHOT=1 also copies the corpus 000 screenshot to docs/screenshot.png.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
# Leptos' type-erased views for the wasm build: the same page, about 65 KB (gzipped) smaller.
# (Set here because Trunk cannot pass rustflags; a root .cargo/config.toml could carry it instead.)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:---cfg erase_components}"

for tool in trunk wasm-bindgen wasm-opt node python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "e2e: $tool not found; run scripts/setup.sh first" >&2
    exit 1
  fi
done
if [[ ! -d tests/e2e/node_modules/playwright-core ]]; then
  echo "e2e: tests/e2e/node_modules missing; run scripts/setup.sh first" >&2
  exit 1
fi

ARTIFACTS="$ROOT/tests/e2e/artifacts"
mkdir -p "$ARTIFACTS"

echo "==> trunk build --release"
start=$(date +%s)
trunk build --release
echo "==> built in $(($(date +%s) - start)) s"
for f in dist/*.wasm dist/*.js; do
  printf '    %-48s %8d bytes, %8d gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# After the build, with --directory: trunk replaces dist/ and a server inside the old one would
# keep serving the deleted folder.
python3 -m http.server --bind 127.0.0.1 --directory "$ROOT/dist" "$PORT" >"$ARTIFACTS/server.log" 2>&1 &
SERVER_PID=$!
# The same build under a sub-path, as on an intranet server: a copy of dist/ at /tools/kpiform/.
SUBROOT="$(mktemp -d)"
mkdir -p "$SUBROOT/tools"
cp -r "$ROOT/dist" "$SUBROOT/tools/kpiform"
SUBPORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server --bind 127.0.0.1 --directory "$SUBROOT" "$SUBPORT" >"$ARTIFACTS/server-subpath.log" 2>&1 &
SUB_PID=$!
cleanup() {
  kill "$SERVER_PID" "$SUB_PID" 2>/dev/null || true
  wait "$SERVER_PID" "$SUB_PID" 2>/dev/null || true
  rm -rf "$SUBROOT"
}
trap cleanup EXIT

URL="http://127.0.0.1:$PORT/"
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$URL" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the static server died:" >&2
    cat "$ARTIFACTS/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "==> serving dist/ on $URL"
SUBURL="http://127.0.0.1:$SUBPORT/tools/kpiform/"
for _ in $(seq 1 50); do
  python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$SUBURL" 2>/dev/null && break
  sleep 0.1
done
echo "==> serving a copy under a sub-path on $SUBURL"

echo "==> node --test tests/e2e/"
status=0
KPIFORM_URL="$URL" KPIFORM_SUBPATH_URL="$SUBURL" node --test tests/e2e/ || status=$?
echo "==> e2e tests exit status: $status (screenshots in tests/e2e/artifacts/)"
exit "$status"

#!/usr/bin/env bash
# End-to-end tests of the single-file page and of the JavaScript API's example page. Run after
# scripts/e2e.sh (which builds dist/ in release mode): builds dist/kpiform.html and dist/api/,
# serves dist/ on a free local port, runs tests/e2e-dist with Node's test runner.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
[[ -f dist/index.html ]] || trunk build --release
python3 scripts/single_file.py dist
bash scripts/build-api.sh dist/api
mkdir -p tests/e2e/artifacts
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server --bind 127.0.0.1 --directory "$ROOT/dist" "$PORT" >tests/e2e/artifacts/dist-server.log 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$PORT/" 2>/dev/null && break
  sleep 0.1
done
KPIFORM_DIST="$ROOT/dist" KPIFORM_URL="http://127.0.0.1:$PORT/" node --test tests/e2e-dist/

#!/usr/bin/env bash
# Install what building and testing the kpiform page needs. Idempotent: every step checks first
# and only acts when something is missing or has the wrong version.
#
#   - the wasm32-unknown-unknown Rust target
#   - trunk 0.21 (0.22 needs a newer rustc than ours)
#   - wasm-bindgen-cli, exactly the version of the `wasm-bindgen` crate in Cargo.lock
#   - wasm-opt from the npm package `binaryen` under .tools/ (never Debian's binaryen: version 108
#     builds a module that fails in the browser)
#   - Chromium (Debian's) and CJK fonts for the end-to-end tests and screenshots
#   - the npm packages of tests/e2e (playwright-core; it downloads no browser)
#   - a Python virtual environment with the readers of the export tests (tests/exports)
#
# `cargo xtask serve` and `cargo xtask test` run it first; every `cargo xtask` task (crates/xtask)
# puts ~/.cargo/bin and .tools/node_modules/.bin first on PATH the same way.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_REQ="^0.21"
TRUNK_MINOR="0.21."
BINARYEN_VERSION="132.0.0"
WASM_OPT_VERSION="132"

export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate exactly; read the version from Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [[ -z "$WASM_BINDGEN_VERSION" ]]; then
  echo "setup: cannot find the wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi

# Root on a fresh machine; use sudo only when needed and available.
as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root for: $*" >&2
    return 1
  fi
}

say "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "    already installed"
else
  rustup target add wasm32-unknown-unknown
fi

say "trunk $TRUNK_REQ"
if command -v trunk >/dev/null && trunk --version | grep -q "trunk $TRUNK_MINOR"; then
  echo "    $(trunk --version) already installed"
else
  echo "    installing (about 6 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_REQ"
fi

say "wasm-bindgen-cli $WASM_BINDGEN_VERSION (must equal the wasm-bindgen crate)"
if command -v wasm-bindgen >/dev/null && [[ "$(wasm-bindgen --version)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  echo "    already installed"
else
  # Not --locked: one of its locked dependency versions is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

say "wasm-opt $WASM_OPT_VERSION (npm package binaryen@$BINARYEN_VERSION in .tools/)"
WASM_OPT="$ROOT/.tools/node_modules/.bin/wasm-opt"
if [[ -x "$WASM_OPT" ]] && "$WASM_OPT" --version | grep -q "version $WASM_OPT_VERSION"; then
  echo "    already installed"
else
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi
if [[ "$(command -v wasm-opt)" != "$WASM_OPT" ]]; then
  echo "setup: another wasm-opt comes first on PATH: $(command -v wasm-opt)" >&2
  exit 1
fi
if [[ -x /usr/bin/wasm-opt ]]; then
  echo "    note: /usr/bin/wasm-opt (Debian's binaryen) exists; cargo xtask puts .tools/ first on PATH"
fi

say "Chromium"
if [[ -x /usr/bin/chromium ]]; then
  echo "    $(/usr/bin/chromium --version 2>/dev/null) already installed"
else
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

say "CJK fonts (for readable screenshots)"
if fc-list :lang=zh family 2>/dev/null | grep -q .; then
  echo "    already installed"
else
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-cjk
fi

say "npm packages of tests/e2e (playwright-core, as locked)"
want="$(node -p 'require("./tests/e2e/package-lock.json").packages["node_modules/playwright-core"].version')"
have="$(node -p 'require("./tests/e2e/node_modules/playwright-core/package.json").version' 2>/dev/null || true)"
if [[ "$have" == "$want" ]]; then
  echo "    playwright-core $have already installed"
else
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

say "Python readers for the export tests (jsonschema, openpyxl, python-docx) in .tools/venv"
if .tools/venv/bin/python -c 'import jsonschema, openpyxl, docx' 2>/dev/null; then
  echo "    already installed"
else
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install --quiet --disable-pip-version-check -r tests/exports/requirements.txt
fi

say "versions"
echo "    $(rustc --version)"
echo "    $(trunk --version)"
echo "    $(wasm-bindgen --version)"
echo "    $(wasm-opt --version) ($(command -v wasm-opt))"
echo "    node $(node --version), npm $(npm --version 2>/dev/null)"
echo "setup: done"

#!/usr/bin/env bash
# Run every test of kpiform: formatting, lints, the core and CLI tests (with the property tests
# of the parser for a bounded number of cases), then the page's end-to-end tests in Chromium
# against the release build. Installs what is missing first (scripts/setup.sh).
#
#   PROPTEST_CASES=N  cases per property test (default 2000; each case is fast)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
export PROPTEST_CASES="${PROPTEST_CASES:-2000}"

say() { printf '\n==> %s\n' "$*"; }

say "setup"
bash scripts/setup.sh

say "cargo fmt --check"
cargo fmt --all -- --check

say "clippy (native crates, all targets)"
cargo clippy -p kpiform-core -p kpiform-cli --all-targets --features kpiform-core/wire --locked -- -D warnings
say "clippy (page and JavaScript API, wasm32)"
cargo clippy -p kpiform-web -p kpiform-wasm --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

say "cargo test: core, CLI and the page's unit tests (PROPTEST_CASES=$PROPTEST_CASES)"
cargo test -p kpiform-core -p kpiform-cli -p kpiform-web --locked

say "JavaScript API in Node (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p kpiform-wasm --target wasm32-unknown-unknown --test api --locked

say "exports read back by standard readers (jsonschema, openpyxl, csv)"
cargo build -p kpiform-cli --locked
.tools/venv/bin/python -m unittest discover -s tests/exports -v

say "benchmarks build (timings are reported, never gated)"
cargo bench -p kpiform-core --no-run --locked

say "end-to-end tests of the page in Chromium"
bash scripts/e2e.sh

say "end-to-end tests of the single-file page and the JavaScript API's example"
bash scripts/e2e-dist.sh

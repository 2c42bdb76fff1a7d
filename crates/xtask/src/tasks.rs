//! The tasks that drive cargo, Trunk, wasm-bindgen, wasm-opt, Node and Python. They replace the
//! former shell scripts (test.sh, serve.sh, dist.sh, build-api.sh, e2e.sh, e2e-dist.sh) with the
//! same steps in the same order, the same environment variables and the same `==>` log lines.

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::proc::{
    code_of, copy_dir, env_or, files_ending, on_path, print_size, run, run_cmd, wait_for, Failed,
    Result, Server, TempDir,
};

/// A step of `test`: a blank line, then `==> what`.
fn say(what: &str) {
    println!("\n==> {what}");
}

/// `bash scripts/setup.sh`: installs what is missing (idempotent; it stays a shell script since
/// it runs apt, npm and cargo install).
fn setup() -> Result {
    run("bash", &["scripts/setup.sh"])
}

/// Builds the page in release mode into dist/ (Trunk reads Trunk.toml and index.html).
fn trunk_build() -> Result {
    run("trunk", &["build", "--release"])
}

/// `cargo xtask serve`: set up, build the page, serve dist/ on http://127.0.0.1:$PORT/.
///
/// dist/ is a plain static folder: any web server can serve it, under any path, as long as it
/// sends .wasm files as application/wasm (python's http.server does; IIS needs a MIME map entry).
pub fn serve(root: &Path) -> Result {
    let port = env_or("PORT", "8080").to_string_lossy().into_owned();
    setup()?;
    println!("==> trunk build --release");
    trunk_build()?;
    let dist = root.join("dist");
    println!("==> serving {}", dist.display());
    println!();
    println!("    http://127.0.0.1:{port}/");
    println!();
    println!("    (Ctrl-C stops the server)");
    // Started after the build and with --directory: a server started inside the old dist/ would
    // keep serving the deleted folder. The server replaces this process, so Ctrl-C reaches it.
    let mut server = Command::new("python3");
    server
        .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
        .arg(&dist)
        .arg(&port);
    let error = server.exec();
    Err(Failed::new(format!(
        "cannot start python3 -m http.server: {error}"
    )))
}

/// `cargo xtask test`: every test of kpiform. Formatting, lints, the core and CLI tests (with the
/// property tests of the parser for a bounded number of cases), the JavaScript API in Node, the
/// exports read back by standard readers, the benchmarks' build, then the page's end-to-end
/// tests in Chromium against the release build. Installs what is missing first.
///
/// `PROPTEST_CASES=N`: cases per property test (default 2000; each case is fast).
pub fn test(root: &Path) -> Result {
    let cases = env_or("PROPTEST_CASES", "2000");
    std::env::set_var("PROPTEST_CASES", &cases);

    say("setup");
    setup()?;

    say("cargo fmt --check");
    run("cargo", &["fmt", "--all", "--", "--check"])?;

    say("clippy (native crates, testkit and xtask, all targets)");
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "kpiform-core",
            "-p",
            "kpiform-import",
            "-p",
            "kpiform-cli",
            "-p",
            "kpiform-testkit",
            "-p",
            "xtask",
            "--all-targets",
            "--features",
            "kpiform-core/wire",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    say("clippy (page and JavaScript API, wasm32)");
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "kpiform-web",
            "-p",
            "kpiform-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;

    say(&format!(
        "cargo test: core, import, CLI, the page's, testkit's and xtask's unit tests (PROPTEST_CASES={})",
        cases.to_string_lossy()
    ));
    run(
        "cargo",
        &[
            "test",
            "-p",
            "kpiform-core",
            "-p",
            "kpiform-import",
            "-p",
            "kpiform-cli",
            "-p",
            "kpiform-web",
            "-p",
            "kpiform-testkit",
            "-p",
            "xtask",
            "--locked",
        ],
    )?;

    say("JavaScript API in Node (wasm-bindgen-test)");
    run_cmd(
        Command::new("cargo")
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .args([
                "test",
                "-p",
                "kpiform-wasm",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "api",
                "--locked",
            ]),
    )?;

    say("exports read back by standard readers (jsonschema, openpyxl, csv)");
    run("cargo", &["build", "-p", "kpiform-cli", "--locked"])?;
    run(
        ".tools/venv/bin/python",
        &["-m", "unittest", "discover", "-s", "tests/exports", "-v"],
    )?;

    say("benchmarks build (timings are reported, never gated)");
    run(
        "cargo",
        &["bench", "-p", "kpiform-core", "--no-run", "--locked"],
    )?;

    say("end-to-end tests of the page in Chromium");
    e2e_page(root)?;

    say("end-to-end tests of the single-file page and the JavaScript API's example");
    e2e_dist(root)
}

/// `cargo xtask dist`: everything there is to deploy, into dist/:
///   dist/             the page (trunk build --release), for any static web server
///   dist/kpiform.html the same page in one self-contained file, to open by double-click (file://)
///   dist/api/         the JavaScript API (ES module + wasm + TypeScript declarations), example
/// Run scripts/setup.sh once before (`serve` and `test` do).
pub fn dist(root: &Path) -> Result {
    trunk_build()?;
    single_file()?;
    api(root, Path::new("dist/api"))
}

/// dist/kpiform.html from dist/ (scripts/single_file.py).
fn single_file() -> Result {
    run("python3", &["scripts/single_file.py", "dist"])
}

/// `wasm-opt -Oz` in place, with the features rustc enables by default, which the stripped module
/// no longer names (see site/api/example.html and index.html).
fn wasm_opt(wasm: &Path) -> Result {
    run_cmd(
        Command::new("wasm-opt")
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-bulk-memory-opt",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
    )
}

/// `cargo xtask checker [DIR]`: the page's other two modules into DIR (default: Trunk's staging
/// directory, `$TRUNK_STAGING_DIR`; Trunk.toml runs this after each build), both crates/web with
/// one feature alone:
/// - the checker (feature `checker`): the core's check and exports behind the worker's entry
///   points, no view. The checking worker runs it, and the page when it must check itself, so
///   the page's own module (feature `page`) is smaller;
/// - the importer (feature `importer`): kpiform-import behind two entry points, loaded by the page
///   when a file is first opened or a table first pasted.
///
/// Each is written as NAME-HASH.js and NAME-HASH_bg.wasm (HASH: of the wasm, so a new build is
/// never mixed with a cached one), their names handed to site/boot.js in DIR/index.html
/// (data-checker-js, data-checker-wasm, data-importer-js, data-importer-wasm on its script tag).
pub fn checker(dir: Option<&Path>) -> Result {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .map(std::path::PathBuf::from)
            .ok_or_else(|| Failed::new("checker: no DIR and no TRUNK_STAGING_DIR"))?,
    };
    let mut attrs = String::new();
    let mut sizes = Vec::new();
    for name in ["checker", "importer"] {
        let (js_name, wasm_name) = module(&dir, name)?;
        attrs.push_str(&format!(
            " data-{name}-js=\"./{js_name}\" data-{name}-wasm=\"./{wasm_name}\""
        ));
        sizes.push(dir.join(wasm_name));
    }
    let index = dir.join("index.html");
    let page = fs::read_to_string(&index)
        .map_err(|e| Failed::new(format!("cannot read {}: {e}", index.display())))?;
    const BOOT: &str = "data-kpiform-boot";
    if page.matches(BOOT).count() != 1 {
        return Err(Failed::new(format!(
            "{}: expected one script tag with {BOOT}",
            index.display()
        )));
    }
    let page = page.replacen(BOOT, &format!("{BOOT}{attrs}"), 1);
    fs::write(&index, page)
        .map_err(|e| Failed::new(format!("cannot write {}: {e}", index.display())))?;
    for wasm in sizes {
        print_size(&wasm, 48)?;
    }
    Ok(())
}

/// Build crates/web with feature `name` alone into DIR as NAME-HASH.js and NAME-HASH_bg.wasm;
/// returns the two file names.
fn module(dir: &Path, name: &str) -> Result<(String, String)> {
    say(&format!("the {name} module (crates/web, feature {name})"));
    run(
        "cargo",
        &[
            "build",
            "-p",
            "kpiform-web",
            "--bin",
            "kpiform-web",
            "--target",
            "wasm32-unknown-unknown",
            "--release",
            "--no-default-features",
            "--features",
            name,
            // Apart from the page's build, which Trunk makes with other features; the two
            // modules share their dependencies' builds.
            "--target-dir",
            "target/checker",
            "--locked",
        ],
    )?;
    let tmp = dir.join(format!(".{name}"));
    run_cmd(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&tmp)
            .args(["--out-name", name])
            .arg("target/checker/wasm32-unknown-unknown/release/kpiform-web.wasm"),
    )?;
    let wasm = tmp.join(format!("{name}_bg.wasm"));
    wasm_opt(&wasm)?;
    let bytes =
        fs::read(&wasm).map_err(|e| Failed::new(format!("cannot read {}: {e}", wasm.display())))?;
    let hash = format!("{:016x}", fnv1a(&bytes));
    let js_name = format!("{name}-{hash}.js");
    let wasm_name = format!("{name}-{hash}_bg.wasm");
    let moved = fs::rename(tmp.join(format!("{name}.js")), dir.join(&js_name))
        .and_then(|()| fs::rename(&wasm, dir.join(&wasm_name)))
        .and_then(|()| fs::remove_dir_all(&tmp));
    moved.map_err(|e| {
        Failed::new(format!(
            "cannot move the {name} module into {}: {e}",
            dir.display()
        ))
    })?;
    Ok((js_name, wasm_name))
}

/// FNV-1a, 64 bits: a content hash for file names (no crate needed).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// `cargo xtask api [OUT]`: kpiform's JavaScript API (crates/wasm) as an ES module + wasm
/// package. OUT (default dist/api, relative to the workspace root) then holds kpiform.js,
/// kpiform_bg.wasm, kpiform.d.ts (TypeScript declarations), package.json and index.html, a small
/// example page that uses the API. Serve OUT (or dist/) from any static server; the module loads
/// nothing from outside. Run scripts/setup.sh once before.
pub fn api(root: &Path, out: &Path) -> Result {
    run(
        "cargo",
        &[
            "build",
            "-p",
            "kpiform-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--release",
            "--locked",
        ],
    )?;
    fs::create_dir_all(out)
        .map_err(|e| Failed::new(format!("cannot create {}: {e}", out.display())))?;
    run_cmd(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(out)
            .args(["--out-name", "kpiform"])
            .arg("target/wasm32-unknown-unknown/release/kpiform_wasm.wasm"),
    )?;
    let wasm = out.join("kpiform_bg.wasm");
    // The features rustc enables by default, which the stripped module no longer names (see
    // site/api/example.html).
    wasm_opt(&wasm)?;
    let copy = |from: &str, to: &str| {
        fs::copy(root.join(from), out.join(to))
            .map(drop)
            .map_err(|e| Failed::new(format!("cannot copy {from} to {}: {e}", out.display())))
    };
    copy("site/api/example.html", "index.html")?;
    copy("site/api/example.js", "example.js")?;
    // The workspace's version: xtask has `version.workspace = true`.
    let version = env!("CARGO_PKG_VERSION");
    let package = format!(
        r#"{{
  "name": "kpiform",
  "version": "{version}",
  "description": "Check 绩效目标申报表 (budget performance-target declaration forms) in the browser",
  "type": "module",
  "main": "kpiform.js",
  "types": "kpiform.d.ts",
  "files": ["kpiform.js", "kpiform_bg.wasm", "kpiform.d.ts"]
}}
"#
    );
    fs::write(out.join("package.json"), package)
        .map_err(|e| Failed::new(format!("cannot write {}/package.json: {e}", out.display())))?;
    print_size(&wasm, 36)?;
    print_size(&out.join("kpiform.js"), 36)
}

/// `cargo xtask e2e [page|dist]`: the page's end-to-end tests, then those of the single file and
/// the API's example page (both unless one is named).
pub fn e2e(root: &Path, page: bool, dist: bool) -> Result {
    if page {
        e2e_page(root)?;
    }
    if dist {
        e2e_dist(root)?;
    }
    Ok(())
}

/// End-to-end tests of the kpiform page: build it in release mode, serve dist/ on a free local
/// port (and a copy under a sub-path on another), drive Debian's Chromium with playwright-core
/// (tests/e2e/*.test.mjs, Node's test runner), stop the servers, fail with the tests' status.
///
/// Non-interactive: works with CI=true and no TTY. Screenshots go to tests/e2e/artifacts/.
/// KPIFORM_UPDATE_SCREENSHOT=1 also copies the corpus 000 screenshot to docs/screenshot.png.
fn e2e_page(root: &Path) -> Result {
    for tool in ["trunk", "wasm-bindgen", "wasm-opt", "node", "python3"] {
        if !on_path(tool) {
            return Err(Failed::new(format!(
                "e2e: {tool} not found; run scripts/setup.sh first"
            )));
        }
    }
    if !root.join("tests/e2e/node_modules/playwright-core").is_dir() {
        return Err(Failed::new(
            "e2e: tests/e2e/node_modules missing; run scripts/setup.sh first",
        ));
    }
    let artifacts = root.join("tests/e2e/artifacts");
    fs::create_dir_all(&artifacts)
        .map_err(|e| Failed::new(format!("cannot create {}: {e}", artifacts.display())))?;

    println!("==> trunk build --release");
    let start = Instant::now();
    trunk_build()?;
    println!("==> built in {} s", start.elapsed().as_secs());
    let dist = Path::new("dist");
    for f in files_ending(dist, ".wasm")?
        .into_iter()
        .chain(files_ending(dist, ".js")?)
    {
        print_size(&f, 48)?;
    }

    let port = crate::proc::free_port()?;
    let dist = root.join("dist");
    let mut server = Server::start(&dist, port, &artifacts.join("server.log"))?;
    // The same build under a sub-path, as on an intranet server: a copy of dist/ at /tools/kpiform/.
    let subroot = TempDir::new("kpiform-e2e")?;
    let copied = fs::create_dir(subroot.path().join("tools"))
        .and_then(|()| copy_dir(&dist, &subroot.path().join("tools/kpiform")));
    copied.map_err(|e| Failed::new(format!("cannot copy dist/ to a sub-path: {e}")))?;
    let subport = crate::proc::free_port()?;
    let _subserver = Server::start(
        subroot.path(),
        subport,
        &artifacts.join("server-subpath.log"),
    )?;

    let url = format!("http://127.0.0.1:{port}/");
    if wait_for(port, "/", Some(&mut server)).is_err() {
        eprintln!("e2e: the static server died:");
        eprint!(
            "{}",
            fs::read_to_string(artifacts.join("server.log")).unwrap_or_default()
        );
        return Err(Failed {
            code: 1,
            message: None,
        });
    }
    println!("==> serving dist/ on {url}");
    let suburl = format!("http://127.0.0.1:{subport}/tools/kpiform/");
    wait_for(subport, "/tools/kpiform/", None)?;
    println!("==> serving a copy under a sub-path on {suburl}");

    println!("==> node --test tests/e2e/");
    let status = Command::new("node")
        .args(["--test", "tests/e2e/"])
        .env("KPIFORM_URL", &url)
        .env("KPIFORM_SUBPATH_URL", &suburl)
        .status()
        .map_err(|e| Failed::new(format!("cannot run node: {e}")))?;
    let code = code_of(status);
    println!("==> e2e tests exit status: {code} (screenshots in tests/e2e/artifacts/)");
    if code == 0 {
        Ok(())
    } else {
        Err(Failed {
            code,
            message: None,
        })
    }
}

/// End-to-end tests of the single-file page and of the JavaScript API's example page. Run after
/// the page's (which build dist/ in release mode): builds dist/kpiform.html and dist/api/, serves
/// dist/ on a free local port, runs tests/e2e-dist with Node's test runner.
fn e2e_dist(root: &Path) -> Result {
    if !root.join("dist/index.html").is_file() {
        trunk_build()?;
    }
    single_file()?;
    api(root, Path::new("dist/api"))?;
    let artifacts = root.join("tests/e2e/artifacts");
    fs::create_dir_all(&artifacts)
        .map_err(|e| Failed::new(format!("cannot create {}: {e}", artifacts.display())))?;
    let port = crate::proc::free_port()?;
    let dist = root.join("dist");
    let _server = Server::start(&dist, port, &artifacts.join("dist-server.log"))?;
    wait_for(port, "/", None)?;
    run_cmd(
        Command::new("node")
            .args(["--test", "tests/e2e-dist/"])
            .env("KPIFORM_DIST", &dist)
            .env("KPIFORM_URL", format!("http://127.0.0.1:{port}/")),
    )
}

//! Batch benchmark: 10,000 forms generated from the corpus, checked by the release binary in
//! several layouts (many small files, few large ones). Reports forms per second and the peak
//! memory (VmHWM) of the process, sampled from /proc while it runs.
//!
//!     cargo build --profile release-native -p kpiform-cli
//!     cargo run --profile release-native -p kpiform-cli --example batch_bench
use std::io::Write;
use std::time::{Duration, Instant};

use kpiform_testkit::TEXTS as CORPUS;

/// The text of every corpus form, one by one.
fn forms() -> Vec<String> {
    let mut out = Vec::new();
    for text in CORPUS {
        let doc = kpiform_core::parse(text);
        let starts: Vec<usize> = doc
            .forms
            .iter()
            .map(|f| f.span.start)
            .chain([text.len()])
            .collect();
        for w in starts.windows(2) {
            out.push(text[w[0]..w[1]].to_string());
        }
    }
    out
}

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn run(bin: &str, dir: &std::path::Path, format: &str) -> (Duration, u64) {
    let start = Instant::now();
    let mut child = std::process::Command::new(bin)
        .args(["check", "--format", format, dir.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run kpiform");
    let mut peak = 0;
    loop {
        if let Some(k) = peak_kib(child.id()) {
            peak = peak.max(k);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    (start.elapsed(), peak)
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bin = std::env::args().nth(1).unwrap_or_else(|| {
        root.join("target/release-native/kpiform")
            .to_string_lossy()
            .into_owned()
    });
    let forms = forms();
    let total = 10_000;
    println!(
        "{} corpus forms, generating {total}; binary {bin}",
        forms.len()
    );
    for (files, per_file) in [(10usize, 1000usize), (100, 100), (1000, 10), (10_000, 1)] {
        let dir = tempfile::tempdir().unwrap();
        let mut n = 0;
        for f in 0..files {
            let mut file = std::fs::File::create(dir.path().join(format!("{f:05}.txt"))).unwrap();
            for _ in 0..per_file {
                // A distinct code per generated form, so that no duplicate codes are reported.
                let form = forms[n % forms.len()].replacen("440", &format!("44{:01}", n % 10), 1);
                file.write_all(form.as_bytes()).unwrap();
                file.write_all(b"\n").unwrap();
                n += 1;
            }
        }
        for format in ["text", "json"] {
            let (t, kib) = run(&bin, dir.path(), format);
            println!(
                "{files:>6} files × {per_file:>4} forms, --format {format:<4}: {:>7.2} s, {:>8.0} forms/s, peak {:>6.1} MiB",
                t.as_secs_f64(),
                total as f64 / t.as_secs_f64(),
                kib as f64 / 1024.0
            );
        }
    }
}

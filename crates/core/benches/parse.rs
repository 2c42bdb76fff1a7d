//! Throughput on the whole corpus: parsing alone, checking (parse and every rule), and checking
//! with the JSON boundary. `cargo bench -p kpiform-core --bench parse`.
//!
//! **Line-scan baseline.** Next to `parse`, the groups `corpus` and `regions` each bench
//! `line-scan`: counting the lines of the same text with `memchr::memchr_iter(b'\n', ..).count()`,
//! about the cheapest pass over the bytes there is. Both have the same `Throughput::Bytes`, so
//! criterion reports both in bytes per second (criterion writes MiB/s, 2^20 bytes).
//!
//! - `corpus`: the four Shenzhen dumps of `tests/fixtures/corpus` joined by `\n` (the text the
//!   other `corpus/*` benches read);
//! - `regions`: every `tests/fixtures/regions/*.txt`, in file-name order, joined by `\n` into one
//!   text (one input, like the corpus; the files are small, 1–5 KB, and the parser meets a paste
//!   of several forms in real use too).
//!
//! **Summary.** Criterion hands no results back to the code, and its `target/criterion/*/new/
//! estimates.json` may be stale when a filter skipped a bench, so after the criterion groups the
//! binary measures the ratio itself, for each input: parse and line-scan are timed in batches
//! (each batch sized to take about 20 ms), alternately, for 11 rounds, and the fastest batch of
//! each counts (the minimum: another process can only make a batch slower, never faster). It
//! prints one line per input to stdout, e.g.
//!
//! ```text
//! summary corpus: 149079 bytes, parse 52.3 MB/s, line-scan 9876.5 MB/s, ratio 189 (parse time / line-scan time)
//! ```
//!
//! with MB = 10^6 bytes. Nothing is asserted on wall-clock time: the numbers are reported, never
//! gated. The summary is skipped in test mode (`-- --test`, `cargo test --benches`), with `--list`
//! and `--profile-time`, and for an input whose name no filter names (`-- wire/` runs none).

use criterion::{criterion_group, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};

use kpiform_testkit::TEXTS as CORPUS;

/// The folder of the region fixtures.
const REGIONS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/regions");

/// The corpus as the benches read it: the four files joined by `\n`.
fn corpus_text() -> String {
    CORPUS.join("\n")
}

/// Every region fixture (`*.txt`, not `INDEX.md`), in file-name order, joined by `\n`.
fn regions_text() -> String {
    let mut paths: Vec<_> = std::fs::read_dir(REGIONS_DIR)
        .expect("tests/fixtures/regions")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a region fixture"))
        .collect();
    texts.join("\n")
}

/// The baseline: one pass of `memchr` over the bytes, counting the line feeds.
fn line_scan(text: &str) -> usize {
    memchr::memchr_iter(b'\n', black_box(text.as_bytes())).count()
}

fn bench(c: &mut Criterion) {
    let all = corpus_text();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("parse", |b| b.iter(|| kpiform_core::parse(black_box(&all))));
    group.bench_function("line-scan", |b| b.iter(|| black_box(line_scan(&all))));
    group.bench_function("check", |b| {
        b.iter(|| kpiform_core::check(black_box(&all), &kpiform_core::Options::default()))
    });
    group.bench_function("check+json", |b| {
        b.iter(|| {
            let doc = kpiform_core::check(black_box(&all), &kpiform_core::Options::default());
            let input = kpiform_core::json::input(
                "corpus",
                &all,
                &doc,
                kpiform_core::Lang::Zh,
                &Default::default(),
            );
            serde_json::to_vec(&input).unwrap()
        })
    });
    group.finish();

    // A district's paste of about 5 MB (the corpus repeated): a full check, the incremental
    // check of a one-character edit in its middle (each iteration checks the other of the two
    // texts, so every one is an edit), and the line scan of the same text.
    let (big, edited) = kpiform_testkit::district();
    let mut group = c.benchmark_group("paste5mb");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("check", |b| {
        b.iter(|| kpiform_core::check(black_box(&big), &Default::default()))
    });
    let mut checker = kpiform_core::Checker::new(Default::default());
    checker.check(&big);
    let mut flip = false;
    group.bench_function("incremental", |b| {
        b.iter(|| {
            flip = !flip;
            let text = if flip { &edited } else { &big };
            black_box(checker.check(black_box(text)).1)
        })
    });
    group.bench_function("line-scan", |b| b.iter(|| black_box(line_scan(&big))));
    group.finish();

    let regions = regions_text();
    let mut group = c.benchmark_group("regions");
    group.throughput(Throughput::Bytes(regions.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| kpiform_core::parse(black_box(&regions)))
    });
    group.bench_function("line-scan", |b| b.iter(|| black_box(line_scan(&regions))));
    group.finish();

    // The page's worker hands the checked document to the main thread as bytes:
    // `cargo bench -p kpiform-core --features wire --bench parse -- wire/`.
    #[cfg(feature = "wire")]
    {
        let doc = kpiform_core::check(&all, &kpiform_core::Options::default());
        let bytes = kpiform_core::wire::to_bytes(&doc);
        let mut group = c.benchmark_group("wire");
        group.throughput(Throughput::Bytes(all.len() as u64));
        group.bench_function("encode", |b| {
            b.iter(|| kpiform_core::wire::to_bytes(black_box(&doc)))
        });
        group.bench_function("decode", |b| {
            b.iter(|| kpiform_core::wire::document_from_bytes(black_box(&bytes), &all).unwrap())
        });
        group.finish();
    }

    // Exporting the whole corpus (four inputs) in each format, checking included.
    let inputs: Vec<kpiform_core::export::Input> = CORPUS
        .iter()
        .map(|t| kpiform_core::export::Input {
            path: "corpus",
            text: t,
        })
        .collect();
    let options = kpiform_core::export::ExportOptions::default();
    let mut group = c.benchmark_group("export");
    group.throughput(Throughput::Bytes(all.len() as u64));
    for format in kpiform_core::export::Format::ALL {
        group.bench_function(format.as_str(), |b| {
            b.iter(|| kpiform_core::export::export(black_box(&inputs), format, &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);

/// Criterion's options that take a value (the value is no filter).
const VALUED: &[&str] = &[
    "-s",
    "--save-baseline",
    "-b",
    "--baseline",
    "--baseline-lenient",
    "--load-baseline",
    "-c",
    "--color",
    "--sample-size",
    "--warm-up-time",
    "--measurement-time",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--profile-time",
    "--format",
    "--output-format",
    "--plotting-backend",
];

/// Which inputs the summary measures, from the arguments criterion was given: none in test mode
/// (no `--bench`, or `--test`), with `--list` or `--profile-time`; otherwise those a filter names
/// (a filter is taken as a plain substring: the input's benches `<name>/parse` and
/// `<name>/line-scan` contain it, or it contains the input's name), or all when there is none.
fn summary_wanted(args: &[String], name: &str) -> bool {
    let flag = |f: &str| {
        args.iter()
            .any(|a| a == f || a.starts_with(&format!("{f}=")))
    };
    if !flag("--bench") || flag("--test") || flag("--list") || flag("--profile-time") {
        return false;
    }
    let mut filters = Vec::new();
    let mut skip = false;
    for a in args.iter().skip(1) {
        if skip {
            skip = false;
        } else if a.starts_with('-') {
            skip = VALUED.contains(&a.as_str());
        } else {
            filters.push(a.as_str());
        }
    }
    let ids = [format!("{name}/parse"), format!("{name}/line-scan")];
    filters.is_empty()
        || filters
            .iter()
            .any(|f| f.contains(name) || ids.iter().any(|id| id.contains(f)))
}

/// The time of `n` calls of `f`.
fn batch(f: &mut dyn FnMut(), n: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed()
}

/// How many calls of `f` take about `target` (at least one).
fn calibrate(f: &mut dyn FnMut(), target: Duration) -> u32 {
    let mut n = 1u32;
    loop {
        let t = batch(f, n);
        if t >= target || n >= 1 << 30 {
            return n;
        }
        // Aim at the target from this batch, at most 16 times more calls per step.
        let scale = (target.as_secs_f64() / t.as_secs_f64().max(1e-9)).clamp(2.0, 16.0);
        n = ((n as f64) * scale).ceil().min((1u32 << 30) as f64) as u32;
    }
}

/// Parse and line-scan of `text`, timed alternately; prints the summary line.
fn summary(name: &str, text: &str) {
    const ROUNDS: usize = 11;
    const TARGET: Duration = Duration::from_millis(20);
    let mut parse = || {
        black_box(kpiform_core::parse(black_box(text)));
    };
    let mut scan = || {
        black_box(line_scan(text));
    };
    let n_parse = calibrate(&mut parse, TARGET);
    let n_scan = calibrate(&mut scan, TARGET);
    let (mut best_parse, mut best_scan) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..ROUNDS {
        let t = batch(&mut parse, n_parse).as_secs_f64() / f64::from(n_parse);
        best_parse = best_parse.min(t);
        let t = batch(&mut scan, n_scan).as_secs_f64() / f64::from(n_scan);
        best_scan = best_scan.min(t);
    }
    let mb_s = |secs: f64| text.len() as f64 / secs / 1e6;
    println!(
        "summary {name}: {} bytes, parse {:.1} MB/s, line-scan {:.1} MB/s, ratio {:.0} \
         (parse time / line-scan time; fastest of {ROUNDS} alternate batches)",
        text.len(),
        mb_s(best_parse),
        mb_s(best_scan),
        best_parse / best_scan,
    );
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();

    let args: Vec<String> = std::env::args().collect();
    if summary_wanted(&args, "corpus") {
        summary("corpus", &corpus_text());
    }
    if summary_wanted(&args, "regions") {
        summary("regions", &regions_text());
    }
}

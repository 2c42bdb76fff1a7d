//! Throughput on the whole corpus: parsing alone, checking (parse and every rule), and checking
//! with the JSON boundary. `cargo bench -p kpiform-core --bench parse`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

use kpiform_testkit::TEXTS as CORPUS;

fn bench(c: &mut Criterion) {
    let all = CORPUS.join("\n");
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("parse", |b| b.iter(|| kpiform_core::parse(black_box(&all))));
    group.bench_function("check", |b| {
        b.iter(|| kpiform_core::check(black_box(&all), &kpiform_core::Options::default()))
    });
    group.bench_function("check+json", |b| {
        b.iter(|| {
            let doc = kpiform_core::check(black_box(&all), &kpiform_core::Options::default());
            let input = kpiform_core::json::input("corpus", &all, &doc, kpiform_core::Lang::Zh);
            serde_json::to_vec(&input).unwrap()
        })
    });
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
criterion_main!(benches);

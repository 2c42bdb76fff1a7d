//! A loop over the corpus for profilers: `valgrind --tool=callgrind target/release/examples/profile`.
//! `REGIONS=1`: over the region fixtures (tests/fixtures/regions) instead. `INCREMENTAL=1`: the
//! incremental check of a one-character edit in the middle of a 5 MB paste (the corpus repeated),
//! back and forth.
fn main() {
    let all = if std::env::var("REGIONS").is_ok() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/regions");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("tests/fixtures/regions")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a fixture"))
            .collect();
        texts.join("\n")
    } else {
        kpiform_testkit::corpus_all()
    };
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut rows = 0;
    if std::env::var("INCREMENTAL").is_ok() {
        let (big, edited) = kpiform_testkit::district();
        let mut checker = kpiform_core::Checker::new(Default::default());
        checker.check(&big);
        for i in 0..n {
            let text = if i % 2 == 0 { &edited } else { &big };
            rows += checker
                .check(std::hint::black_box(text))
                .0
                .indicator_count();
        }
        println!("{rows}");
        return;
    }
    for _ in 0..n {
        rows += if std::env::var("PARSE_ONLY").is_ok() {
            kpiform_core::parse(std::hint::black_box(&all)).indicator_count()
        } else {
            kpiform_core::check(std::hint::black_box(&all), &Default::default()).indicator_count()
        };
    }
    println!("{rows}");
}

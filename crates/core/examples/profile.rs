//! A loop over the corpus for profilers: `valgrind --tool=callgrind target/release/examples/profile`.
fn main() {
    let all = [
        include_str!("../../../tests/fixtures/corpus/000_9a8050d2e31200e0.txt"),
        include_str!("../../../tests/fixtures/corpus/001_8de26ab3fb50a26b.txt"),
        include_str!("../../../tests/fixtures/corpus/002_504b0ed3bb28be2b.txt"),
        include_str!("../../../tests/fixtures/corpus/003_d1b95c24a67cc619.txt"),
    ]
    .join("\n");
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut rows = 0;
    for _ in 0..n {
        rows += if std::env::var("PARSE_ONLY").is_ok() {
            kpiform_core::parse(std::hint::black_box(&all)).indicator_count()
        } else {
            kpiform_core::check(std::hint::black_box(&all), &Default::default()).indicator_count()
        };
    }
    println!("{rows}");
}

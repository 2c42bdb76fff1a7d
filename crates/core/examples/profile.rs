//! A loop over the corpus for profilers: `valgrind --tool=callgrind target/release/examples/profile`.
fn main() {
    let all = kpiform_testkit::corpus_all();
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

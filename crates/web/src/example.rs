//! The example text: the first form of corpus file 003 (2024, amounts in 元), with typical
//! problems and fixes. The "Example" button loads it; the checker warms up on it.

pub const EXAMPLE: &str = include_str!("example.txt");

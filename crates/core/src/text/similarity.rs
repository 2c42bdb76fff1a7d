//! The one edit distance of kpiform, and the similarity of two texts built on it.
//!
//! Levenshtein distance over characters, computed in a band of the table: only the cells within
//! `k` of the diagonal can hold a distance of at most `k`, so asking "are these at most `k`
//! apart?" costs O(n·k) instead of O(n·m). T001 and T002 (goals or bases that repeat each other)
//! and X001 (unit names one or two characters apart) all ask it that way.

/// The edit distance of `a` and `b` when it is at most `k`, else `None`.
pub fn distance_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    // Cells farther than k from the diagonal cost more than k: they hold `inf`.
    let inf = k + 1;
    let mut prev: Vec<usize> = (0..=b.len())
        .map(|j| if j <= k { j } else { inf })
        .collect();
    let mut cur = vec![inf; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur.iter_mut().for_each(|c| *c = inf);
        cur[0] = if i <= k { i } else { inf };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(inf);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= k).then_some(d)
}

/// The characters that count when comparing two texts: spaces and punctuation dropped,
/// full-width forms made half-width.
fn significant(s: &str) -> Vec<char> {
    let keep = |c: &char| {
        !c.is_whitespace()
            && !c.is_ascii_punctuation()
            && !"，。；：、“”‘’（）《》！？".contains(*c)
    };
    s.chars().filter(keep).map(super::to_half_width).collect()
}

/// The similarity of two texts, from 0 to 1, when it is at least `threshold`: one minus the edit
/// distance over their [significant](significant) characters divided by the longer length.
pub fn similarity_above(a: &str, b: &str, threshold: f64) -> Option<f64> {
    let (a, b) = (significant(a), significant(b));
    let max = a.len().max(b.len());
    if max == 0 || a == b {
        return Some(1.0);
    }
    let k = ((1.0 - threshold) * max as f64 + 1e-9).floor() as usize;
    distance_within(&a, &b, k).map(|d| 1.0 - d as f64 / max as f64)
}

/// Whether two texts are at least `threshold` similar (see [`similarity_above`]).
pub fn similar_at_least(a: &str, b: &str, threshold: f64) -> bool {
    similarity_above(a, b, threshold).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table, as in a textbook: the reference the band is checked against.
    fn full_distance(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        let mut cur = vec![0; b.len() + 1];
        for (i, ca) in a.iter().enumerate() {
            cur[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j + 1] + 1)
                    .min(cur[j] + 1)
                    .min(prev[j] + usize::from(ca != cb));
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[b.len()]
    }

    #[test]
    fn the_band_agrees_with_the_whole_table() {
        let texts = [
            "",
            "保障工作开展",
            "保障工作开展。",
            "通过本项目实施保障单位工作",
            "通过本项目实施保障本单位工作",
            "完成文书档案整理5万件",
            "完成全区历史档案数字化",
            "深圳市福田区活力城区建设事务中心",
            "深圳市福田区活力城市建设事务中心",
            "abcdefghij",
            "bcdefghijk",
            "甲",
            "甲乙丙丁戊己庚辛壬癸",
            "甲乙丙丁戊己庚辛壬",
        ];
        for a in texts {
            for b in texts {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = full_distance(&ca, &cb);
                for k in 0..12 {
                    assert_eq!(
                        distance_within(&ca, &cb, k),
                        (d <= k).then_some(d),
                        "{a:?} {b:?} k={k}"
                    );
                }
                let (sa, sb) = (significant(a), significant(b));
                let max = sa.len().max(sb.len());
                let exact = if max == 0 {
                    1.0
                } else {
                    1.0 - full_distance(&sa, &sb) as f64 / max as f64
                };
                assert_eq!(similar_at_least(a, b, 0.9), exact >= 0.9, "{a:?} {b:?}");
                if let Some(s) = similarity_above(a, b, 0.9) {
                    assert!((s - exact).abs() < 1e-12);
                }
            }
        }
        assert_eq!(
            similarity_above("保障工作开展。", "保障工作开展", 0.9),
            Some(1.0)
        );
        assert!(similar_at_least(
            "通过本项目实施保障单位工作",
            "通过本项目实施保障本单位工作",
            0.9
        ));
        assert!(!similar_at_least(
            "完成文书档案整理5万件",
            "完成全区历史档案数字化",
            0.6
        ));
    }
}

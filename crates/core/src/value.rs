//! Reading numbers: header amounts (`7,944,900.00`) and the unit after an indicator value
//! (`≥5项`). The full indicator-value grammar builds on these.

use crate::text::{is_space, to_half_width};

/// Parse an amount as written in a header cell: thousands separators (`,` `，`), full-width
/// digits, spaces, an optional `¥` and an optional trailing `元`/`万元` are accepted. Misplaced
/// separators are tolerated here (the amount rules report them); two decimal points or any other
/// text give `None`.
pub fn parse_amount(text: &str) -> Option<f64> {
    let mut s: String = text
        .chars()
        .map(to_half_width)
        .filter(|&c| !is_space(c) && c != ',' && c != '¥' && c != '￥')
        .collect();
    for suffix in ["万元", "元", "万"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.to_string();
            break;
        }
    }
    if s.is_empty() || s.matches('.').count() > 1 {
        return None;
    }
    let body = s.strip_prefix('-').unwrap_or(&s);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') || body == "." {
        return None;
    }
    s.parse().ok()
}

fn is_operator_char(c: char) -> bool {
    matches!(
        c,
        '≥' | '≤' | '＝' | '＞' | '＜' | '>' | '<' | '=' | '≧' | '≦'
    )
}

/// The unit written right after the number of a simple quantitative value: `≥5项` → `项`,
/// `100%` → `%`, `≤7个工作日` → `个工作日`, `1300m ²` → `m ²`. `None` when the value is not
/// `[operator] number unit` with a short unit.
pub fn unit_suffix(value: &str) -> Option<&str> {
    let v = value.trim_matches(is_space);
    let v = v.trim_start_matches(|c: char| is_operator_char(c) || is_space(c));
    let v = ["不低于", "不少于", "不高于", "不超过", "大于", "小于", "约"]
        .iter()
        .find_map(|p| v.strip_prefix(p))
        .unwrap_or(v);
    let num_end = v
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || ('０'..='９').contains(&c)))
        .map(|(i, _)| i)
        .unwrap_or(v.len());
    if num_end == 0 {
        return None;
    }
    let unit = v[num_end..].trim_matches(is_space);
    let chars = unit.chars().count();
    if unit.is_empty() || chars > 8 || unit.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("7,944,900.00"), Some(7_944_900.0));
        assert_eq!(parse_amount(" １,２００.５ "), Some(1200.5));
        assert_eq!(parse_amount("17,10.03万元"), Some(1710.03));
        assert_eq!(parse_amount("3293.33"), Some(3293.33));
        assert_eq!(parse_amount("1.2.3"), None);
        assert_eq!(parse_amount("约50"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount("."), None);
    }

    #[test]
    fn units() {
        assert_eq!(unit_suffix("≥5项"), Some("项"));
        assert_eq!(unit_suffix("100%"), Some("%"));
        assert_eq!(unit_suffix("≤7个工作日"), Some("个工作日"));
        assert_eq!(unit_suffix("1300m ²"), Some("m ²"));
        assert_eq!(unit_suffix("≥8"), None);
        assert_eq!(unit_suffix("有效"), None);
        assert_eq!(unit_suffix("2023年12月31日前"), None);
        assert_eq!(unit_suffix("不低于90%"), Some("%"));
    }
}

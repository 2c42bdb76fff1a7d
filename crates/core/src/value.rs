//! Reading numbers: header amounts (`7,944,900.00`) and the unit after an indicator value
//! (`≥5项`). The full indicator-value grammar builds on these.

use crate::text::{is_space, to_half_width};

/// `不适用` and its equivalents in a cell: the row, or the value, does not apply.
pub fn is_not_applicable(text: &str) -> bool {
    text.len() <= 32 && matches!(crate::text::label_key(text).as_str(), "不适用" | "不涉及")
}

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

/// A comparison operator of an indicator value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Ge,
    Le,
    Eq,
    Gt,
    Lt,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Le => "≤",
            Op::Eq => "＝",
            Op::Gt => "＞",
            Op::Lt => "＜",
        }
    }
}

/// What kind of value an indicator holds.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// Nothing written.
    Empty,
    /// `不适用`.
    NotApplicable,
    /// `*`, `XX`, `……`, `待定`, `(≥**%)`: a template placeholder.
    Placeholder,
    /// A number with `%`.
    Percent,
    /// A calendar date or deadline (`2023年12月31日前`).
    Date {
        year: u16,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// A number with a unit of time (`≤7个工作日`, `30日内`).
    Duration,
    /// A number with another unit, or none.
    Number,
    /// A qualitative word or phrase (`有效`, `显著`, `达到行业一等品标准`).
    Text,
}

impl ValueKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ValueKind::Empty => "empty",
            ValueKind::NotApplicable => "not-applicable",
            ValueKind::Placeholder => "placeholder",
            ValueKind::Percent => "percent",
            ValueKind::Date { .. } => "date",
            ValueKind::Duration => "duration",
            ValueKind::Number => "number",
            ValueKind::Text => "text",
        }
    }

    /// A number that can be measured against (a percentage, a count or amount, a duration).
    pub fn is_quantitative(&self) -> bool {
        matches!(
            self,
            ValueKind::Percent | ValueKind::Number | ValueKind::Duration
        )
    }
}

/// An indicator value read into its parts. Offsets are byte ranges into the value's cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedValue {
    pub kind: ValueKind,
    pub op: Option<Op>,
    pub number: Option<f64>,
    pub unit: Option<String>,
    /// Words before the number that are neither an operator nor an approximation (`好评率` in
    /// `好评率100%`, `每季度` in `每季度1次`).
    pub prefix: String,
    /// Words after the unit (`完成` in `30日内完成`).
    pub suffix: String,
    /// `约`, `左右`, `力争`, `争取`, `大约`.
    pub approx: Option<&'static str>,
    /// Byte range of the number in the cleaned value text.
    pub number_range: Option<(usize, usize)>,
}

const OPS: &[(&str, Op)] = &[
    (">=", Op::Ge),
    ("<=", Op::Le),
    ("≥", Op::Ge),
    ("≧", Op::Ge),
    ("≤", Op::Le),
    ("≦", Op::Le),
    ("＝", Op::Eq),
    ("=", Op::Eq),
    ("＞", Op::Gt),
    (">", Op::Gt),
    ("＜", Op::Lt),
    ("<", Op::Lt),
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("大于等于", Op::Ge),
    ("高于", Op::Gt),
    ("大于", Op::Gt),
    ("超过", Op::Gt),
    ("不高于", Op::Le),
    ("不超过", Op::Le),
    ("不大于", Op::Le),
    ("小于等于", Op::Le),
    ("低于", Op::Lt),
    ("小于", Op::Lt),
    ("达到", Op::Ge),
];

/// Whether a cell holds an operator and nothing else (an operator column: `≥`, `＝`, `大于等于`).
pub fn is_operator(text: &str) -> bool {
    let t = text.trim();
    OPS.iter().any(|(s, _)| *s == t)
}

const APPROX_PREFIX: &[&str] = &["大约", "约", "力争", "争取", "预计", "左右"];

const PLACEHOLDERS: &[&str] = &[
    "*", "**", "***", "xx", "XX", "××", "xxx", "XXX", "……", "…", "...", "待定", "-", "—", "/",
    "／", "？", "?",
];

const TIME_UNITS: &[&str] = &[
    "个工作日",
    "工作日",
    "个月",
    "小时",
    "分钟",
    "日",
    "天",
    "周",
    "月",
    "年",
    "秒",
];

fn strip_any<'a>(s: &'a str, list: &[&'static str]) -> Option<(&'static str, &'a str)> {
    list.iter().find_map(|p| s.strip_prefix(p).map(|r| (*p, r)))
}

/// Read an indicator value (`≥5项`, `100%`, `2023年12月31日前`, `约260件/年`, `有效`).
/// `(%)rest` → (`%`, `rest`): a short unit in brackets (no digits in it).
fn bracketed_unit(s: &str) -> Option<(&str, &str)> {
    let (open, close) = if s.starts_with('(') {
        ('(', ')')
    } else if s.starts_with('（') {
        ('（', '）')
    } else {
        return None;
    };
    let inner = &s[open.len_utf8()..];
    let end = inner.find(close)?;
    let unit = inner[..end].trim_matches(is_space);
    let short = (1..=4).contains(&unit.chars().count());
    (short && !unit.chars().any(|c| c.is_ascii_digit() || is_space(c)))
        .then(|| (unit, &inner[end + close.len_utf8()..]))
}

pub fn parse_value(text: &str) -> ParsedValue {
    let mut v = ParsedValue {
        kind: ValueKind::Text,
        op: None,
        number: None,
        unit: None,
        prefix: String::new(),
        suffix: String::new(),
        approx: None,
        number_range: None,
    };
    let t = text.trim_matches(is_space);
    if t.is_empty() {
        v.kind = ValueKind::Empty;
        return v;
    }
    if is_not_applicable(t) {
        v.kind = ValueKind::NotApplicable;
        return v;
    }
    let compact: String = t.chars().filter(|c| !is_space(*c)).collect();
    if PLACEHOLDERS.contains(&compact.as_str())
        || (compact.contains("**")
            || compact.contains("××")
            || compact.contains("XX")
            || compact.contains("xx"))
            && !compact.chars().any(|c| c.is_ascii_digit())
    {
        v.kind = ValueKind::Placeholder;
        return v;
    }
    let base = text.len() - text.trim_start_matches(is_space).len();

    // Leading operator and approximation words, in any order.
    let mut rest = t;
    loop {
        let r = rest.trim_start_matches(is_space);
        if let Some((op, after)) = OPS
            .iter()
            .find_map(|(p, op)| r.strip_prefix(p).map(|a| (*op, a)))
        {
            v.op = v.op.or(Some(op));
            rest = after;
            continue;
        }
        if let Some((w, after)) = strip_any(r, APPROX_PREFIX) {
            v.approx = Some(w);
            rest = after;
            continue;
        }
        rest = r;
        break;
    }
    let lead = t.len() - rest.len();

    // The first number.
    let is_num_char = |c: char| {
        c.is_ascii_digit() || c == '.' || c == ',' || ('０'..='９').contains(&c) || c == '．'
    };
    let Some(num_start) = rest.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
    else {
        v.prefix = rest.to_string();
        return v;
    };
    let num_len = rest[num_start..]
        .find(|c: char| !is_num_char(c))
        .unwrap_or(rest.len() - num_start);
    let num_text = rest[num_start..num_start + num_len].trim_end_matches(['.', ',', '．']);
    let number: String = num_text
        .chars()
        .map(to_half_width)
        .filter(|&c| c != ',')
        .collect();
    v.number = number.parse().ok();
    let abs_start = base + lead + num_start;
    v.number_range = Some((abs_start, abs_start + num_text.len()));
    v.prefix = rest[..num_start].trim_matches(is_space).to_string();
    let after = rest[num_start + num_text.len()..].trim_start_matches(is_space);

    // A date: 2023年12月31日(前), 2023年底, 2024-06-30.
    if v.number
        .is_some_and(|n| (1990.0..=2100.0).contains(&n) && n.fract() == 0.0)
        && num_text.len() == 4
    {
        let year = v.number.unwrap_or(0.0) as u16;
        if let Some(r) = after
            .strip_prefix('年')
            .or_else(|| after.strip_prefix('-'))
            .or_else(|| after.strip_prefix('.'))
            .or_else(|| after.strip_prefix('/'))
        {
            let (month, r) = leading_int(r);
            let r = r
                .strip_prefix('月')
                .or_else(|| r.strip_prefix('-'))
                .or_else(|| r.strip_prefix('.'))
                .or_else(|| r.strip_prefix('/'))
                .unwrap_or(r);
            let (day, r) = leading_int(r);
            let r = r
                .strip_prefix('日')
                .or_else(|| r.strip_prefix('号'))
                .unwrap_or(r);
            v.kind = ValueKind::Date {
                year,
                month: month.map(|m| m as u8),
                day: day.map(|d| d as u8),
            };
            v.suffix = r.trim_matches(is_space).to_string();
            if let Some(o) = ["前", "之前", "以前", "底前", "底"]
                .iter()
                .find(|s| v.suffix.starts_with(**s))
            {
                v.op.get_or_insert(Op::Le);
                v.suffix = v.suffix[o.len()..].to_string();
            }
            return v;
        }
    }

    // A unit in brackets right after the number: `=100.00(%)`, `5（万元）`.
    let unbracketed;
    let after = match bracketed_unit(after) {
        Some((unit, rest)) => {
            unbracketed = format!("{unit}{rest}");
            unbracketed.as_str()
        }
        None => after,
    };
    let (unit, tail) = if let Some(r) = after.strip_prefix(['%', '％']) {
        v.kind = ValueKind::Percent;
        ("%".to_string(), r)
    } else {
        let end = after
            .char_indices()
            .find(|&(_, c)| {
                c.is_ascii_digit()
                    || is_space(c)
                    || matches!(c, '，' | ',' | '；' | ';' | '（' | '(' | '。')
            })
            .map_or(after.len(), |(i, _)| i);
        let mut unit = &after[..end];
        // Trailing operator words belong to the operator: 90%以上, 5个以内.
        for (w, op) in [
            ("以上", Op::Ge),
            ("以内", Op::Le),
            ("以下", Op::Le),
            ("内", Op::Le),
            ("左右", Op::Eq),
        ] {
            if let Some(u) = unit.strip_suffix(w) {
                if w == "左右" {
                    v.approx = Some("左右");
                } else {
                    v.op.get_or_insert(op);
                }
                unit = u;
                break;
            }
        }
        // A time unit may be followed by 内/以内 and words: 30日内完成.
        if let Some(t) = TIME_UNITS.iter().find(|t| unit.starts_with(**t)) {
            let r = &unit[t.len()..];
            if let Some(r2) = r.strip_prefix("以内").or_else(|| r.strip_prefix("内")) {
                v.op.get_or_insert(Op::Le);
                v.kind = ValueKind::Duration;
                v.unit = Some(t.to_string());
                v.suffix = format!("{r2}{}", &after[end..])
                    .trim_matches(is_space)
                    .to_string();
                return v;
            }
        }
        let u = unit.to_string();
        v.kind = if TIME_UNITS.contains(&u.as_str()) {
            ValueKind::Duration
        } else {
            ValueKind::Number
        };
        (u, &after[end..])
    };
    v.unit = (!unit.is_empty()).then_some(unit);
    let mut tail = tail.trim_matches(is_space);
    for (w, op) in [("以上", Op::Ge), ("以内", Op::Le), ("以下", Op::Le)] {
        if let Some(r) = tail.strip_prefix(w) {
            v.op.get_or_insert(op);
            tail = r;
        }
    }
    if let Some(r) = tail.strip_prefix("左右") {
        v.approx = Some("左右");
        tail = r;
    }
    v.suffix = tail.trim_matches(is_space).to_string();
    v
}

fn leading_int(s: &str) -> (Option<u32>, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 2 {
        return (None, s);
    }
    (s[..end].parse().ok(), &s[end..])
}

/// What an indicator's name says its value should measure (domain.md: name suffix hints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// …率, 比例, 覆盖率, 满意度: a percentage.
    Rate,
    /// …数, 数量, 人数, 次数: a count with a unit.
    Count,
    /// …时间, 时限, 及时性: a date, a duration or a rate.
    Time,
    /// 成本, 费用: an amount of money.
    Money,
    Unknown,
}

impl Expected {
    pub fn as_str(self) -> &'static str {
        match self {
            Expected::Rate => "rate",
            Expected::Count => "count",
            Expected::Time => "time",
            Expected::Money => "money",
            Expected::Unknown => "unknown",
        }
    }
}

/// The kind of value an indicator name calls for.
pub fn expected_kind(name: &str) -> Expected {
    let n: String = name
        .chars()
        .filter(|c| !is_space(*c) && !matches!(c, '（' | '）' | '(' | ')'))
        .collect();
    // Drop a trailing bracketed note: 工作人员满意度（指挥中心）.
    let n = match name.rfind(['（', '(']) {
        Some(i) if name.ends_with(['）', ')']) && i > 0 => {
            name[..i].chars().filter(|c| !is_space(*c)).collect()
        }
        _ => n,
    };
    let ends = |list: &[&str]| list.iter().any(|s| n.ends_with(s));
    if ends(&["率", "比例", "比率", "满意度", "占比", "百分比", "覆盖面"]) {
        Expected::Rate
    } else if ends(&["时间", "时限", "及时性", "时效", "周期", "期限", "时长"]) {
        Expected::Time
    } else if ends(&["成本", "费用", "金额", "资金", "经费", "造价"]) && !n.contains('率')
    {
        Expected::Money
    } else if ends(&[
        "数", "数量", "人数", "次数", "个数", "场次", "份数", "项数", "套数", "件数", "户数",
        "天数", "册数", "台数", "面积", "长度", "篇数", "期数", "批次",
    ]) {
        Expected::Count
    } else {
        Expected::Unknown
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;

    fn p(s: &str) -> (String, Option<Op>, Option<f64>, Option<String>, String) {
        let v = parse_value(s);
        (
            v.kind.as_str().to_string(),
            v.op,
            v.number,
            v.unit,
            v.prefix,
        )
    }

    #[test]
    fn a_unit_in_brackets() {
        let v = parse_value("=100.00(%)");
        assert_eq!(
            (v.kind, v.op, v.number),
            (ValueKind::Percent, Some(Op::Eq), Some(100.0))
        );
        let v = parse_value("≥5（万元）");
        assert_eq!((v.number, v.unit.as_deref()), (Some(5.0), Some("万元")));
        // A note in brackets is no unit.
        assert_eq!(parse_value("≥5(2025年)").unit, None);
    }

    #[test]
    fn grammar() {
        assert_eq!(
            p("≥5项"),
            (
                "number".into(),
                Some(Op::Ge),
                Some(5.0),
                Some("项".into()),
                "".into()
            )
        );
        assert_eq!(
            p("100%"),
            (
                "percent".into(),
                None,
                Some(100.0),
                Some("%".into()),
                "".into()
            )
        );
        assert_eq!(
            p(">=90％"),
            (
                "percent".into(),
                Some(Op::Ge),
                Some(90.0),
                Some("%".into()),
                "".into()
            )
        );
        assert_eq!(
            p("不低于90%"),
            (
                "percent".into(),
                Some(Op::Ge),
                Some(90.0),
                Some("%".into()),
                "".into()
            )
        );
        assert_eq!(
            p("≤7个工作日"),
            (
                "duration".into(),
                Some(Op::Le),
                Some(7.0),
                Some("个工作日".into()),
                "".into()
            )
        );
        assert_eq!(p("30日内完成").0, "duration");
        assert_eq!(p("30日内完成").1, Some(Op::Le));
        assert_eq!(
            p("≥8"),
            ("number".into(), Some(Op::Ge), Some(8.0), None, "".into())
        );
        assert_eq!(p("1"), ("number".into(), None, Some(1.0), None, "".into()));
        assert_eq!(
            p("好评率100%"),
            (
                "percent".into(),
                None,
                Some(100.0),
                Some("%".into()),
                "好评率".into()
            )
        );
        assert_eq!(p("每季度1次").4, "每季度");
        assert_eq!(p("1578个/月").3, Some("个/月".into()));
        assert_eq!(p("≤1464520.00元").2, Some(1_464_520.0));
        assert_eq!(p("有效").0, "text");
        assert_eq!(p("不适用").0, "not-applicable");
        assert_eq!(p("").0, "empty");
        assert_eq!(p("**").0, "placeholder");
        assert_eq!(p("XX").0, "placeholder");
        assert_eq!(
            p("90%以上"),
            (
                "percent".into(),
                Some(Op::Ge),
                Some(90.0),
                Some("%".into()),
                "".into()
            )
        );
        let v = parse_value("约260件/年");
        assert_eq!(
            (v.approx, v.number, v.unit.as_deref()),
            (Some("约"), Some(260.0), Some("件/年"))
        );
        let v = parse_value("2023年12月31日前");
        assert_eq!(
            v.kind,
            ValueKind::Date {
                year: 2023,
                month: Some(12),
                day: Some(31)
            }
        );
        assert_eq!(v.op, Some(Op::Le));
        let v = parse_value("1300m ²");
        assert_eq!((v.kind.as_str(), v.unit.as_deref()), ("number", Some("m")));
    }

    #[test]
    fn expectations() {
        assert_eq!(expected_kind("第三方服务质量合格率"), Expected::Rate);
        assert_eq!(expected_kind("工作人员满意度（指挥中心）"), Expected::Rate);
        assert_eq!(expected_kind("发放离退休干部慰问金人数"), Expected::Count);
        assert_eq!(expected_kind("课题研究个数"), Expected::Count);
        assert_eq!(expected_kind("系统运维工作完成时间"), Expected::Time);
        assert_eq!(expected_kind("工作完成及时性"), Expected::Time);
        assert_eq!(expected_kind("项目开展成本"), Expected::Money);
        assert_eq!(expected_kind("保障工作正常运转"), Expected::Unknown);
    }
}

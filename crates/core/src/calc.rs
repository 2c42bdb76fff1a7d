//! Reading the amounts of a 测算依据 (calculation basis): money amounts with their units, stated
//! totals (`合计`, `共计`, `预计需要` …), numbered items, and explicit arithmetic
//! (`2259*260*12=704.80万元`). The amount rules (A001, A005–A007, A010) stand on this.

use crate::span::Span;
use crate::text::{is_space, to_half_width};

/// A unit of money as written after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyUnit {
    Yuan,
    Qian,
    Wan,
    Yi,
}

impl MoneyUnit {
    /// How many 万元 one unit is.
    pub fn in_wan(self) -> f64 {
        match self {
            MoneyUnit::Yuan => 0.0001,
            MoneyUnit::Qian => 0.1,
            MoneyUnit::Wan => 1.0,
            MoneyUnit::Yi => 10_000.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Qian => "千元",
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yi => "亿元",
        }
    }
}

/// One amount of money in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The number as written.
    pub number: f64,
    pub unit: MoneyUnit,
    /// Number and unit in the input.
    pub span: Span,
    /// The unit itself in the input (for a unit fix).
    pub unit_span: Span,
    /// A price per something (`1000元/人`, `每人1.8万元`): not an amount to add up.
    pub per: bool,
    /// The stated-total word before it (`合计`, `预计需要` …), if any.
    pub keyword: Option<&'static str>,
    /// Index of the top-level numbered item it belongs to (0 before the first item).
    pub item: usize,
    /// Index of the sentence (split at `。`, `；` is not a split) it belongs to.
    pub sentence: usize,
    /// Part of an arithmetic expression: an operand (`Some(false)`) or its result (`Some(true)`).
    pub in_expr: Option<bool>,
    /// Bracket depth: amounts inside `（…）` are notes on the amounts outside.
    pub depth: usize,
}

impl Money {
    pub fn wan(&self) -> f64 {
        self.number * self.unit.in_wan()
    }
}

/// An explicit computation: operands joined by `*`, `×` or `+`, then `=` or `≈`, then a result.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub span: Span,
    /// The value of the left side, in the unit of the result.
    pub computed: f64,
    pub result: f64,
    /// Digits after the decimal point in the result (for rounding tolerance).
    pub result_decimals: usize,
    pub approx: bool,
    /// Whether the expression involves money (its value is then in 元 or 万元 of the result).
    pub result_unit: Option<MoneyUnit>,
    /// No operand carries a money unit (`2259*227*12=615.35万元`: a count times 元 per head).
    pub unitless_operands: bool,
    /// The text of the left side, for messages.
    pub left: String,
    /// A multiplier written just before the expression that explains a gap (`值班员6名(19000元/月*12=1368000元/年`).
    pub nearby_integers: Vec<f64>,
}

/// Everything read from one 测算依据.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CalcBasis {
    pub amounts: Vec<Money>,
    pub exprs: Vec<Expr>,
    /// Number of top-level items (`1.` `一、` `（一）` `①` …).
    pub items: usize,
    /// Numbers with misplaced thousands separators (`17,10.03`) before a unit.
    pub malformed: Vec<Span>,
}

const TOTAL_WORDS: &[&str] = &[
    "以上合计",
    "合计共需",
    "合计需要",
    "合计金额",
    "合计费用",
    "合计",
    "共计",
    "总计",
    "共需要",
    "共需",
    "预计需要",
    "需要",
    "预测经费",
    "需预算经费",
    "预算经费",
    "需支付",
    "支付",
    "申请",
    "即",
    "共",
];

/// One token of the text: a number and what follows it.
struct Num {
    start: usize,
    end: usize,
    value: f64,
    text_decimals: usize,
    malformed: bool,
}

fn scan_number(s: &str, at: usize) -> Option<Num> {
    let bytes = s.as_bytes();
    if !bytes[at].is_ascii_digit() {
        return None;
    }
    // Not the tail of a word or another number (`A4`, `2-3`): a digit run starts here.
    let mut end = at;
    let mut digits = String::new();
    let mut dots = 0;
    let mut commas = Vec::new();
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            digits.push(b as char);
        } else if b == b'.' && end + 1 < bytes.len() && bytes[end + 1].is_ascii_digit() {
            dots += 1;
            digits.push('.');
        } else if b == b',' && end + 1 < bytes.len() && bytes[end + 1].is_ascii_digit() && dots == 0
        {
            commas.push(digits.len());
        } else {
            break;
        }
        end += 1;
    }
    let int_len = digits.find('.').unwrap_or(digits.len());
    let malformed = dots > 1
        || (!commas.is_empty() && {
            let first = commas[0];
            !(1..=3).contains(&first)
                || commas.windows(2).any(|w| w[1] - w[0] != 3)
                || int_len - commas[commas.len() - 1] != 3
        });
    let decimals = digits.find('.').map_or(0, |i| digits.len() - i - 1);
    let value = if dots > 1 {
        digits
            .split('.')
            .take(2)
            .collect::<Vec<_>>()
            .join(".")
            .parse()
            .ok()?
    } else {
        digits.parse().ok()?
    };
    Some(Num {
        start: at,
        end,
        value,
        text_decimals: decimals,
        malformed,
    })
}

/// The money unit right after a number (spaces allowed), with its byte length.
fn money_unit(rest: &str) -> Option<(MoneyUnit, usize, usize)> {
    let skip = rest.len() - rest.trim_start_matches(is_space).len();
    let r = &rest[skip..];
    for (w, u) in [
        ("亿元", MoneyUnit::Yi),
        ("万元", MoneyUnit::Wan),
        ("千元", MoneyUnit::Qian),
        ("元", MoneyUnit::Yuan),
    ] {
        if r.starts_with(w) {
            return Some((u, skip, w.len()));
        }
    }
    if let Some(after) = r.strip_prefix('万') {
        // `245万;`, `252.75万。`, `1.5万/年`: 万 alone is money unless a measure word follows
        // (`180万人`, `200万页`).
        let next = after.chars().next();
        let word = next.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if !word {
            return Some((MoneyUnit::Wan, skip, '万'.len_utf8()));
        }
    }
    None
}

fn item_marker_at(s: &str, i: usize) -> Option<u8> {
    // Family: 1 = `1.`/`1、`, 2 = `一、`, 3 = `（一）`/`(一)`, 4 = `（1）`/`(1)`, 5 = `①`.
    let r = &s[i..];
    let c = r.chars().next()?;
    let prev = s[..i].chars().next_back();
    let at_break = prev.is_none_or(|p| {
        is_space(p) || matches!(p, '。' | '；' | ';' | '：' | ':' | '>' | '，' | ',')
    });
    if !at_break {
        return None;
    }
    if ('①'..='⑳').contains(&c) {
        return Some(5);
    }
    const CN: &str = "一二三四五六七八九十";
    if CN.contains(c) {
        let rest = r.trim_start_matches(|x| CN.contains(x));
        if rest.starts_with('、') {
            return Some(2);
        }
        return None;
    }
    if c == '（' || c == '(' {
        let inner =
            r[c.len_utf8()..].trim_start_matches(|x: char| CN.contains(x) || x.is_ascii_digit());
        let used = r.len() - c.len_utf8() - inner.len();
        if used > 0 && (inner.starts_with('）') || inner.starts_with(')')) {
            let first = r[c.len_utf8()..].chars().next()?;
            return Some(if first.is_ascii_digit() { 4 } else { 3 });
        }
        return None;
    }
    if c.is_ascii_digit() {
        let rest = r.trim_start_matches(|x: char| x.is_ascii_digit());
        if r.len() - rest.len() <= 2
            && (rest.starts_with('、')
                || (rest.starts_with('.') && !rest[1..].starts_with(|x: char| x.is_ascii_digit()))
                || rest.starts_with('．'))
        {
            return Some(1);
        }
    }
    None
}

/// Read the amounts of a 测算依据. `raw` is the field's raw text, `base` its offset in the input.
pub fn extract(raw: &str, base: usize) -> CalcBasis {
    let mut out = CalcBasis::default();
    let mut top_family: Option<u8> = None;
    let mut item = 0usize;
    let mut sentence = 0usize;
    let mut depth = 0usize;
    let mut i = 0;
    let bytes = raw.as_bytes();
    while i < raw.len() {
        if !raw.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let c = raw[i..].chars().next().unwrap_or(' ');
        if c == '。' || c == '\n' {
            sentence += 1;
        }
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Some(f) = item_marker_at(raw, i) {
            match top_family {
                None => {
                    top_family = Some(f);
                    item += 1;
                    sentence += 1;
                }
                Some(t) if t == f => {
                    item += 1;
                    sentence += 1;
                }
                _ => {}
            }
            if f == 1 || f == 4 {
                // Skip the digits of the marker so they are not read as a number.
                let rest = raw[i..].trim_start_matches(['(', '（']);
                let digits =
                    rest.len() - rest.trim_start_matches(|x: char| x.is_ascii_digit()).len();
                i = raw.len() - rest.len() + digits + 1;
                continue;
            }
        }
        if bytes[i].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b'.')
        {
            if let Some(num) = scan_number(raw, i) {
                let rest = &raw[num.end..];
                if let Some((unit, skip, len)) = money_unit(rest) {
                    let unit_start = num.end + skip;
                    let after = &raw[unit_start + len..];
                    let before: String = raw[..num.start]
                        .chars()
                        .rev()
                        .take(3)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let per = after.trim_start_matches(is_space).starts_with(['/', '／'])
                        || after.starts_with("每")
                        || before.contains('每')
                        || before.contains("人均")
                        || before.contains("单价");
                    if num.malformed {
                        out.malformed
                            .push(Span::new(base + num.start, base + unit_start + len));
                    }
                    out.amounts.push(Money {
                        number: num.value,
                        unit,
                        span: Span::new(base + num.start, base + unit_start + len),
                        unit_span: Span::new(base + unit_start, base + unit_start + len),
                        per,
                        keyword: keyword_before(&raw[..num.start]),
                        item,
                        sentence,
                        in_expr: None,
                        depth,
                    });
                } else if num.malformed && rest.trim_start().starts_with(['%', '％']) {
                    out.malformed
                        .push(Span::new(base + num.start, base + num.end));
                }
                i = num.end;
                continue;
            }
        }
        i += c.len_utf8();
    }
    out.items = item;
    find_exprs(raw, base, &mut out);
    out
}

/// The stated-total word just before a number, within the same clause.
fn keyword_before(before: &str) -> Option<&'static str> {
    let window: String = before
        .chars()
        .rev()
        .take(14)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // Stop at the start of the clause.
    let clause = match window.rfind(['。', '；', ';', '，', ',', '、']) {
        Some(p) => &window[p + window[p..].chars().next().map_or(1, char::len_utf8)..],
        None => &window[..],
    };
    TOTAL_WORDS.iter().copied().find(|w| clause.contains(w))
}

/// Explicit computations: `a*b*c=d`, `a×b≈d`, `a+b=d`, with optional units, percentages and
/// bracketed notes on the operands.
fn find_exprs(raw: &str, base: usize, out: &mut CalcBasis) {
    // Half-width mapping keeps byte lengths only for ASCII; work on chars with offsets instead.
    let chars: Vec<(usize, char)> = raw
        .char_indices()
        .map(|(i, c)| (i, to_half_width(c)))
        .collect();
    let mut k = 0;
    while k < chars.len() {
        let (eq_at, c) = chars[k];
        if !(c == '=' || c == '≈') {
            k += 1;
            continue;
        }
        // Right side: a number and an optional unit.
        let right_start = chars.get(k + 1).map_or(raw.len(), |x| x.0);
        let right = &raw[right_start..];
        let right_trim = right.trim_start_matches(is_space);
        let r_off = right_start + (right.len() - right_trim.len());
        let Some(rnum) = right_trim
            .as_bytes()
            .first()
            .filter(|b| b.is_ascii_digit())
            .and_then(|_| scan_number(right_trim, 0))
        else {
            k += 1;
            continue;
        };
        let r_unit = money_unit(&right_trim[rnum.end..]);
        let r_percent = right_trim[rnum.end..].starts_with(['%', '％']);
        // Left side: walk back over operands and operators.
        let left_end = eq_at;
        let mut operands: Vec<(f64, Option<MoneyUnit>, bool)> = Vec::new();
        let mut ops: Vec<char> = Vec::new();
        let mut j = left_end;
        let mut left_start = left_end;
        loop {
            // Skip spaces and a bracketed note `(100张)`.
            let mut t = raw[..j].trim_end_matches(is_space);
            if t.ends_with([')', '）']) {
                if let Some(open) = t.rfind(['(', '（']) {
                    t = raw[..open].trim_end_matches(is_space);
                }
            }
            // Optional unit: %, money unit, or a short measure word (人, 个月, 平米 …).
            let t_str = t;
            let (percent, unit, before_unit) = if let Some(x) = t_str.strip_suffix(['%', '％']) {
                (true, None, x)
            } else {
                let mut found = (false, None, t_str);
                for (w, u) in [
                    ("亿元", MoneyUnit::Yi),
                    ("万元", MoneyUnit::Wan),
                    ("千元", MoneyUnit::Qian),
                    ("元", MoneyUnit::Yuan),
                    ("万", MoneyUnit::Wan),
                ] {
                    if let Some(x) = t_str.strip_suffix(w) {
                        found = (false, Some(u), x);
                        break;
                    }
                }
                if found.1.is_none() {
                    // `元/月`, `万元/年` before an operator: a rate, keep its money unit.
                    if let Some(slash) = t_str.rfind('/') {
                        let head = &t_str[..slash];
                        for (w, u) in [
                            ("万元", MoneyUnit::Wan),
                            ("元", MoneyUnit::Yuan),
                            ("万", MoneyUnit::Wan),
                        ] {
                            if let Some(x) = head.strip_suffix(w) {
                                if t_str[slash + 1..].chars().count() <= 2 {
                                    found = (false, Some(u), x);
                                }
                                break;
                            }
                        }
                    }
                }
                if found.1.is_none() {
                    let trimmed =
                        t_str.trim_end_matches(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    if t_str.len() - trimmed.len() <= 6 {
                        found = (false, None, trimmed);
                    }
                }
                found
            };
            let before_unit = before_unit.trim_end_matches(is_space);
            let num_start = before_unit.len()
                - before_unit
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                    .map(char::len_utf8)
                    .sum::<usize>();
            if num_start == before_unit.len() {
                break;
            }
            let Some(n) = scan_number(before_unit, num_start) else {
                break;
            };
            if n.end != before_unit.len() {
                break;
            }
            operands.push((n.value, unit, percent));
            left_start = num_start;
            let pre = raw[..num_start].trim_end_matches(is_space);
            match pre.chars().next_back().map(to_half_width) {
                Some(op @ ('*' | '×' | '+' | 'x' | 'X'))
                    if !pre.ends_with(|c: char| c.is_ascii_alphabetic())
                        || pre.ends_with(['x', 'X'])
                            && pre[..pre.len() - 1].ends_with(|c: char| {
                                c.is_ascii_digit() || c == ')' || c == '元'
                            }) =>
                {
                    ops.push(if op == '+' { '+' } else { '*' });
                    j = pre.len() - op.len_utf8();
                }
                _ => break,
            }
        }
        if operands.len() < 2 || ops.len() + 1 != operands.len() {
            k += 1;
            continue;
        }
        operands.reverse();
        ops.reverse();
        // Evaluate: products bind tighter than sums. Money operands are converted to the
        // result's unit (or 元 when the result has none).
        let target = r_unit.map(|u| u.0);
        let to_target = |v: f64, u: Option<MoneyUnit>| match (u, target) {
            (Some(u), Some(t)) => v * u.in_wan() / t.in_wan(),
            _ => v,
        };
        let mut sum = 0.0;
        let mut term = {
            let (v, u, p) = operands[0];
            if p {
                v / 100.0
            } else {
                to_target(v, u)
            }
        };
        let mut any_money = operands[0].1.is_some();
        for (idx, op) in ops.iter().enumerate() {
            let (v, u, p) = operands[idx + 1];
            any_money |= u.is_some();
            let val = if p { v / 100.0 } else { to_target(v, u) };
            if *op == '*' {
                term *= val;
            } else {
                sum += term;
                term = val;
            }
        }
        sum += term;
        if r_percent {
            k += 1;
            continue;
        }
        let span = Span::new(
            base + left_start,
            base + r_off + rnum.end + r_unit.map_or(0, |(_, skip, len)| skip + len),
        );
        // Integers written shortly before (`值班员6名`) may explain a missing factor.
        let ctx_start = raw[..left_start]
            .char_indices()
            .rev()
            .nth(24)
            .map_or(0, |(i, _)| i);
        let nearby_integers = raw[ctx_start..left_start]
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|d| d.parse::<f64>().ok())
            .filter(|d| (2.0..=100.0).contains(d))
            .collect();
        out.exprs.push(Expr {
            unitless_operands: !any_money,
            span,
            computed: sum,
            result: rnum.value,
            result_decimals: rnum.text_decimals,
            approx: c == '≈',
            result_unit: target,
            left: raw[left_start..left_end].trim().to_string(),
            nearby_integers,
        });
        // Mark the amounts that belong to the expression.
        for m in &mut out.amounts {
            if m.span.start >= base + left_start && m.span.end <= base + left_end {
                m.in_expr = Some(false);
            } else if m.span.start >= base + r_off && m.span.start < span.end {
                m.in_expr = Some(true);
            }
        }
        k += 1;
    }
}

impl Expr {
    /// Whether the written result agrees with the computation: within 0.5 %, or equal once the
    /// computation is rounded to the result's decimals.
    pub fn is_right(&self) -> bool {
        let tolerance = if self.approx { 0.02 } else { 0.005 };
        if (self.computed - self.result).abs() <= tolerance * self.result.abs().max(1e-9) {
            return true;
        }
        let scale = 10f64.powi(self.result_decimals as i32);
        if ((self.computed * scale).round() - self.result * scale).abs() < 0.5 {
            return true;
        }
        // Operands without a unit are often 元 (a count times a price per head) while the result
        // is written in 万元: read the computation in 元 too.
        if let (true, Some(u)) = (self.unitless_operands, self.result_unit) {
            if u != MoneyUnit::Yuan {
                let in_unit = self.computed * MoneyUnit::Yuan.in_wan() / u.in_wan();
                return Expr {
                    computed: in_unit,
                    unitless_operands: false,
                    ..self.clone()
                }
                .is_right();
            }
        }
        false
    }

    /// A factor written just before the expression that makes it right (`6名` × …).
    pub fn explained_by_nearby_factor(&self) -> bool {
        self.nearby_integers.iter().any(|&n| {
            Expr {
                computed: self.computed * n,
                nearby_integers: Vec::new(),
                ..self.clone()
            }
            .is_right()
        })
    }
}

/// Whether a number as written has misplaced thousands separators or two decimal points.
pub fn is_malformed_number(text: &str) -> bool {
    let t = text.trim();
    let start = t.find(|c: char| c.is_ascii_digit());
    match start {
        Some(i) => scan_number(t, i).is_some_and(|n| n.malformed),
        None => false,
    }
}

// ---------- totals: the ways a 测算依据 may add up ----------

/// Whether two amounts agree within the tolerance of the catalogue (0.5 %).
pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1e-9)
}

/// How a candidate total of the 测算依据 was formed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    One(usize),
    Sum(Vec<usize>),
}

/// The amounts that count: not prices per unit, not operands of an expression.
pub(crate) fn counted(calc: &CalcBasis) -> Vec<usize> {
    calc.amounts
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.per && m.in_expr != Some(false))
        .map(|(i, _)| i)
        .collect()
}

/// The totals a 测算依据 may mean: each amount, the sum of all, the sum over numbered items
/// (first, last or stated amount of each), the sum of amounts sharing a stated-total word.
pub(crate) fn candidates(calc: &CalcBasis, value: &dyn Fn(usize) -> f64) -> Vec<(f64, Source)> {
    let idx = counted(calc);
    let mut out: Vec<(f64, Source)> = idx.iter().map(|&i| (value(i), Source::One(i))).collect();
    let sum = |v: &[usize]| v.iter().map(|&i| value(i)).sum::<f64>();
    if idx.len() > 1 {
        out.push((sum(&idx), Source::Sum(idx.clone())));
    }
    if calc.items >= 2 {
        for pick in 0..3 {
            let mut chosen = Vec::new();
            for item in 1..=calc.items {
                let in_item: Vec<usize> = idx
                    .iter()
                    .copied()
                    .filter(|&i| calc.amounts[i].item == item)
                    .collect();
                let stated = in_item
                    .iter()
                    .copied()
                    .rfind(|&i| calc.amounts[i].keyword.is_some());
                let c = match pick {
                    0 => in_item.first().copied(),
                    1 => in_item.last().copied(),
                    _ => stated.or_else(|| in_item.first().copied()),
                };
                chosen.extend(c);
            }
            if chosen.len() >= 2 {
                out.push((sum(&chosen), Source::Sum(chosen)));
            }
        }
    }
    // Amounts stated with words of one kind (`合计金额: 327万元` … `合计: 125万`) add up to the whole.
    for class in [KeywordClass::Total, KeywordClass::Need, KeywordClass::Pay] {
        let same: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&i| calc.amounts[i].keyword.map(keyword_class) == Some(class))
            .collect();
        if same.len() >= 2 {
            out.push((sum(&same), Source::Sum(same)));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeywordClass {
    /// 合计, 共计, 总计, 共需, 共.
    Total,
    /// 需要, 预计需要, 预测经费, 预算经费, 申请.
    Need,
    /// 支付, 需支付, 即.
    Pay,
}

fn keyword_class(word: &str) -> KeywordClass {
    if word.contains('计') || word.starts_with('共') || word.contains("合计") {
        KeywordClass::Total
    } else if word.contains("支付") || word == "即" {
        KeywordClass::Pay
    } else {
        KeywordClass::Need
    }
}

/// Whether some of the stated totals outside brackets add up to `target` (a 测算依据 in
/// sections, each closing with its own 合计). At most 12 are tried.
fn stated_subset_matches(calc: &CalcBasis, value: &dyn Fn(usize) -> f64, target: f64) -> bool {
    let stated: Vec<usize> = counted(calc)
        .into_iter()
        .filter(|&i| calc.amounts[i].keyword.is_some() && calc.amounts[i].depth == 0)
        .collect();
    if stated.len() < 2 || stated.len() > 12 {
        return false;
    }
    (1u32..(1 << stated.len()))
        .filter(|m| m.count_ones() >= 2)
        .any(|mask| {
            let sum: f64 = stated
                .iter()
                .enumerate()
                .filter(|(b, _)| mask & (1 << b) != 0)
                .map(|(_, &i)| value(i))
                .sum();
            close(sum, target)
        })
}

/// Whether the 测算依据 supports `target` (in 万元) in any of the ways it may be read.
pub(crate) fn supports(calc: &CalcBasis, value: &dyn Fn(usize) -> f64, target: f64) -> bool {
    candidates(calc, value)
        .iter()
        .any(|(c, _)| close(*c, target))
        || stated_subset_matches(calc, value, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(s: &str) -> Vec<(f64, &'static str, bool, Option<&'static str>, usize)> {
        extract(s, 0)
            .amounts
            .iter()
            .map(|m| (m.number, m.unit.as_str(), m.per, m.keyword, m.item))
            .collect()
    }

    #[test]
    fn reads_amounts_keywords_and_items() {
        assert_eq!(
            amounts("2023年预计需要153万元用于保洁"),
            vec![(153.0, "万元", false, Some("预计需要"), 0)]
        );
        assert_eq!(
            amounts("4名退休干部老年节1000元/人、春节日慰问2000元/人共1.2万元。"),
            vec![
                (1000.0, "元", true, None, 0),
                (2000.0, "元", true, None, 0),
                (1.2, "万元", false, Some("共"), 0)
            ]
        );
        let a = amounts("1. 扶贫3万元; 2. 后勤保障22.04万; 3. 法律咨询13万元");
        assert_eq!(
            a.iter().map(|x| (x.0, x.4)).collect::<Vec<_>>(),
            vec![(3.0, 1), (22.04, 2), (13.0, 3)]
        );
        let a = amounts("一、常年法律顾问服务费共计252.75万。 二、专项法律服务费共计118.65107万。");
        assert_eq!(
            a.iter().map(|x| (x.0, x.3, x.4)).collect::<Vec<_>>(),
            vec![(252.75, Some("共计"), 1), (118.65107, Some("共计"), 2)]
        );
        assert_eq!(amounts("1646人和20名, 180万人"), vec![]);
        assert!(amounts("每人1.8万元")[0].2);
        let c = extract("合同金额为17,10.03万元", 0);
        assert_eq!(c.malformed.len(), 1);
        assert_eq!(c.amounts[0].number, 1710.03);
        assert!(extract("7,944,900.00元", 0).malformed.is_empty());
    }

    #[test]
    fn reads_expressions() {
        let c = extract("采购通信服务套数为2259套。 2259*260*12=704.80万元。", 0);
        assert_eq!(c.exprs.len(), 1);
        let e = &c.exprs[0];
        assert_eq!(e.computed, 2259.0 * 260.0 * 12.0);
        assert_eq!(e.result_unit, Some(MoneyUnit::Wan));
        // 7,048,080 as written against 704.80万元: the operands have no unit, so the result's
        // unit applies only to the result; the rule compares in 元 (see amounts::A006).
        assert!(e.is_right(), "2259 × 260 × 12 元 = 704.81万元");
        let c = extract("6134.65万元*6%+2436.24万元*3%=441万元", 0);
        assert!((c.exprs[0].computed - 441.1662).abs() < 1e-6);
        assert!(c.exprs[0].is_right());
        let c = extract("区主要领导名片印发960元(100张)*12=11520元", 0);
        assert_eq!(c.exprs[0].computed, 11520.0);
        assert!(c.exprs[0].is_right());
        let c = extract("值班员6名(19000元/月*12=1368000元/年", 0);
        assert!(!c.exprs[0].is_right());
        assert!(c.exprs[0].explained_by_nearby_factor());
        let c = extract("办公场所租赁费用500平米×200元/平米≈100万元", 0);
        assert_eq!(c.exprs[0].computed, 500.0 * 200.0 * 0.0001);
        assert!(!c.exprs[0].is_right());
        let c = extract("18.7万/年×5人/≈94万", 0);
        assert!(c.exprs.is_empty() || c.exprs[0].is_right());
        let c = extract("48*50%=24万元", 0);
        assert!(c.exprs[0].is_right());
    }
}

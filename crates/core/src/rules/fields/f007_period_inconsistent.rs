//! F007 period-inconsistent: a project period that ends before it starts (`2024.09-2024.06`, a
//! 开始时间 after the 完成时间), or that does not contain the budget year (`2024年3月-2024年11月`
//! in a 2025 form).

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{Field, FieldKey};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::{is_space, to_half_width};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F007",
        name: "period-inconsistent",
        severity: Severity::Warning,
        category: Category::Fields,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "项目起止时间有误",
        title_en: "Project period inconsistent",
        doc: RuleDoc {
            catches_zh: "项目起止时间（建设周期）的开始时间晚于结束时间（如“2024.09-2024.06”），开始时间晚于完成时间，或预算年度不在起止时间之内（如 2025 年的表中写“2024年3月-2024年11月”）。读得懂的写法：2024.01-2024.12、2024年1月-2024年12月、2024-01-01至2024-12-31、20240101-20241231、2024年1月至12月；其他写法不作判断。",
            catches_en: "A period (项目起止时间, 建设周期) that ends before it starts (`2024.09-2024.06`), a 开始时间 after the 完成时间, or a budget year outside the period (`2024年3月-2024年11月` in a 2025 form). Read: 2024.01-2024.12, 2024年1月-2024年12月, 2024-01-01至2024-12-31, 20240101-20241231, 2024年1月至12月; other shapes are left alone.",
            why_zh: "起止时间决定绩效目标的考核期；倒置的日期是笔误，不含预算年度的期限说明表格沿用了往年的内容或项目已不在实施期内。",
            why_en: "The period is what the targets are assessed over; reversed dates are a slip, and a period without the budget year means last year's form left unedited or a project outside its period.",
            source: "财预〔2015〕88号；项目支出绩效目标申报表填报说明",
            bad_example: "项目起止时间:\t2023.09-2023.06",
            good_example: "项目起止时间:\t2023.01-2023.12",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// A calendar date as a period field writes it: a year, maybe a month and a day.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl Date {
    /// Whether `self` is later than `other` at the precision both give.
    fn after(self, other: Date) -> bool {
        if self.year != other.year {
            return self.year > other.year;
        }
        match (self.month, other.month) {
            (Some(a), Some(b)) if a != b => a > b,
            (Some(_), Some(_)) => matches!((self.day, other.day), (Some(a), Some(b)) if a > b),
            _ => false,
        }
    }

    fn valid(self) -> bool {
        (1990..=2100).contains(&self.year)
            && self.month.is_none_or(|m| (1..=12).contains(&m))
            && self.day.is_none_or(|d| (1..=31).contains(&d))
    }
}

/// The leading ASCII digits of `s` and the rest.
fn digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// A month or a day: one or two digits.
fn small(s: &str) -> Option<(u8, &str)> {
    let (d, rest) = digits(s);
    if d.is_empty() || d.len() > 2 {
        return None;
    }
    Some((d.parse().ok()?, rest))
}

/// A date at the start of `s` (half-width): `20240101`, `202401`, `2024.01(.01)`,
/// `2024-01(-01)`, `2024/1`, `2024年1月(1日)`, `2024年`; with `year` given (the second date of
/// a range), also `12月(31日)`.
fn date(s: &str, year: Option<u16>) -> Option<(Date, &str)> {
    let (d, rest) = digits(s);
    let parse = |t: &str| t.parse::<u16>().ok();
    let found = match d.len() {
        8 => Some((
            Date {
                year: parse(&d[..4])?,
                month: Some(d[4..6].parse().ok()?),
                day: Some(d[6..].parse().ok()?),
            },
            rest,
        )),
        6 => Some((
            Date {
                year: parse(&d[..4])?,
                month: Some(d[4..].parse().ok()?),
                day: None,
            },
            rest,
        )),
        4 => {
            let y = parse(d)?;
            Some(after_year(y, rest))
        }
        1 | 2 => {
            // A month without its year, after the first date of a range: `至12月`.
            let y = year?;
            let (m, r) = small(s)?;
            let r = r.strip_prefix('月')?;
            let (day, r) = day_with_word(r);
            Some((
                Date {
                    year: y,
                    month: Some(m),
                    day,
                },
                r,
            ))
        }
        _ => None,
    }?;
    found.0.valid().then_some(found)
}

/// A day written with its word (`31日`, `1号`), or none.
fn day_with_word(s: &str) -> (Option<u8>, &str) {
    match small(s).and_then(|(d, r)| Some((d, r.strip_prefix(['日', '号'])?))) {
        Some((d, r)) => (Some(d), r),
        None => (None, s),
    }
}

/// What follows a four-digit year: a month and a day with one kind of separator.
fn after_year(year: u16, rest: &str) -> (Date, &str) {
    let only = Date {
        year,
        month: None,
        day: None,
    };
    if let Some(r) = rest.strip_prefix('年') {
        let Some((m, r)) = small(r) else {
            return (only, r);
        };
        let r = r.strip_prefix('月').unwrap_or(r);
        let (day, r) = day_with_word(r);
        return (
            Date {
                year,
                month: Some(m),
                day,
            },
            r,
        );
    }
    for sep in ['.', '-', '/'] {
        let Some(r) = rest.strip_prefix(sep) else {
            continue;
        };
        // `2024-2026`: a year follows, not a month.
        let Some((m, r)) = small(r) else {
            return (only, rest);
        };
        let (day, r) = match r.strip_prefix(sep).and_then(small) {
            Some((d, r2)) => (Some(d), r2),
            None => (None, r),
        };
        return (
            Date {
                year,
                month: Some(m),
                day,
            },
            r,
        );
    }
    (only, rest)
}

/// Where a value's reading ends: at its end, or at a space before other words.
fn at_end(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(is_space) || rest == "止"
}

fn half_width(text: &str) -> String {
    text.trim_matches(is_space).chars().map(to_half_width).collect()
}

/// A period `start-end` in one of the shapes the rule reads, and how many characters of the
/// (trimmed) text it takes.
fn period(text: &str) -> Option<(Date, Date, usize)> {
    let t = half_width(text);
    let (start, rest) = date(&t, None)?;
    let rest = rest.trim_start_matches(is_space);
    let sep_end = rest
        .char_indices()
        .find(|&(_, c)| !matches!(c, '-' | '—' | '–' | '~' | '至' | '到'))
        .map_or(rest.len(), |(i, _)| i);
    if sep_end == 0 {
        return None;
    }
    let rest = rest[sep_end..].trim_start_matches(is_space);
    let (end, rest) = date(rest, Some(start.year))?;
    let read = t[..t.len() - rest.len()].chars().count();
    at_end(rest).then_some((start, end, read))
}

/// A single date filling a whole field (开始时间, 完成时间).
fn single(text: &str) -> Option<Date> {
    let t = half_width(text);
    let (d, rest) = date(&t, None)?;
    at_end(rest).then_some(d)
}

/// The label as written, without its colon.
fn label(f: &Field) -> &str {
    f.label.text.trim().trim_end_matches([':', '：'])
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    let filled = |k: FieldKey| form.field(k).filter(|f| !f.value.text.is_empty());
    let mut range = None;
    let mut reversed = false;
    if let Some(f) = filled(FieldKey::Period) {
        if let Some((s, e, read)) = period(&f.value.text) {
            // The period as written, without words after it.
            let v: String = f.value.text.trim_matches(is_space).chars().take(read).collect();
            let l = label(f);
            if s.after(e) {
                reversed = true;
                out.push(Diagnostic::new(
                    &INFO,
                    f.value.span,
                    Message::new(
                        format!("{l}「{v}」的开始时间晚于结束时间"),
                        format!("The period \"{v}\" starts after it ends"),
                    ),
                ));
            } else {
                range = Some((f, l.to_string(), v, s, e));
            }
        }
    }
    if let (Some(sf), Some(ef)) = (filled(FieldKey::StartDate), filled(FieldKey::EndDate)) {
        if let (Some(s), Some(e)) = (single(&sf.value.text), single(&ef.value.text)) {
            if s.after(e) {
                // The same slip written twice is one finding.
                if !reversed {
                    reversed = true;
                    out.push(
                        Diagnostic::new(
                            &INFO,
                            sf.value.span,
                            Message::new(
                                format!(
                                    "{}「{}」晚于{}「{}」",
                                    label(sf),
                                    sf.value.text,
                                    label(ef),
                                    ef.value.text
                                ),
                                format!(
                                    "The start date \"{}\" is after the end date \"{}\"",
                                    sf.value.text, ef.value.text
                                ),
                            ),
                        )
                        .with_related(ef.value.span, Message::new(label(ef), "end date")),
                    );
                }
            } else if range.is_none() {
                let shown = format!("{}—{}", sf.value.text, ef.value.text);
                range = Some((sf, "起止时间".to_string(), shown, s, e));
            }
        }
    }
    let (Some(by), Some((f, l, shown, s, e)), false) = (ctx.facts.budget_year, range, reversed)
    else {
        return;
    };
    if by < s.year || by > e.year {
        out.push(Diagnostic::new(
            &INFO,
            f.value.span,
            Message::new(
                format!("预算年度{by}年不在{l}「{shown}」之内"),
                format!("The budget year {by} lies outside the period \"{shown}\""),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::{period, single, Date};
    use crate::rules::testing::{found, with};

    fn d(year: u16, month: Option<u8>, day: Option<u8>) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn reads_the_common_shapes_and_nothing_else() {
        let period = |t: &str| period(t).map(|(s, e, _)| (s, e));
        let jan_dec = Some((d(2024, Some(1), None), d(2024, Some(12), None)));
        assert_eq!(period("2024.01-2024.12"), jan_dec);
        assert_eq!(period("2024年1月-2024年12月"), jan_dec);
        assert_eq!(period("2024年1月至12月"), jan_dec);
        assert_eq!(period("2024年1月 — 2024年12月"), jan_dec);
        assert_eq!(period("202401-202412"), jan_dec);
        assert_eq!(
            period("2024-01-01至2024-12-31"),
            Some((d(2024, Some(1), Some(1)), d(2024, Some(12), Some(31))))
        );
        assert_eq!(
            period("20240101-20241231"),
            Some((d(2024, Some(1), Some(1)), d(2024, Some(12), Some(31))))
        );
        assert_eq!(
            period("2023年4月-2024年2月"),
            Some((d(2023, Some(4), None), d(2024, Some(2), None)))
        );
        assert_eq!(
            period("2024-2026"),
            Some((d(2024, None, None), d(2026, None, None)))
        );
        // Words after a space are another field's.
        assert_eq!(
            period("2024年3月-2024年11月 业务主管部门 县水利局"),
            Some((d(2024, Some(3), None), d(2024, Some(11), None)))
        );
        for unread in ["3年", "2024年", "自2024年起", "2024年1月-长期", "2024.13-2024.12", "2024年1月-2024年12月底"] {
            assert_eq!(period(unread), None, "{unread}");
        }
        assert_eq!(single("2025年3月1日"), Some(d(2025, Some(3), Some(1))));
        assert_eq!(single("2025年11月"), Some(d(2025, Some(11), None)));
        assert_eq!(single("站点设备巡检维护"), None);
    }

    #[test]
    fn fires_on_a_reversed_period_and_on_a_period_without_the_budget_year() {
        // The reference form's budget year is 2023 (its code's year segment).
        let reversed = with("实施期限:\t1", "实施期限:\t1\n项目起止时间:\t2023.09-2023.06");
        assert_eq!(
            found(&reversed, "F007"),
            [("2023.09-2023.06".to_string(), "项目起止时间「2023.09-2023.06」的开始时间晚于结束时间".to_string())]
        );
        let outside = with("实施期限:\t1", "实施期限:\t1\n建设周期:\t2022年3月-2022年11月");
        assert_eq!(
            found(&outside, "F007"),
            [("2022年3月-2022年11月".to_string(), "预算年度2023年不在建设周期「2022年3月-2022年11月」之内".to_string())]
        );
        // Words after the period are not quoted as part of it.
        let words = with("实施期限:\t1", "实施期限:\t1\n建设周期:\t2022年3月-2022年11月 另有说明");
        assert_eq!(found(&words, "F007")[0].1, "预算年度2023年不在建设周期「2022年3月-2022年11月」之内");
        let dates = with("实施期限:\t1", "实施期限:\t1\n开始时间:\t2023年11月\t完成时间:\t2023年3月");
        assert_eq!(found(&dates, "F007")[0].1, "开始时间「2023年11月」晚于完成时间「2023年3月」");
        let dates = with("实施期限:\t1", "实施期限:\t1\n开始时间:\t2022年1月\t完成时间:\t2022年12月");
        assert_eq!(found(&dates, "F007")[0].1, "预算年度2023年不在起止时间「2022年1月—2022年12月」之内");
    }

    #[test]
    fn quiet_on_a_period_that_holds_the_budget_year_or_cannot_be_read() {
        for period in ["2023.01-2023.12", "2022年4月-2024年2月", "2023年1月至12月", "长期"] {
            let text = with("实施期限:\t1", &format!("实施期限:\t1\n项目起止时间:\t{period}"));
            assert!(found(&text, "F007").is_empty(), "{period}");
        }
        let dates = with("实施期限:\t1", "实施期限:\t1\n开始时间:\t2023年3月\t完成时间:\t2023年11月");
        assert!(found(&dates, "F007").is_empty());
    }
}

//! F005 policy-basis-no-citation: a 政策依据 that names no document (no 《…》, no 文号).

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use super::project_field;
use crate::model::FieldKey;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::{excerpt, to_half_width};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F005",
        name: "policy-basis-no-citation",
        severity: Severity::Warning,
        category: Category::Fields,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "政策依据未引用文件",
        title_en: "Policy basis cites no document",
        doc: RuleDoc {
            catches_zh: "政策依据中没有任何文件名称（《…》）或文号（如〔2021〕27号）。",
            catches_en: "政策依据 names no document (no 《…》, no document number such as 〔2021〕27号).",
            why_zh: "政策依据应当说明项目设立所依据的具体文件；只写用途或工作内容，审核人无法核实项目的合规性。",
            why_en: "The policy basis must name the documents the project rests on; a description of the work lets no reviewer verify it.",
            source: "财预〔2015〕88号《中央部门预算绩效目标管理办法》",
            bad_example: "政策依据:\t主要用于劳务派遣人员工资发放。",
            good_example: "政策依据:\t《中共深圳市福田区委机构编制委员会文件》(福编〔2021〕27号)",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// `〔2021〕27号`, `[2016]30号`, `(2017)201号`, `（2013）18号`, `2022年第3号`.
fn has_document_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().map(to_half_width).collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '〔' | '[' | '(' | '【' | '〖') {
            let year: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if year.len() == 4 {
                let j = i + 1 + 4;
                if chars
                    .get(j)
                    .is_some_and(|c| matches!(c, '〕' | ']' | ')' | '】' | '〗'))
                {
                    let num: String = chars[j + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    if !num.is_empty() && chars.get(j + 1 + num.len()) == Some(&'号') {
                        return true;
                    }
                }
            }
        }
    }
    false
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(f) = project_field(ctx, FieldKey::PolicyBasis) else {
        return;
    };
    let t = &f.value.text;
    if !(t.contains('《') || t.contains('<') && t.contains('>') || has_document_number(t)) {
        out.push(Diagnostic::new(
            &INFO,
            f.value.span,
            Message::new(
                format!("政策依据未引用任何文件名称或文号：「{}」", excerpt(t, 30)),
                format!(
                    "The policy basis names no document or document number: \"{}\"",
                    excerpt(t, 30)
                ),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const CITED: &str = "《福田区公共文化服务发展规划》(福府〔2021〕12号)";

    #[test]
    fn fires_without_a_citation() {
        assert_eq!(
            found(&with(CITED, "主要用于社区文化活动。"), "F005").len(),
            1
        );
    }

    #[test]
    fn quiet_on_a_document_number_alone() {
        assert!(found(&with(CITED, "福府〔2021〕12号文"), "F005").is_empty());
        assert!(found(&with(CITED, "中办发[2016]30号"), "F005").is_empty());
    }
}

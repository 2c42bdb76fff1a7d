//! F004 enum-value-invalid: 是否新增项目, 分配方式 or 项目类型 not one of the template's values.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use super::project_field;
use crate::model::{FieldKey, TemplateId};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::excerpt;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F004",
        name: "enum-value-invalid",
        severity: Severity::Warning,
        category: Category::Fields,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "选项字段取值无效",
        title_en: "Invalid option value",
        doc: RuleDoc {
            catches_zh: "是否新增项目不是“是/否”；分配方式不是“因素法/项目法/因素法和项目法”；项目类型不是“编号 名称”的形式（深圳模板的编码；其他模板的项目类型用文字，不检查）。",
            catches_en: "是否新增项目 not 是/否; 分配方式 not 因素法/项目法/因素法和项目法; 项目类型 not `NN 名称` (the codes of Shenzhen's template; other templates name project types in words, not checked).",
            why_zh: "这些字段取自预算系统的固定选项，其他写法无法导入系统，也说明表格可能被改动过。",
            why_en: "These fields come from fixed options of the budget system; other values cannot be imported and suggest an edited template.",
            source: "预算系统填报要求",
            bad_example: "分配方式:\t项目",
            good_example: "分配方式:\t项目法",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// A field, the test of its value, and what it should be.
type EnumCheck = (FieldKey, fn(&str) -> bool, &'static str, &'static str);

const ENUMS: [EnumCheck; 3] = [
    (
        FieldKey::IsNew,
        |v| matches!(v, "是" | "否"),
        "应为“是”或“否”",
        "should be 是 or 否",
    ),
    (
        FieldKey::Allocation,
        |v| matches!(v, "因素法" | "项目法" | "因素法和项目法"),
        "应为“因素法”“项目法”或“因素法和项目法”",
        "should be 因素法, 项目法 or 因素法和项目法",
    ),
    (
        FieldKey::ProjectType,
        project_type_ok,
        "应为“编号 名称”，如“15 其他经费”",
        "should be `NN name`, e.g. 15 其他经费",
    ),
];

/// `15 其他经费`: two digits, a space, a name.
fn project_type_ok(v: &str) -> bool {
    let digits = v.chars().take_while(|c| c.is_ascii_digit()).count();
    digits == 2 && v[2..].starts_with(' ') && v[3..].trim().chars().count() >= 2
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (key, ok, zh, en) in ENUMS {
        // `NN 名称` is the code list of Shenzhen's budget system; other templates name their
        // project types in words (特定目标类, 基础设施类--水利类).
        if key == FieldKey::ProjectType && ctx.form.template != TemplateId::Shenzhen {
            continue;
        }
        if let Some(f) = project_field(ctx, key) {
            // An option list left in the field is S005's.
            if !ok(&f.value.text) && !f.value.text.contains(['□', '☐', '/']) {
                out.push(Diagnostic::new(
                    &INFO,
                    f.value.span,
                    Message::new(
                        format!("{}「{}」{zh}", key.label_zh(), excerpt(&f.value.text, 20)),
                        format!("{} \"{}\" {en}", key.label_en(), excerpt(&f.value.text, 20)),
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_values_outside_the_template() {
        assert_eq!(
            found(&with("分配方式:\t项目法", "分配方式:\t项目"), "F004").len(),
            1
        );
        assert_eq!(
            found(&with("是否新增项目:\t是", "是否新增项目:\t新增"), "F004").len(),
            1
        );
        assert_eq!(found(&with("15 其他经费", "其他经费"), "F004").len(), 1);
    }

    #[test]
    fn quiet_on_project_types_in_words_of_other_templates() {
        let text = "项目支出绩效目标表\n项目名称\t某某项目\n项目类型\t特定目标类\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥100人次\n";
        assert!(found(text, "F004").is_empty());
    }

    #[test]
    fn quiet_on_other_template_values() {
        assert!(found(&with("15 其他经费", "15 履职类(运转)项目"), "F004").is_empty());
        assert!(found(
            &with("分配方式:\t项目法", "分配方式:\t因素法和项目法"),
            "F004"
        )
        .is_empty());
    }
}

//! The template families of 绩效目标表 in use in China, as data: what each is called, what tells
//! it apart, and which fields it asks for. The parser records each form's family
//! ([`Form::template`](crate::model::Form)); the structure rules ask for the fields of the form's
//! own template, not Shenzhen's (docs/templates.md describes every family with an example).
//!
//! A family is recognised by words of its title and by markers: labels or column headers found
//! only in it. An unknown template is still read by its labels (the synonym table of
//! `parse::vocab`) and recorded as the generic project or department template.

use crate::model::{FieldKey, FormKind, Level1, Level2, TemplateId};

/// What a family is and what it asks for.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    pub id: TemplateId,
    /// The stable name in the JSON (`template`) and on the page.
    pub key: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub kind: FormKind,
    /// Words of the title's key that point to the family (any one).
    pub titles: &'static [&'static str],
    /// Label or column keys found only in this family; each one seen scores a point.
    pub markers: &'static [&'static str],
    /// The header fields the template asks for: each one absent or empty is S002.
    pub required: &'static [FieldKey],
    /// Whether a multi-year project must also state its long-term (medium-term) goal.
    pub long_term_goal_when_multi_year: bool,
    /// The level-1 categories its indicator table must have (I002).
    pub level1: &'static [Level1],
    /// The level-2 categories it stars as mandatory for every project (I001); a form may star
    /// more itself.
    pub starred: &'static [Level2],
}

/// The three level-1 categories of the national framework (财预〔2015〕88号, 〔2021〕101号).
const ALL_LEVEL1: &[Level1] = &[Level1::Output, Level1::Benefit, Level1::Satisfaction];

use FieldKey as K;

/// Every family, the generic ones last.
pub static TEMPLATES: &[Template] = &[
    Template {
        id: TemplateId::Shenzhen,
        key: "shenzhen-project",
        name_zh: "深圳市二级项目支出绩效目标申报表",
        name_en: "Shenzhen level-2 project form",
        kind: FormKind::Project,
        titles: &["二级项目支出绩效目标申报表"],
        markers: &[
            "一级预算单位",
            "分配方式",
            "是否新增项目",
            "项目总金额(中期规划",
        ],
        required: &[
            K::Code,
            K::Name,
            K::Applicant,
            K::BudgetUnit,
            K::Years,
            K::ProjectType,
            K::IsNew,
            K::Allocation,
            K::TotalAmount,
            K::YearAmount,
            K::PolicyBasis,
            K::CalcBasis,
            K::AnnualGoal,
        ],
        long_term_goal_when_multi_year: true,
        level1: ALL_LEVEL1,
        starred: &[
            Level2::Quantity,
            Level2::Quality,
            Level2::Timeliness,
            Level2::Cost,
            Level2::SocialBenefit,
            Level2::ServiceSatisfaction,
        ],
    },
    Template {
        id: TemplateId::Department88,
        key: "department-88",
        name_zh: "部门（单位）整体支出绩效目标申报表（财预〔2015〕88号）",
        name_en: "Department-wide form (MoF 2015 No. 88)",
        kind: FormKind::Department,
        titles: &["部门(单位)整体支出绩效目标申报表"],
        markers: &["年度主要任务", "金额合计", "任务名称"],
        required: &[K::Name, K::Authority, K::TotalAmount],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Project88,
        key: "project-88",
        name_zh: "项目支出绩效目标申报表（财预〔2015〕88号）",
        name_en: "Project form (MoF 2015 No. 88)",
        kind: FormKind::Project,
        titles: &[
            "项目支出绩效目标申报表",
            "项目支出绩效目标表",
            "绩效目标批复表",
        ],
        markers: &[
            "主管部门及代码",
            "主管部门及编码",
            "项目期",
            "中期资金总额",
            "中期目标",
            "中期预算资金总额",
            "中期滚动目标",
            "中期指标值",
        ],
        required: &[
            K::Name,
            K::BudgetUnit,
            K::Applicant,
            K::YearAmount,
            K::AnnualGoal,
        ],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Anhui,
        key: "anhui-project",
        name_zh: "安徽省项目支出绩效目标表",
        name_en: "Anhui project form",
        kind: FormKind::Project,
        titles: &["项目支出绩效目标表", "项目支出绩效目标申报表"],
        markers: &["项目来源", "上年结转", "主管部门及代码"],
        required: &[
            K::Name,
            K::BudgetUnit,
            K::Applicant,
            K::YearAmount,
            K::AnnualGoal,
        ],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::ProvincialLong,
        key: "provincial-long",
        name_zh: "财政支出项目绩效目标申报表（湖南、陕西等省长表）",
        name_en: "Provincial long project form (Hunan, Shaanxi …)",
        kind: FormKind::Project,
        titles: &["财政支出项目绩效目标申报表", "财政支出绩效目标申报表"],
        markers: &[
            "项目资金申请",
            "自有资金",
            "单位职能概述",
            "项目立项情况",
            "项目实施进度计划",
            "长期绩效指标",
            "年度绩效指标",
            "绩效标准",
            "项目起止时间",
        ],
        required: &[K::Name, K::BudgetUnit, K::TotalAmount, K::AnnualGoal],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Poverty,
        key: "poverty-relief",
        name_zh: "扶贫（乡村振兴衔接）资金项目绩效目标申报表",
        name_en: "Poverty-relief / rural revitalisation project form",
        kind: FormKind::Project,
        titles: &["扶贫", "衔接"],
        markers: &["项目负责人及电话", "项目负责人及联系电话", "资金情况"],
        required: &[K::Name, K::BudgetUnit, K::YearAmount, K::AnnualGoal],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Yitihua,
        key: "yitihua-project",
        name_zh: "预算管理一体化系统项目绩效目标表",
        name_en: "Integrated budget system project form",
        kind: FormKind::Project,
        titles: &[],
        markers: &[
            "指标性质",
            "指标方向",
            "指标方向性",
            "度量单位",
            "计量单位",
            "权重",
            "指标权重",
            "分值",
            "评(扣)分标准",
            "指标值类型",
            "归口科室",
            "投入目标(万元)",
        ],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::YitihuaDepartment,
        key: "yitihua-department",
        name_zh: "预算管理一体化系统部门整体绩效目标表",
        name_en: "Integrated budget system department form",
        kind: FormKind::Department,
        titles: &["部门整体绩效目标"],
        markers: &[
            "部门编码",
            "部门职能职责概述",
            "年度绩效总目标",
            "计算符号",
            "指标值说明",
        ],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Shanghai,
        key: "shanghai-project",
        name_zh: "上海市财政支出项目绩效目标申报表",
        name_en: "Shanghai project form",
        kind: FormKind::Project,
        titles: &[
            "上海市财政支出项目绩效目标申报表",
            "财政项目支出绩效目标申报表",
        ],
        markers: &[
            "申报单位名称",
            "资金用途",
            "计划开始日期",
            "计划完成日期",
            "项目总体目标",
            "年度总体目标",
        ],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Zhejiang,
        key: "zhejiang-project",
        name_zh: "浙江省项目库项目申报表",
        name_en: "Zhejiang project-library form",
        kind: FormKind::Project,
        titles: &[],
        markers: &[
            "对应一级项目",
            "项目口径",
            "重要程度",
            "项目功能科目",
            "指标类型",
            "指标描述",
        ],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::ChongqingApproval,
        key: "chongqing-approval",
        name_zh: "重庆市项目支出绩效目标审批表",
        name_en: "Chongqing project approval form",
        kind: FormKind::Project,
        titles: &["绩效目标审批表"],
        markers: &[
            "项目审批",
            "财政资金科目代码",
            "项目总预算",
            "当年年度预算",
            "建设周期",
        ],
        required: &[K::Name, K::YearAmount],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Shandong,
        key: "shandong-project",
        name_zh: "山东省项目支出目标申报表",
        name_en: "Shandong project form",
        kind: FormKind::Project,
        titles: &["项目支出目标申报表"],
        markers: &["项目主管部门", "项目资金申请", "项目总体情况", "年度数值"],
        required: &[K::Name, K::TotalAmount],
        long_term_goal_when_multi_year: false,
        // Its table has no 满意度 indicators.
        level1: &[Level1::Output, Level1::Benefit],
        starred: &[],
    },
    Template {
        id: TemplateId::GradedTransfer,
        key: "graded-transfer",
        name_zh: "转移支付预算指标绩效目标表（优良中差分级）",
        name_en: "Graded transfer-payment target table",
        kind: FormKind::Project,
        titles: &["预算指标绩效目标表"],
        markers: &["绩效指标分类", "绩效指标评价标准", "评价标准确定依据"],
        required: &[K::AnnualGoal],
        long_term_goal_when_multi_year: false,
        level1: &[Level1::Output],
        starred: &[],
    },
    Template {
        id: TemplateId::Transfer,
        key: "transfer-regional",
        name_zh: "转移支付区域绩效目标申报表",
        name_en: "Transfer payment regional target form",
        kind: FormKind::Project,
        titles: &["区域绩效目标", "转移支付"],
        markers: &[
            "专项名称",
            "中央主管部门",
            "省级主管部门",
            "中央补助",
            "地方资金",
        ],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Announcement,
        key: "announcement",
        name_zh: "绩效目标设定公示（文字）",
        name_en: "Published targets in prose (公示)",
        kind: FormKind::Project,
        titles: &["绩效目标设定的公示", "绩效目标的公示", "绩效目标公示"],
        markers: &[],
        // A notice in sentences: the project is named in its title.
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Project,
        key: "project",
        name_zh: "项目支出绩效目标表（其他模板）",
        name_en: "Project form (other template)",
        kind: FormKind::Project,
        titles: &[],
        markers: &[],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
    Template {
        id: TemplateId::Department,
        key: "department",
        name_zh: "部门整体支出绩效目标表（其他模板）",
        name_en: "Department-wide form (other template)",
        kind: FormKind::Department,
        titles: &[],
        markers: &[],
        required: &[K::Name],
        long_term_goal_when_multi_year: false,
        level1: ALL_LEVEL1,
        starred: &[],
    },
];

impl TemplateId {
    pub fn info(self) -> &'static Template {
        TEMPLATES
            .iter()
            .find(|t| t.id == self)
            .unwrap_or(&TEMPLATES[0])
    }

    /// The generic template of a kind.
    pub fn generic(kind: FormKind) -> TemplateId {
        match kind {
            FormKind::Project => TemplateId::Project,
            FormKind::Department => TemplateId::Department,
        }
    }

    pub fn by_key(key: &str) -> Option<TemplateId> {
        TEMPLATES.iter().find(|t| t.key == key).map(|t| t.id)
    }
}

/// The family of a form: its title's words (three points) and its markers decide: a point for
/// each marker among the keys of its labels, two for each among its indicator table's column
/// headers (the columns are the system's or the template's own layout, where a title like
/// `项目支出绩效目标表` is shared by several families); the generic template of its kind when
/// nothing points anywhere. `labels` and `columns` are label keys (see `text::label_key`).
pub fn recognise<'a>(
    kind: FormKind,
    title_key: &str,
    labels: impl IntoIterator<Item = &'a str> + Clone,
    columns: impl IntoIterator<Item = &'a str> + Clone,
) -> TemplateId {
    let mut best = (0, TemplateId::generic(kind));
    for t in TEMPLATES.iter().filter(|t| t.kind == kind) {
        let mut score = 0;
        if t.titles.iter().any(|w| title_key.contains(w)) {
            score += 3;
        }
        for m in t.markers {
            if columns.clone().into_iter().any(|k| k.starts_with(m)) {
                score += 2;
            } else if labels.clone().into_iter().any(|k| k.starts_with(m)) {
                score += 1;
            }
        }
        if score > best.0 {
            best = (score, t.id);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_COLUMNS: [&str; 0] = [];

    #[test]
    fn the_catalogue_is_consistent() {
        let mut keys: Vec<&str> = TEMPLATES.iter().map(|t| t.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), TEMPLATES.len(), "template keys are unique");
        for t in TEMPLATES {
            assert_eq!(t.id.info().key, t.key);
            assert_eq!(TemplateId::by_key(t.key), Some(t.id));
            assert!(!t.required.is_empty(), "{} asks for nothing", t.key);
        }
    }

    #[test]
    fn titles_and_markers_decide() {
        let sz = recognise(
            FormKind::Project,
            "二级项目支出绩效目标申报表",
            ["项目编码"],
            NO_COLUMNS,
        );
        assert_eq!(sz, TemplateId::Shenzhen);
        let ah = recognise(
            FormKind::Project,
            "项目支出绩效目标表(2025年度)",
            ["项目名称", "主管部门及代码", "项目来源", "上年结转"],
            NO_COLUMNS,
        );
        assert_eq!(ah, TemplateId::Anhui);
        let p88 = recognise(
            FormKind::Project,
            "项目支出绩效目标申报表",
            ["项目名称", "主管部门及代码", "项目期"],
            NO_COLUMNS,
        );
        assert_eq!(p88, TemplateId::Project88);
        let unknown = recognise(
            FormKind::Department,
            "某某绩效目标表",
            ["部门名称"],
            NO_COLUMNS,
        );
        assert_eq!(unknown, TemplateId::Department);
    }
    #[test]
    fn the_table_columns_weigh_more_than_a_shared_title() {
        // The 一体化 export titled like an 88号 form: its columns are the system's own.
        let labels = [
            "项目名称",
            "项目编码",
            "主管部门",
            "实施单位",
            "项目期限",
            "资金总额",
        ];
        let yitihua = recognise(
            FormKind::Project,
            "项目支出绩效目标表",
            labels,
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "度量单位",
                "指标解释",
                "评(扣)分标准",
                "权重",
            ],
        );
        assert_eq!(yitihua, TemplateId::Yitihua);
        // The same labels under the plain columns: the title decides.
        let p88 = recognise(
            FormKind::Project,
            "项目支出绩效目标表",
            labels,
            ["一级指标", "二级指标", "三级指标", "指标值"],
        );
        assert_eq!(p88, TemplateId::Project88);
    }
}

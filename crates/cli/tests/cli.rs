//! The `kpiform` binary: its contract (formats, exit codes, messages).

use assert_cmd::Command;
use serde_json::Value;

fn corpus(name: &str) -> String {
    format!("{}/{name}", kpiform_testkit::CORPUS_DIR)
}

fn kpiform() -> Command {
    Command::cargo_bin("kpiform").unwrap()
}

/// `kpiform check --format json FILES`: the exit code and the report.
fn check_json(files: &[&str]) -> (Option<i32>, Value) {
    let out = kpiform()
        .args(["check", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn text_format_lists_diagnostics_with_positions() {
    let path = corpus("003_d1b95c24a67cc619.txt");
    let out = kpiform()
        .args(["check", "--select", "S", &path])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "errors present");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!("{path}:27:23: warning[S004] 指标行多出的单元格，未作检查：「不适用」"),
            format!("{path}:436:1: error[S002] 必填字段「项目编码」为空"),
            format!("{path}:459:1: error[S002] 必填字段「项目编码」为空"),
        ]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("19 张申报表，2 个错误，1 个警告"),
        "{stderr}"
    );
}

#[test]
fn exit_zero_without_errors_and_english_messages() {
    let out = kpiform()
        .args([
            "check",
            "--lang",
            "en",
            "--select",
            "S",
            &corpus("000_9a8050d2e31200e0.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let all = kpiform()
        .args(["check", "--lang", "en", &corpus("000_9a8050d2e31200e0.txt")])
        .output()
        .unwrap();
    assert_eq!(
        all.status.code(),
        Some(1),
        "000 has real errors (A001, F002, …)"
    );
    assert!(String::from_utf8(all.stdout)
        .unwrap()
        .contains("error[A001] The amounts are labelled 万元"));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("11 forms, 0 errors"));
    let out = kpiform()
        .args(["check", "--lang", "en", &corpus("003_d1b95c24a67cc619.txt")])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("error[S002] Required field 项目编码 (project code) is empty"));
}

#[test]
fn json_format_follows_the_contract() {
    let (code, v) = check_json(&[
        &corpus("000_9a8050d2e31200e0.txt"),
        &corpus("003_d1b95c24a67cc619.txt"),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(v["tool"]["name"], "kpiform");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let inputs = v["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 2);
    let form = &inputs[0]["forms"][0];
    assert_eq!(form["kind"], "project");
    assert_eq!(form["title"], "二级项目支出绩效目标申报表");
    assert_eq!(
        (form["start_line"].as_u64(), form["end_line"].as_u64()),
        (Some(3), Some(24))
    );
    let f = &form["fields"];
    assert_eq!(f["code"], "44030422146150000007");
    assert_eq!(f["name"], "一般管理事务");
    assert_eq!(f["years"], 4);
    assert_eq!(f["is_new"], false);
    assert_eq!(f["amount_unit"], "万元");
    assert_eq!(f["total_amount"].as_f64(), Some(7_944_900.0));
    assert_eq!(f["year_amount"].as_f64(), Some(1_648_300.0));
    assert_eq!(f["project_type"], "15 其他经费");
    for key in [
        "applicant",
        "budget_unit",
        "allocation",
        "policy_basis",
        "calc_basis",
        "annual_goal",
        "long_term_goal",
    ] {
        assert!(f[key].is_string(), "{key}");
    }
    let ind = &form["indicators"][0];
    assert_eq!(ind["level1"], "产出");
    assert_eq!(ind["level2"], "数量");
    assert_eq!(ind["mandatory"], true);
    assert_eq!(ind["name"], "日常综合协调工作项数");
    assert_eq!(ind["value"], "≥5项");
    assert_eq!(ind["unit"], "项");
    assert_eq!(ind["applicable"], true);
    assert_eq!(ind["line"], 15);
    let na = &form["indicators"][4];
    assert_eq!(
        (na["applicable"].as_bool(), na["unit"].is_null()),
        (Some(false), true)
    );

    // An empty code is null, and its S002 carries positions.
    let last = inputs[1]["forms"].as_array().unwrap().last().unwrap();
    assert!(last["fields"]["code"].is_null());
    let d = last["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "S002")
        .unwrap();
    assert_eq!(d["code"], "S002");
    assert_eq!(d["name"], "required-field-missing");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "必填字段「项目编码」为空");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(459), Some(1))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(459), Some(6))
    );
    assert!(d["fix"].is_null());
    // 459 lines before it; the offset is in UTF-16 units, so it is smaller than the byte offset.
    assert!(d["start_offset"].as_u64().unwrap() > 20_000);
}

#[test]
fn department_form_json() {
    let (code, v) = check_json(&[&corpus("001_8de26ab3fb50a26b.txt")]);
    assert_eq!(code, Some(0));
    let form = &v["inputs"][0]["forms"][0];
    assert_eq!(form["kind"], "department");
    let f = &form["fields"];
    assert_eq!(f["name"], "深圳市福田区重点片区建设发展中心（本级）");
    assert_eq!(f["authority"], "深圳市福田区重点片区建设发展中心（本级）");
    assert_eq!(f["total_amount"].as_f64(), Some(3293.33));
    assert_eq!(f["tasks"].as_array().unwrap().len(), 3);
    assert_eq!(f["tasks"][1]["name"], "一般管理事务");
    assert_eq!(f["tasks"][1]["fiscal"].as_f64(), Some(888.96));
    assert_eq!(f["goals"].as_array().unwrap().len(), 10);
    assert_eq!(form["indicators"].as_array().unwrap().len(), 33);
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read_to_string(corpus("000_9a8050d2e31200e0.txt")).unwrap();
    for args in [
        vec!["check", "--format", "json"],
        vec!["check", "--format", "json", "-"],
    ] {
        let out = kpiform()
            .args(&args)
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["inputs"][0]["path"], "-");
        assert_eq!(v["inputs"][0]["forms"].as_array().unwrap().len(), 11);
    }
}

#[test]
fn decodes_gb18030_and_utf16() {
    let text = std::fs::read_to_string(corpus("000_9a8050d2e31200e0.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let gbk_path = dir.path().join("gbk.txt");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16_path = dir.path().join("utf16.txt");
    std::fs::write(&utf16_path, &utf16).unwrap();
    for (path, name) in [(gbk_path, "GB18030"), (utf16_path, "UTF-16LE")] {
        let out = kpiform()
            .args(["check", "--format", "json", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8(out.stderr).unwrap().contains(name));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["inputs"][0]["forms"][0]["fields"]["name"], "一般管理事务");
    }
}

#[test]
fn usage_and_io_failures_exit_2() {
    let out = kpiform()
        .args(["check", "/nonexistent/forms.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("找不到文件或目录 / no such file or folder: /nonexistent/forms.txt"),
        "{stderr}"
    );
    assert_eq!(
        kpiform()
            .args(["check", "--format", "xml"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        kpiform()
            .args(["frobnicate"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(kpiform().output().unwrap().status.code(), Some(2));
}

#[test]
fn lists_rules() {
    let out = kpiform()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.starts_with(&["S001", "S002", "S003", "S004", "S005", "S006", "F001"])
            && codes.len() == 60,
        "{codes:?}"
    );
    let text = kpiform().arg("rules").output().unwrap();
    assert!(String::from_utf8(text.stdout)
        .unwrap()
        .contains("S002  error   required-field-missing"));
}

fn codes_of(args: &[&str]) -> (Option<i32>, Vec<String>) {
    let out = kpiform().args(args).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let mut codes = Vec::new();
    for input in v["inputs"].as_array().into_iter().flatten() {
        for d in input["diagnostics"].as_array().into_iter().flatten() {
            codes.push(d["code"].as_str().unwrap().to_string());
        }
        for f in input["forms"].as_array().into_iter().flatten() {
            for d in f["diagnostics"].as_array().into_iter().flatten() {
                codes.push(format!(
                    "{}:{}",
                    d["code"].as_str().unwrap(),
                    d["severity"].as_str().unwrap()
                ));
            }
        }
    }
    (out.status.code(), codes)
}

#[test]
fn select_ignore_severity_and_budget_year() {
    let file = corpus("003_d1b95c24a67cc619.txt");
    let (code, found) = codes_of(&["check", "--format", "json", "--select", "V005,A007", &file]);
    assert_eq!(code, Some(1));
    assert!(
        found
            .iter()
            .all(|c| c.starts_with("V005") || c.starts_with("A007")),
        "{found:?}"
    );
    assert_eq!(found.iter().filter(|c| c.starts_with("V005")).count(), 8);
    // Everything graded down to warnings: exit 0.
    let (code, found) = codes_of(&[
        "check",
        "--format",
        "json",
        "--select",
        "V005",
        "--severity",
        "V005=warning",
        &file,
    ]);
    assert_eq!(code, Some(0));
    assert!(found.iter().all(|c| c == "V005:warning"));
    let (_, found) = codes_of(&["check", "--format", "json", "--ignore", "V,T", &file]);
    assert!(!found
        .iter()
        .any(|c| c.starts_with('V') || c.starts_with('T')));
    assert!(found.iter().any(|c| c.starts_with("A007")));
    // A budget year of 2025 puts the 2024 deadlines of 003 before the period.
    let (_, found) = codes_of(&[
        "check",
        "--format",
        "json",
        "--select",
        "V011",
        "--budget-year",
        "2025",
        &file,
    ]);
    assert!(found.len() > 5, "{found:?}");
    let (_, found) = codes_of(&["check", "--format", "json", "--select", "V011", &file]);
    assert!(found.is_empty(), "2024 is detected: {found:?}");
}

#[test]
fn bad_options_exit_2_with_a_clear_message() {
    let file = corpus("000_9a8050d2e31200e0.txt");
    for (args, says) in [
        (
            vec!["check", "--select", "Z999", &file],
            "unknown rule code: Z999",
        ),
        (
            vec!["check", "--severity", "V002", &file],
            "--severity takes CODE=LEVEL",
        ),
        (
            vec!["check", "--severity", "V002=fatal", &file],
            "unknown severity: fatal",
        ),
        (
            vec!["check", "--budget-year", "1800", &file],
            "invalid budget year: 1800",
        ),
    ] {
        let out = kpiform().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(says), "{stderr}");
    }
}

#[test]
fn json_carries_parsed_values_and_fixes() {
    let (_, v) = check_json(&[&corpus("003_d1b95c24a67cc619.txt")]);
    assert_eq!(v["inputs"][0]["budget_year"], 2024);
    let form = &v["inputs"][0]["forms"][0];
    let ind = &form["indicators"][0];
    assert_eq!(ind["value"], "≥5次");
    let p = &ind["parsed"];
    assert_eq!(
        (
            p["kind"].as_str(),
            p["operator"].as_str(),
            p["number"].as_f64(),
            p["unit"].as_str()
        ),
        (Some("number"), Some("≥"), Some(5.0), Some("次"))
    );
    assert_eq!(p["expected"], "count");
    let v005 = form["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "V005")
        .unwrap();
    assert_eq!(v005["fix"]["applicability"], "suggest");
    assert_eq!(v005["fix"]["replacement"], "＝100%");
    let a007 = v["inputs"][0]["forms"][5]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "A007")
        .unwrap();
    assert_eq!(a007["fix"]["replacement"], "万元");
    assert_eq!(a007["related"][0]["message"], "本年度项目金额");
}

/// The rule pages in site/rules are generated from the registry; regenerate them with
/// `cargo xtask codegen` after changing a rule.
#[test]
fn committed_rule_pages_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = kpiform()
        .args([
            "rules",
            "--format",
            "html",
            "--out",
            dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../site/rules");
    let mut generated: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    generated.sort();
    assert_eq!(
        generated.len(),
        63,
        "index, style sheet, grading formula and 60 rules"
    );
    for name in generated {
        let fresh = std::fs::read_to_string(dir.path().join(&name)).unwrap();
        let committed = std::fs::read_to_string(site.join(&name)).unwrap_or_default();
        assert!(
            fresh == committed,
            "site/rules/{} is stale: run `cargo xtask codegen`",
            name.to_string_lossy()
        );
    }
    let out = kpiform()
        .args(["rules", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--format html needs --out");
}

#[test]
fn export_writes_every_format_and_lists_the_changes() {
    let file = corpus("003_d1b95c24a67cc619.txt");
    let out = kpiform()
        .args(["export", "--format", "text", &file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("二级项目支出绩效目标申报表\n项目编码:\t440313240021500600002\n"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("N008 字段标签规范化 「项目编号:」→「项目编码:」"),
        "{stderr}"
    );
    assert!(stderr.contains("S004"), "dropped content is listed");

    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("out.csv");
    let out = kpiform()
        .args([
            "export",
            "--format",
            "csv",
            "-o",
            base.to_str().unwrap(),
            &file,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let forms = std::fs::read_to_string(dir.path().join("out-forms.csv")).unwrap();
    let indicators = std::fs::read_to_string(dir.path().join("out-indicators.csv")).unwrap();
    assert_eq!(forms.lines().count(), 1 + 19);
    assert_eq!(
        indicators.lines().filter(|l| l.contains(&file)).count(),
        230
    );

    let xlsx = dir.path().join("out.xlsx");
    let out = kpiform()
        .args([
            "export",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
            &file,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    let out = kpiform()
        .args(["export", "--format", "report", "--apply-suggested", &file])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("## 6. 公共法律服务工作经费（440313230021500305024）"));
    assert!(report.contains("建议修改为：「万元」"));

    assert_eq!(
        kpiform()
            .args(["export", "--format", "pdf", &file])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        kpiform()
            .args(["export", "--format", "text", "/nonexistent.txt"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn batch_over_folders_in_parallel_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    for (i, name) in [
        "000_9a8050d2e31200e0.txt",
        "001_8de26ab3fb50a26b.txt",
        "002_504b0ed3bb28be2b.txt",
        "003_d1b95c24a67cc619.txt",
    ]
    .iter()
    .enumerate()
    {
        let target = if i % 2 == 0 {
            dir.path().join(format!("{i}.txt"))
        } else {
            nested.join(format!("{i}.md"))
        };
        std::fs::copy(corpus(name), target).unwrap();
    }
    std::fs::write(dir.path().join("ignored.pdf"), "not a text").unwrap();
    let out = kpiform()
        .args(["check", "--format", "json", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
    assert!(
        paths[0].ends_with("0.txt")
            && paths[1].ends_with("2.txt")
            && paths[2].ends_with("a/b/1.md"),
        "sorted, recursive: {paths:?}"
    );
    let forms: usize = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["forms"].as_array().unwrap().len())
        .sum();
    assert_eq!(forms, 42);
    let summary = v["summary"].as_array().unwrap();
    assert_eq!(
        summary
            .iter()
            .map(|u| u["forms"].as_u64().unwrap())
            .sum::<u64>(),
        42
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("合计") && stderr.contains("42"), "{stderr}");
    // The same findings, file by file, as a single-file run.
    let (_, s) = check_json(&[&corpus("003_d1b95c24a67cc619.txt")]);
    assert_eq!(v["inputs"][3]["forms"], s["inputs"][0]["forms"]);

    let sarif = kpiform()
        .args(["check", "--format", "sarif", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let s: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 60);
    let results = run["results"].as_array().unwrap();
    let a007 = results.iter().find(|r| r["ruleId"] == "A007").unwrap();
    assert_eq!(a007["level"], "error");
    assert_eq!(
        a007["locations"][0]["physicalLocation"]["region"]["startLine"],
        148
    );
    assert_eq!(
        a007["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "万元"
    );

    let empty = tempfile::tempdir().unwrap();
    let out = kpiform()
        .args(["check", empty.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no file to read"));
}

fn import_fixture(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn reads_workbooks_and_documents() {
    for name in ["corpus.xlsx", "corpus.xls", "corpus.docx"] {
        let out = kpiform()
            .args(["check", "--format", "json", &import_fixture(name)])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: the seed forms have errors"
        );
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("read as"), "{stderr}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let forms = v["inputs"][0]["forms"].as_array().unwrap();
        assert_eq!(forms.len(), 42, "{name}");
        let rows: usize = forms
            .iter()
            .map(|f| f["indicators"].as_array().unwrap().len())
            .sum();
        assert_eq!(rows, 526, "{name}");
        assert_eq!(forms[0]["fields"]["name"], "一般管理事务");
    }
}

#[test]
fn files_that_are_no_form_exit_2_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = std::fs::read(import_fixture("corpus.xlsx")).unwrap();
    let truncated = dir.path().join("cut.xlsx");
    std::fs::write(&truncated, &xlsx[..xlsx.len() / 3]).unwrap();
    let random = dir.path().join("random.txt");
    let mut x: u32 = 1;
    let bytes: Vec<u8> = (0..5000)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&random, bytes).unwrap();
    let cases = [
        (import_fixture("form.pdf"), "PDF"),
        (import_fixture("image.png"), "PNG"),
        (import_fixture("encrypted.xlsx"), "password"),
        (truncated.to_str().unwrap().to_string(), "damaged"),
        (random.to_str().unwrap().to_string(), "not a text file"),
    ];
    for (path, says) in &cases {
        let out = kpiform().args(["check", path]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(says), "{path}: {stderr}");
        assert!(out.stdout.is_empty(), "{path}: no mojibake on stdout");
    }
    // With a good file among them: the good one is checked, the run still exits 2.
    let good = corpus("000_9a8050d2e31200e0.txt");
    let out = kpiform()
        .args(["check", "--format", "json", &cases[0].0, &good])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["inputs"].as_array().unwrap().len(), 1);
    assert_eq!(v["inputs"][0]["forms"].as_array().unwrap().len(), 11);
}

#[test]
fn import_prints_the_text_check_reads() {
    let xlsx = import_fixture("corpus.xlsx");
    let out = kpiform()
        .args(["import", &xlsx, &import_fixture("image.png")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "the image is refused");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("【文件：{xlsx}】\n二级项目支出绩效目标申报表\n")));
    assert!(text.contains("项目总金额(中期规划,万元):\t7944900\t"));
    assert!(String::from_utf8(out.stderr).unwrap().contains("PNG"));
    // Its output, checked, holds the same forms; each knows its file.
    let (code, v) = {
        let out = kpiform()
            .args(["check", "--format", "json", "-"])
            .write_stdin(text)
            .output()
            .unwrap();
        (
            out.status.code(),
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        )
    };
    assert_eq!(code, Some(1));
    let forms = v["inputs"][0]["forms"].as_array().unwrap();
    assert_eq!(forms.len(), 42);
    assert!(forms.iter().all(|f| f["file"] == xlsx.as_str()));
}

/// Corpus 000 resubmitted: three errors fixed (two rates written as 1, a 测算依据 that did not
/// add up) and one made (a rate of 900%).
fn resubmitted_000() -> (String, String) {
    let old = std::fs::read_to_string(corpus("000_9a8050d2e31200e0.txt")).unwrap();
    let mut new = old.clone();
    for (from, to) in [
        (
            "成本控制率\t≤1\t该指标主要考察培训",
            "成本控制率\t≤100%\t该指标主要考察培训",
        ),
        (
            "成本控制率\t≤1\t该指标主要考察疫情",
            "成本控制率\t≤100%\t该指标主要考察疫情",
        ),
        ("预计需要5万元用于办公场所", "预计需要2万元用于办公场所"),
        ("工作任务质量合格率\t≥90%", "工作任务质量合格率\t≥900%"),
    ] {
        assert!(new.contains(from), "{from}");
        new = new.replacen(from, to, 1);
    }
    (old, new)
}

#[test]
fn compare_lists_fixed_new_remaining_and_changes() {
    let (old, new) = resubmitted_000();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&a, &old).unwrap();
    std::fs::write(&b, &new).unwrap();
    let out = kpiform()
        .args(["compare", "--format", "json"])
        .args([&a, &b])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "errors remain");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let forms = v["forms"].as_array().unwrap();
    assert_eq!(forms.len(), 11);
    let count =
        |key: &str| -> usize { forms.iter().map(|f| f[key].as_array().unwrap().len()).sum() };
    let before = check_json(&[a.to_str().unwrap()]).1;
    let findings: usize = before["inputs"][0]["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum();
    assert_eq!((count("fixed"), count("new")), (3, 1));
    assert_eq!(count("remaining"), findings - 3);
    let fixed: Vec<&str> = forms
        .iter()
        .flat_map(|f| f["fixed"].as_array().unwrap())
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    assert_eq!(fixed, ["V005", "A005", "V005"]);
    assert_eq!(forms[1]["new"][0]["code"], "V004");
    assert_eq!(forms[1]["new"][0]["quote"], "≥900%");
    assert_eq!(
        forms[3]["changed"][0],
        serde_json::json!({
            "field": "测算依据",
            "old": "2023年预计需要5万元用于办公场所的修缮维护。",
            "new": "2023年预计需要2万元用于办公场所的修缮维护。"
        })
    );
    // The text format says the same, by form.
    let out = kpiform().args(["compare"]).args([&a, &b]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "== 440304221461500000008 培训费\n   已改正 1，新出现 0，仍存在 6\n   - [V005]"
        ),
        "{text}"
    );
}

#[test]
fn check_json_grades_every_form() {
    let (_, v) = check_json(&[&corpus("000_9a8050d2e31200e0.txt")]);
    let forms = v["inputs"][0]["forms"].as_array().unwrap();
    for f in forms {
        let g = &f["grade"];
        assert!(["excellent", "good", "fair", "poor"].contains(&g["level"].as_str().unwrap()));
        let scores: Vec<f64> = [
            "completeness",
            "relevance",
            "appropriateness",
            "feasibility",
        ]
        .iter()
        .map(|k| f["scores"][k].as_f64().unwrap())
        .collect();
        let mean = (scores.iter().sum::<f64>() / 4.0 * 10.0).round() / 10.0;
        assert_eq!(g["score"].as_f64().unwrap(), mean);
    }
    // 一般管理事务: F002, A001, A005, I001 and warnings: 79.5, 中.
    assert_eq!(forms[0]["grade"]["label"], "中");
    assert_eq!(forms[0]["grade"]["score"], 79.5);
    assert_eq!(forms[1]["grade"]["label"], "良");
}

/// `kpiform export --review FILE`: a review saved by the page hands over to the terminal: its
/// forms, its grades set by hand and its dismissals.
#[test]
fn export_follows_a_saved_review() {
    let text = std::fs::read_to_string(corpus("000_9a8050d2e31200e0.txt")).unwrap();
    let doc = kpiform_core::check(&text, &Default::default());
    let form = &doc.forms[1];
    let findings = |t: &str| t.matches("**V").count();
    let review = kpiform_core::Dispositions {
        grades: vec![kpiform_core::GradeOverride {
            form: kpiform_core::form_id(form),
            grade: kpiform_core::Grade::Poor,
            reason: "绩效指标无法衡量".into(),
        }],
        dismissed: vec![(kpiform_core::FindingKey::every("V005"), "不适用".into())],
        ..Default::default()
    };
    let file = kpiform_core::ReviewFile::new(&text, None, &Default::default(), &review, "");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unit.kpiform-review.json");
    std::fs::write(&path, file.to_bytes()).unwrap();
    let out = kpiform()
        .args(["export", "--format", "report", "--review"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("理由：绩效指标无法衡量"), "{md}");
    assert!(!md.contains("**V005"), "dismissed");
    let plain = kpiform()
        .args(["export", "--format", "report"])
        .arg(corpus("000_9a8050d2e31200e0.txt"))
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(plain.contains("**V005") && findings(&plain) > findings(&md));
    // A file that is no review is refused, with a reason in both languages.
    std::fs::write(&path, b"{\"inputs\": []}").unwrap();
    let out = kpiform()
        .args(["export", "--format", "report", "--review"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("不是可以打开的审核文件") && err.contains("not a review file"),
        "{err}"
    );
}

/// `kpiform export --unit NAME`: one unit's 审核意见, without the other units' forms.
#[test]
fn export_of_one_unit() {
    let path = corpus("000_9a8050d2e31200e0.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = kpiform_core::check(&text, &Default::default());
    let units: Vec<String> = doc
        .forms
        .iter()
        .filter_map(kpiform_core::export::unit_of)
        .collect();
    let unit = &units[0];
    let mine = units.iter().filter(|u| *u == unit).count();
    assert!(mine < doc.forms.len(), "the file has several units");
    let out = kpiform()
        .args(["export", "--format", "report", "--unit", unit, &path])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert_eq!(md.matches("审核结论").count(), mine, "{md}");
    assert!(!units
        .iter()
        .any(|u| u != unit && md.contains(&format!("：{u}\n"))));
}

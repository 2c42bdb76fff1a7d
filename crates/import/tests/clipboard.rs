//! Real clipboard payloads (tests/fixtures/import/clipboard, see SOURCES.md there): the grid
//! rebuilt from `text/html` is the `text/plain` of the same copy, and merged cells keep every
//! other cell in its column.

use kpiform_import::clipboard;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/import/clipboard"
);

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

/// Text as the checker sees it: lines without trailing tabs or white space, no blank lines at
/// the end.
fn canonical(s: &str) -> Vec<String> {
    let mut lines: Vec<String> = s
        .lines()
        .map(|l| {
            l.trim_end_matches(['\t', ' ', '\r', '\u{3000}'])
                .to_string()
        })
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[test]
fn excel_html_is_its_plain_text() {
    for name in ["excel-win-hyperlinks", "excel365-win-one-row"] {
        let html = read(&format!("{name}.html"));
        let plain = read(&format!("{name}.txt"));
        let got = clipboard(&html, &plain).unwrap_or_else(|| panic!("{name}: no table"));
        assert_eq!(canonical(&got.text), canonical(&plain), "{name}");
        assert_eq!(got.tables, 1);
    }
}

#[test]
fn merged_cells_keep_the_columns() {
    // Excel for Mac, Chinese locale: bordered cells holding only full-width spaces, one merged
    // over two columns and five rows: nothing to read, and nothing invented.
    let got = clipboard(&read("excel-mac-zh-merged-borders.html"), "").unwrap();
    assert_eq!(got.text, "");
    // Word and Excel copies of the same form with colspans: the same grid of words.
    let excel = clipboard(&read("excel365-win-colspan.html"), "").unwrap();
    let word = clipboard(&read("word365-win-colspan.html"), "").unwrap();
    let words = |s: &str| -> Vec<String> {
        s.split(['\t', '\n', ' '])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(words(&excel.text), words(&word.text));
    for t in [&excel.text, &word.text] {
        let lines: Vec<&str> = t.lines().collect();
        // colspan=6 then the next cell: the second label stays in the seventh column.
        assert_eq!(lines[1], "Start temperatuur:\t\t\t\t\t\tEind temperatuur:");
        assert_eq!(lines[5], "Start OK:\t\t\t\t\tuur");
    }
}

#[test]
fn excel_exact_values_replace_shown_ones() {
    // The markup Excel 2003 and WPS write (x:num on number cells, the shown text rounded or ####).
    let html = "<table><tr><td>项目总金额（万元）</td><td x:num=\"794.49\">794</td>\
        <td x:num=\"0.955\">96%</td><td>########</td></tr></table>";
    let got = clipboard(html, "项目总金额（万元）\t794\t96%\t2025-12-31").unwrap();
    assert_eq!(got.text, "项目总金额（万元）\t794.49\t95.5%\t2025-12-31\n");
}

#[test]
fn html_without_a_table_leaves_the_plain_text() {
    assert_eq!(clipboard("<p>项目名称：示例</p>", "项目名称：示例"), None);
}

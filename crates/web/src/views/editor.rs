//! The input panel: the text box with line numbers and highlighted spans, example, file, clear,
//! counts, the restored-text notice, dropping a file.
//!
//! The text box stays a plain `<textarea>` (native typing, undo, paste, accessibility). Line
//! numbers and highlights are drawn beside and behind it from its scroll position; both render
//! only what is in view, so a text of a million lines costs as much as one screen. The box does
//! not wrap lines and every line is `LINE_HEIGHT` pixels high (see `site/style.css`).

use kpiform_core::Span;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::constants::{LINE_HEIGHT, MAIN_THREAD_LIMIT, MAX_FILE_BYTES, PAD_TOP};
use crate::dom;
use crate::i18n as t;
use crate::importer::{self, Reply};
use crate::state::{count_lines, use_state, State};

/// Lines of a multi-line span highlighted at most, and the longest line start drawn before a
/// highlighted span (a million-character line is not copied into the page to draw one mark).
const MAX_HL_LINES: usize = 40;
const MAX_HL_PREFIX: usize = 20_000;

#[component]
pub fn InputPanel() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let file_input = NodeRef::<html::Input>::new();
    let folder_input = NodeRef::<html::Input>::new();
    let dragging = RwSignal::new(false);
    // Line count while typing (the report's count lags behind by the debounce).
    let lines_now = RwSignal::new(0usize);

    let on_input = move |ev: web_sys::Event| {
        // An input method composing: checked once it commits (`compositionend`).
        if st.input(&ev) {
            st.schedule();
        } else {
            st.mark_dirty();
        }
        if let Some(el) = st.input.get_untracked() {
            if el.text_length() < MAIN_THREAD_LIMIT {
                lines_now.set(count_lines(&el.value()));
            }
        }
        request_animation_frame(move || st.update_viewport());
    };
    // Keep the typing-time count in step with checks (edits by the page, restore).
    Effect::new(move |_| {
        let n = st.analysis.with(|a| a.report.lines);
        lines_now.set(n);
    });

    let load_example = move |_| st.load_example();
    let clear = move |_| st.clear_text();
    let open_file = move |_| {
        if let Some(input) = file_input.get_untracked() {
            input.click();
        }
    };
    let on_file = move |_| {
        if let Some(input) = file_input.get_untracked() {
            load_files(st, dom::take_files(&input), false);
        }
    };

    let open_folder = move |_| {
        if let Some(input) = folder_input.get_untracked() {
            input.click();
        }
    };
    // A folder (a unit's files): the files kpiform reads, each named by its path in the folder;
    // the others are counted in the message, not read.
    let on_folder = move |_| {
        let Some(input) = folder_input.get_untracked() else {
            return;
        };
        let (forms, others): (Vec<_>, Vec<_>) = dom::take_files(&input)
            .into_iter()
            .partition(|f| readable(&f.name()));
        if forms.is_empty() {
            st.show_toast(t::folder_empty(others.len()), false, true);
        } else {
            load(st, forms, false, others.len());
        }
    };

    // A folder chooser (every browser the page supports has the attribute; no HTML name for it).
    Effect::new(move |_| {
        if let Some(el) = folder_input.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });

    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .map(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            })
            .unwrap_or(false)
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        if has_files(&ev) {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
            if !dragging.get_untracked() {
                dragging.set(true);
            }
        }
    };
    let on_dragleave = move |ev: web_sys::DragEvent| {
        // Leaving for a child element is not leaving the panel.
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(
                ev.current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
            )
            .is_some_and(|(to, panel)| panel.contains(Some(&to)));
        if !inside {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        dragging.set(false);
        let folders = ev.data_transfer().map_or(0, |dt| dropped_folders(&dt));
        let files: Vec<web_sys::File> = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
            .unwrap_or_default();
        if folders > 0 {
            // A dropped folder is no file the page can read; the folder chooser reads it.
            ev.prevent_default();
            st.show_toast(t::folder_dropped(), false, true);
            return;
        }
        if !files.is_empty() {
            ev.prevent_default();
            load_files(st, files, false);
        }
        // Dropped text (not a file) is inserted by the text box itself.
    };

    let counts = move || {
        let l = lang.get();
        let (chars, forms, checked) = st
            .analysis
            .with(|a| (a.report.chars, a.report.forms.len(), a.checked));
        let lines = lines_now.get();
        let forms = if checked {
            t::forms_count(l, forms)
        } else {
            t::NOT_CHECKED.get(l).to_string()
        };
        t::text_size(l, chars, lines, &forms)
    };

    safe_view! {
        <section
            class="panel input-panel"
            class:dragging=move || dragging.get()
            aria-labelledby="input-title"
            on:dragover=on_dragover
            on:dragleave=on_dragleave
            on:drop=on_drop
        >
            <div class="panel-head">
                <label for="form-text" class="panel-title" id="input-title">
                    {move || t::INPUT_LABEL.get(lang.get())}
                </label>
                <div class="toolbar" role="toolbar" aria-label=move || t::INPUT_TOOLS.get(lang.get())>
                    <button type="button" class="btn" data-testid="example" on:click=load_example>
                        {move || t::EXAMPLE.get(lang.get())}
                    </button>
                    <button type="button" class="btn" data-testid="open-file" on:click=open_file>
                        {move || t::OPEN_FILE.get(lang.get())}
                    </button>
                    <button type="button" class="btn" data-testid="open-folder" on:click=open_folder title=move || t::OPEN_FOLDER_TITLE.get(lang.get())>
                        {move || t::OPEN_FOLDER.get(lang.get())}
                    </button>
                    <button type="button" class="btn" data-testid="clear" on:click=clear>
                        {move || t::CLEAR.get(lang.get())}
                    </button>
                </div>
                <input
                    type="file"
                    multiple=true
                    accept=".txt,.text,.md,.csv,.tsv,.xlsx,.xlsm,.xlsb,.xls,.ods,.docx,.html,.htm,.mht,.mhtml,.json,text/plain"
                    class="kp-offscreen"
                    tabindex="-1"
                    aria-hidden="true"
                    data-testid="file-input"
                    aria-label=move || t::OPEN_FILE.get(lang.get())
                    node_ref=file_input
                    on:change=on_file
                />
                <input
                    type="file"
                    class="kp-offscreen"
                    tabindex="-1"
                    aria-hidden="true"
                    data-testid="folder-input"
                    aria-label=move || t::OPEN_FOLDER.get(lang.get())
                    node_ref=folder_input
                    on:change=on_folder
                />
            </div>

            {move || {
                st.restored
                    .get()
                    .map(|saved| {
                        let l = lang.get();
                        safe_view! {
                            <div class="notice notice-info" role="status" data-testid="restored">
                                <span>{t::restored(l, (saved > 0.0).then(|| dom::local_time(saved)))}</span>
                                <span class="notice-actions">
                                    <button
                                        type="button"
                                        class="btn btn-small"
                                        data-testid="discard-restored"
                                        on:click=move |_| st.discard_restored()
                                    >
                                        {t::DISCARD.get(l)}
                                    </button>
                                    <button
                                        type="button"
                                        class="btn btn-small btn-quiet"
                                        data-testid="keep-restored"
                                        on:click=move |_| st.keep_restored()
                                    >
                                        {t::KEEP.get(l)}
                                    </button>
                                </span>
                            </div>
                        }
                    })
            }}
            {move || {
                st.save_failed
                    .get()
                    .then(|| {
                        safe_view! {
                            <div class="notice notice-warn" role="status" data-testid="save-failed">
                                {t::SAVE_FAILED.get(lang.get())}
                            </div>
                        }
                    })
            }}

            <div class="editor">
                <Gutter/>
                <div class="editor-text">
                    <Highlights/>
                    <textarea
                        id="form-text"
                        data-testid="input"
                        node_ref=st.input
                        wrap="off"
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        aria-describedby="input-counts input-hint"
                        placeholder=move || t::INPUT_PLACEHOLDER.get(lang.get())
                        on:beforeinput=move |ev| st.before_input(&ev)
                        on:input=on_input
                        on:compositionstart=move |_| st.composition_start()
                        on:compositionend=move |ev| {
                            st.composition_end(&ev);
                            st.schedule();
                        }
                        on:paste=move |ev| on_paste(st, ev)
                        on:scroll=move |_| st.update_viewport()
                    ></textarea>
                </div>
                <div class="drop-hint" aria-hidden="true">{move || t::DROP_HERE.get(lang.get())}</div>
            </div>

            <p class="counts" id="input-counts" data-testid="counts" aria-live="off">
                {counts}
                {move || st.dirty.get().then(|| safe_view! { <span class="checking">" · " {t::CHECKING.get(lang.get())}</span> })}
            </p>
            <p class="hint" id="input-hint">
                <span class="lock" aria-hidden="true"></span>
                {move || t::PRIVACY.get(lang.get())}
                " "
                {move || t::INPUT_HINT.get(lang.get())}
            </p>
        </section>
    }
}

/// Read the files chosen or dropped (workbooks, documents, web pages, CSV, text) and put their
/// text into the text box (undoable): one file's text replaces it; several are joined, each after
/// its line `【文件：…】`, which the checker reads as the start of that file. A file that is no
/// form says why, and what was in the box stays. A review file (`保存审核`) opens as the review.
/// With `earlier`, the text becomes the version the forms are compared with instead.
pub(crate) fn load_files(st: State, files: Vec<web_sys::File>, earlier: bool) {
    load(st, files, earlier, 0);
}

/// How many of the dropped items are folders (`webkitGetAsEntry().isDirectory`, through
/// reflection: the entry API has no other use here).
fn dropped_folders(dt: &web_sys::DataTransfer) -> usize {
    use js_sys::Reflect;
    let Ok(items) = Reflect::get(dt, &"items".into()) else {
        return 0;
    };
    let n = Reflect::get(&items, &"length".into())
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as u32;
    (0..n)
        .filter(|&i| {
            let entry = Reflect::get_u32(&items, i)
                .ok()
                .and_then(|item| {
                    let f = Reflect::get(&item, &"webkitGetAsEntry".into()).ok()?;
                    f.dyn_ref::<js_sys::Function>()?.call0(&item).ok()
                })
                .filter(|e| !e.is_null() && !e.is_undefined());
            entry
                .and_then(|e| Reflect::get(&e, &"isDirectory".into()).ok())
                .and_then(|d| d.as_bool())
                .unwrap_or(false)
        })
        .count()
}

/// Whether a file's name says it is of a kind kpiform reads (a folder's other files are left).
fn readable(name: &str) -> bool {
    const KINDS: [&str; 16] = [
        "txt", "text", "md", "csv", "tsv", "xlsx", "xlsm", "xlsb", "xls", "ods", "docx", "html",
        "htm", "mht", "mhtml", "json",
    ];
    let ext = name
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    KINDS.contains(&ext.as_str()) && !name.starts_with("~$") && !name.starts_with('.')
}

/// A file's name as the text names it: its path inside a chosen folder, else its name.
fn file_name(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

fn load(st: State, files: Vec<web_sys::File>, earlier: bool, skipped: usize) {
    leptos::task::spawn_local(async move {
        let many = files.len() > 1;
        let mut text = String::new();
        let mut read = Vec::new();
        let mut refused = Vec::new();
        // What the import changed, by line of the text box.
        let mut changes = Vec::new();
        for file in files {
            let name = file_name(&file);
            if file.size() > MAX_FILE_BYTES {
                refused.push(t::file_too_large(&name, file.size()));
                continue;
            }
            let Ok(bytes) = dom::read_bytes(file).await else {
                refused.push(t::file_unreadable(&name));
                continue;
            };
            if !earlier && kpiform_core::ReviewFile::sniff(&bytes) {
                st.open_review(name, bytes);
                continue;
            }
            let start = dom::now();
            let reply = importer::ask(importer::Ask::File(&name, &bytes)).await;
            // For tests/e2e/measure.mjs: "kp-import", reading one file (the importer's first
            // load included).
            dom::measure("kp-import", start);
            let imported = match reply {
                Some(Reply::Read(i)) => i,
                Some(Reply::Refused(zh, en)) => {
                    refused.push(t::file_refused(&name, &zh, &en));
                    continue;
                }
                // No importer (a page saved without its modules): text files still open.
                Some(Reply::NoTable) | None => match dom::decode(&bytes) {
                    (s, enc) if !s.contains('\0') => importer::Imported {
                        text: s,
                        kind: "text".into(),
                        encoding: (enc != "UTF-8").then(|| enc.to_string()),
                        notes: Vec::new(),
                        tables: 0,
                    },
                    _ => {
                        refused.push(t::importer_unavailable(&name));
                        continue;
                    }
                },
            };
            if many {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&kpiform_core::file_line(&name));
                text.push('\n');
            }
            let base = text.matches('\n').count();
            changes.extend(
                imported
                    .notes
                    .iter()
                    .map(|(line, zh, en)| (base + line, zh.clone(), en.clone())),
            );
            text.push_str(&imported.text);
            read.push((
                name,
                imported.kind,
                imported.encoding,
                imported.tables,
                imported.notes.len(),
            ));
        }
        let any_refused = !refused.is_empty();
        let mut message = if read.is_empty() {
            None
        } else if earlier {
            st.set_earlier(Some(text));
            Some(t::earlier_loaded(&read))
        } else {
            st.replace_text(&text, None);
            Some(t::files_loaded(&read, &changes))
        };
        if skipped > 0 {
            refused.push(t::folder_skipped(skipped));
        }
        for r in refused {
            message = Some(match message {
                Some(m) => kpiform_core::Message::new(
                    format!("{} {}", m.zh, r.zh),
                    format!("{} {}", m.en, r.en),
                ),
                None => r,
            });
        }
        if let Some(m) = message {
            st.show_toast(m, !read.is_empty() && !earlier, any_refused);
        }
    });
}

/// A paste whose `text/html` holds a table (a copy from Excel, WPS, Word or a web page): the
/// table is read by its cells and inserted where the paste goes, unless the settings say plain
/// text only. Any other paste is the text box's own.
fn on_paste(st: State, ev: web_sys::ClipboardEvent) {
    if !st.rich_paste.get_untracked() {
        return;
    }
    let Some(data) = ev.clipboard_data() else {
        return;
    };
    let html = data.get_data("text/html").unwrap_or_default();
    if !html.to_ascii_lowercase().contains("<table") {
        return;
    }
    let plain = data.get_data("text/plain").unwrap_or_default();
    let Some(el) = st.input.get_untracked() else {
        return;
    };
    ev.prevent_default();
    let start = el.selection_start().ok().flatten().unwrap_or(0);
    let end = el.selection_end().ok().flatten().unwrap_or(start);
    leptos::task::spawn_local(async move {
        match importer::ask(importer::Ask::Clipboard(&html, &plain)).await {
            Some(Reply::Read(i)) => {
                st.insert_at(start, end, &i.text);
                st.show_toast(t::table_pasted(i.tables, i.notes.len()), false, false);
            }
            _ => st.insert_at(start, end, &plain),
        }
    });
}

/// Line numbers of the lines in view.
#[component]
fn Gutter() -> impl IntoView {
    let st = use_state();
    let numbers = move || {
        let v = st.viewport.get();
        let total = st.analysis.with(|a| a.report.lines).max(1);
        // While typing, the box may already hold more lines than the last check counted.
        let by_height = ((v.scroll_height - 2.0 * PAD_TOP) / LINE_HEIGHT)
            .floor()
            .max(0.0) as usize;
        let total = if v.scroll_height > v.height + 1.0 {
            total.max(by_height)
        } else {
            total
        };
        let first = ((v.top - PAD_TOP) / LINE_HEIGHT).floor().max(0.0) as usize;
        let shown = (v.height / LINE_HEIGHT).ceil() as usize + 2;
        let last = (first + shown).min(total);
        let mut s = String::with_capacity((last - first.min(last)) * 7);
        for n in first + 1..=last {
            s.push_str(&n.to_string());
            s.push('\n');
        }
        (s, first, total)
    };
    let memo = Memo::new(move |_| numbers());
    safe_view! {
        <div class="gutter" aria-hidden="true">
            <div
                class="gutter-inner"
                style:transform=move || {
                    let first = memo.with(|m| m.1);
                    let top = st.viewport.with(|v| v.top);
                    format!("translateY({}px)", PAD_TOP + first as f64 * LINE_HEIGHT - top)
                }
                style:width=move || {
                    let digits = memo.with(|m| m.2).to_string().len().max(2);
                    format!("{}ch", digits + 1)
                }
            >
                {move || memo.with(|m| m.0.clone())}
            </div>
        </div>
    }
}

/// One highlighted piece of one line: the line number, the text before it, the marked text.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    line: usize,
    before: String,
    marked: String,
    primary: bool,
}

fn is_eol(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// The pieces of `span`, one per line it covers.
fn pieces(text: &str, lines: &kpiform_core::LineIndex, span: Span, primary: bool) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let end = span.end.min(text.len()).max(span.start.min(text.len()));
    let mut pos = span.start.min(text.len());
    let mut out = Vec::new();
    loop {
        let mut line_start = pos;
        while line_start > 0 && !is_eol(bytes[line_start - 1]) {
            line_start -= 1;
        }
        let mut line_end = pos;
        while line_end < bytes.len() && !is_eol(bytes[line_end]) {
            line_end += 1;
        }
        let stop = end.min(line_end);
        if let (Some(before), Some(marked)) = (text.get(line_start..pos), text.get(pos..stop)) {
            if before.len() <= MAX_HL_PREFIX * 3 || before.chars().count() <= MAX_HL_PREFIX {
                out.push(Piece {
                    line: lines.line(pos),
                    before: before.to_string(),
                    marked: marked.to_string(),
                    primary,
                });
            }
        }
        if out.len() >= MAX_HL_LINES || line_end >= end {
            break;
        }
        // Next line: past \n, \r or \r\n.
        pos = line_end + 1;
        if bytes.get(line_end) == Some(&b'\r') && bytes.get(pos) == Some(&b'\n') {
            pos += 1;
        }
        if pos > end || pos >= bytes.len() {
            break;
        }
    }
    out
}

/// The selected problem's span and its related places, drawn behind the text box.
#[component]
fn Highlights() -> impl IntoView {
    let st = use_state();
    let all = Memo::new(move |_| {
        let h = st.highlight.get()?;
        let a = st.analysis.get();
        if h.version != a.version {
            return None;
        }
        let mut out = Vec::new();
        for &s in &h.related {
            out.extend(pieces(&a.text, &a.doc.lines, s, false));
        }
        out.extend(pieces(&a.text, &a.doc.lines, h.primary, true));
        Some(out)
    });
    safe_view! {
        <div class="hl-layer" aria-hidden="true">
            <div
                class="hl-inner"
                style:transform=move || {
                    let v = st.viewport.get();
                    format!("translate({}px, {}px)", -v.left, -v.top)
                }
            >
                {move || {
                    all.get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|p| {
                            let top = format!("{}px", PAD_TOP + (p.line.saturating_sub(1) as f64) * LINE_HEIGHT);
                            let class = if p.primary { "hl hl-primary" } else { "hl hl-related" };
                            let empty = p.marked.is_empty();
                            safe_view! {
                                <div class="hl-line" style:top=top>
                                    <span class="hl-before">{p.before}</span>
                                    <mark class=class class:hl-empty=empty>{p.marked}</mark>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_spans() {
        let text = "ab\ncdef\r\ngh";
        let lines = kpiform_core::LineIndex::new(text);
        let p = pieces(text, &lines, Span::new(4, 6), true);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].line, p[0].before.as_str(), p[0].marked.as_str()),
            (2, "c", "de")
        );
        let p = pieces(text, &lines, Span::new(1, 10), false);
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.line, p.before.as_str(), p.marked.as_str()))
            .collect();
        assert_eq!(got, [(1, "a", "b"), (2, "", "cdef"), (3, "", "g")]);
        let p = pieces(text, &lines, Span::new(3, 3), true);
        assert_eq!((p[0].line, p[0].marked.as_str()), (2, ""));
        assert_eq!(pieces(text, &lines, Span::new(50, 60), true).len(), 1);
    }
}

// The example page of kpiform's JavaScript API: check on a button press, list the diagnostics
// (as text nodes only: nothing pasted is ever rendered as HTML), export a CSV.
import init, { check, exportAs, rules, version } from "./kpiform.js";

const $ = (id) => document.getElementById(id);

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function main() {
  await init();
  $("status").textContent = `kpiform ${version()} · ${rules().length} 条规则 / rules`;
  $("run").addEventListener("click", () => {
    try {
      const result = check($("text").value, { lang: "zh" });
      const all = [...result.diagnostics, ...result.forms.flatMap((f) => f.diagnostics)];
      $("rows").replaceChildren(
        ...all.map((d) => {
          const tr = document.createElement("tr");
          tr.dataset.code = d.code;
          tr.append(cell(`${d.line}:${d.column}`), cell(d.code, d.severity), cell(d.message));
          return tr;
        }),
      );
      $("status").textContent = `${result.forms.length} 张申报表 / forms · ${all.length} 个问题 / problems`;
    } catch (e) {
      $("status").textContent = String(e.message ?? e);
    }
  });
  $("csv").addEventListener("click", () => {
    $("out").textContent = exportAs($("text").value, "csv", { table: "indicators" });
  });
  document.body.dataset.ready = "1";
}

main().catch((e) => {
  $("status").textContent = String(e);
});

// -- a notebook with my answers (built here, from the clean download) --------
function py(value, indent = "") {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    const items = value.map((v) => inner + py(v, inner) + ",");
    return value.length ? `[\n${items.join("\n")}\n${indent}]` : "[]";
  }
  const keys = Object.keys(value);
  return keys.length
    ? `{\n${keys.map((k) => inner + JSON.stringify(k) + ": " + py(value[k], inner) + ",").join("\n")}\n${indent}}`
    : "{}";
}

async function notebookWithAnswers(ws) {
  const url = ws.form.closest("[data-notebook]")?.dataset.notebook;
  if (!url) return say(ws, t("This button cannot read the notebook here. Use Export answers, then load them in the notebook."), true);
  let nb;
  try {
    if (window.location.protocol === "file:") throw new Error("file");
    const response = await fetch(url);
    if (!response.ok) throw new Error(String(response.status));
    nb = await response.json();
  } catch {
    return say(ws, t("This button cannot read the notebook here: the book was opened as a file, or the notebook " +
      "is missing. Serve the book (see its README), or use Download notebook and Export answers, then load " +
      "them in the notebook."), true);
  }
  const cell = (nb.cells || []).find((c) => (c.metadata?.tags || []).includes("your-answers"));
  if (!cell) return say(ws, t("This button cannot read the notebook here: it has no \"Your answers\" cell."), true);
  const lines = ["# " + t("Your answers, filled in from the book's web page. Run this cell and the next one."),
    `answers = ${py(readForm(ws))}`];
  if (ws.repeat) lines.push(`history = ${py(storedHistory(ws))}`);
  cell.source = lines.join("\n");
  const name = `${ws.id}-with-my-answers.ipynb`;
  download(name, JSON.stringify(nb, null, 1) + "\n", "application/x-ipynb+json");
  say(ws, t("Your notebook was saved as {name}. Keep it where only you can open it.", { name }));
}

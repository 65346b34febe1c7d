// -- the worksheet's own data (script.ws-data), from core/html.py page_data -
function shapeOf(form) {
  const data = JSON.parse(form.querySelector("script.ws-data")?.textContent || "null");
  if (!data || !Array.isArray(data.fields)) return null;
  data.fields = data.fields.map((f) => ({ ...f, path: pathOf(f.name) }));
  return { ...data, questions: questionsOf(data), form, next: form.elements.namedItem("next_step") };
}

// A field's place in the answers, from its name: "rows.0.feel" is
// ["rows", 0, "feel"] (keys begin with a letter; row numbers are digits).
const pathOf = (name) => name.split(".").map((step) => (/^[0-9]+$/.test(step) ? Number(step) : step));

// Each key's question, as Worksheet.questions() gives it: a field's label, or
// for a table, its column's heading.
function questionsOf(data) {
  const questions = { ...(data.summary.columns || {}) };
  for (const f of data.fields) if (!Number.isInteger(f.path[1])) questions[f.path[f.path.length - 1]] = f.label;
  return questions;
}

const control = (ws, spec) => ws.form.elements.namedItem(spec.name);
const BLANK = { bool: false, scale: null, text: "" };
const valueAt = (answers, path) => path.reduce((node, key) => node?.[key], answers);

function setAt(answers, path, value) {
  let node = answers;
  path.slice(0, -1).forEach((key, i) => {
    if (node[key] === undefined) node[key] = Number.isInteger(path[i + 1]) ? [] : {};
    node = node[key];
  });
  node[path[path.length - 1]] = value;
}

// The same nesting as answers.py blank_answers: rows are lists of dicts.
function blankAnswers(ws) {
  const blank = {};
  for (const spec of ws.fields) setAt(blank, spec.path, BLANK[spec.type]);
  return blank;
}

function readForm(ws) {
  const answers = blankAnswers(ws);
  for (const spec of ws.fields) {
    const el = control(ws, spec);
    if (!el) continue;
    let value = el.value ?? "";
    if (spec.type === "bool") value = Boolean(el.checked);
    if (spec.type === "scale") value = el.value === "" ? null : Number(el.value);
    setAt(answers, spec.path, value);
  }
  return answers;
}

function fillForm(ws, answers) {
  for (const spec of ws.fields) {
    const el = control(ws, spec);
    const value = valueAt(answers, spec.path);
    if (!el) continue;
    if (spec.type === "bool") el.checked = value === true;
    else if (spec.type === "scale") {
      for (const radio of el) radio.checked = value !== null && String(value) === radio.value;
    } else el.value = value ?? "";
  }
  mirrorAll(ws);
  showSummary(ws);
}

// -- checks: the same rules as core/answers.py check_answers -----------------
class Problem extends Error {}
const fail = (text) => {
  throw new Problem(text);
};
const isDict = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const show = (v) => JSON.stringify(v) ?? String(v);

function checkValue(spec, value, label) {
  if (spec.type === "bool") {
    if (value === null || value === undefined) return false;
    if (typeof value !== "boolean") fail(`${label} must be true or false, not ${show(value)}`);
    return value;
  }
  if (spec.type === "scale") {
    if (value === null || value === undefined) return null;
    if (!(Number.isInteger(value) && value >= spec.low && value <= spec.high)) {
      fail(`${label} is ${show(value)}; use a whole number from ${spec.low} to ${spec.high}`);
    }
    return value;
  }
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") fail(`${label} must be text, not ${show(value)}`);
  const length = [...value].length;
  if (length > MAX_ANSWER) fail(`${label} is ${length} characters long (at most ${MAX_ANSWER})`);
  return value;
}

const labelOf = (path) =>
  path.length === 1 ? path[0].replace(/_/g, " ")
    : Number.isInteger(path[1]) ? `row ${path[1] + 1} "${path[2]}"`
      : `${path[0].replace(/s$/, "")} ${path[1]}`;

function check(blank, given, path, rules) {
  if (Array.isArray(blank)) {
    if (!Array.isArray(given)) fail(`"${path[0]}" must be a list of rows`);
    if (given.length > MAX_ROWS) fail(`it has ${given.length} rows (at most ${MAX_ROWS})`);
    const rows = given.map((row, i) => check(blank[0], row, [...path, i], rules));
    const extra = rows.slice(blank.length).filter((row) => Object.values(row).some((v) => v.trim()));
    if (extra.length) fail(`it has ${rows.length} rows, with text beyond row ${blank.length}; this worksheet has ${blank.length}`);
    return blank.map((row, i) => rows[i] || { ...row });
  }
  if (isDict(blank)) {
    const noun = path.length > 1 ? `row ${path[1] + 1}` : path[0].replace(/s$/, "");
    const numbered = Object.keys(blank).every((k) => /^[0-9]+$/.test(k));
    if (!isDict(given)) fail(`"${path[0]}" must map ${numbered ? "numbers" : "column names"} to answers`);
    const clean = { ...blank };
    for (const [key, value] of Object.entries(given)) {
      if (!own(blank, key)) {
        if (numbered) fail(`it names ${noun} ${show(key)}, but the worksheet has ${noun}s 1 to ${Object.keys(blank).length}`);
        fail(`${noun} has the column ${show(key)}; the columns are ${Object.keys(blank).join(", ")}`);
      }
      clean[key] = check(blank[key], value, [...path, key], rules);
    }
    return clean;
  }
  const rule = rules.get(JSON.stringify(path)) || rules.get(JSON.stringify([path[0], 0, ...path.slice(2)]));
  return checkValue(rule, given, labelOf(path));
}

/** Check a parsed answers file for this form; return clean answers or throw Problem. */
function checkFile(ws, data) {
  if (!isDict(data) || !own(data, "schema")) {
    fail("it is not an answers file exported from this book");
  }
  if (data.schema !== SCHEMA) fail(`it uses the format ${show(data.schema)}, not "${SCHEMA}"`);
  if (data.worksheet !== ws.id) {
    fail(`it holds answers for the worksheet ${show(data.worksheet)}, not for "${ws.id}" (${ws.title})`);
  }
  if (data.version !== ws.version) {
    fail(
      `it was saved for version ${show(data.version)} of this worksheet; it is now "${ws.version}" ` +
        "and its items changed. Keep your file, and fill the new version by hand",
    );
  }
  return checkAnswers(ws, data.answers, "it");
}

/** One set of answers (a file's, or a saved entry's), by the answer fields' rules. */
function checkAnswers(ws, answers, where) {
  if (!isDict(answers)) fail(`${where} has no "answers" part`);
  const blank = blankAnswers(ws);
  const unknown = Object.keys(answers).filter((k) => !own(blank, k));
  const expected = Object.keys(blank).map((k) => JSON.stringify(k)).join(", ");
  if (unknown.length) fail(`${where} has unknown parts ${show(unknown.sort())} (expected ${expected})`);
  const rules = new Map(ws.fields.map((f) => [JSON.stringify(f.path), f]));
  for (const [key, value] of Object.entries(answers)) blank[key] = check(blank[key], value, [key], rules);
  return blank;
}

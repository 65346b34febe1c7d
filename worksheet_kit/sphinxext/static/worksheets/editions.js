// -- answers from any edition (core/editions.py carry: the same rule) ---------
// An answer whose key this edition still asks, at the same revision, is filled
// in; any other goes to "earlier answers" with the question as it was. A
// schema-1 record (by position) is read through legacy.js.
const MAX_ENTRIES = 520;
const MAX_EARLIER = 2000;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function localDay(offset = 0) {
  const now = new Date();
  now.setDate(now.getDate() + offset);
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
const today = () => localDay();

// From 1900-01-01 up to tomorrow: the reader may be a time zone ahead.
function checkDate(where, date) {
  if (typeof date !== "string" || !DATE.test(date)) fail(t("{where} has the date {date}; write it as YYYY-MM-DD", { where, date: show(date) }));
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    fail(t("{where} has the date {date}, which is not a day of the calendar", { where, date: show(date) }));
  }
  const latest = localDay(1);
  if (date < "1900-01-01" || date > latest) fail(t("{where} has the date {date}; use a day from {first} to {latest}", { where, date, first: "1900-01-01", latest }));
  return date;
}

// Every string encodes as UTF-8: no lone surrogate (Python would refuse to write it).
function checkText(value) {
  const stack = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === "string") {
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(node)) {
        fail(t("it holds text that is not valid Unicode (a lone surrogate)"));
      }
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) stack.push(k, v);
    }
  }
}

const isFilled = (v) => v !== null && v !== undefined && v !== false && !(typeof v === "string" && !v.trim());

// (path, value) for every answer: [group], [group, key] or [group, row, column].
function leaves(answers, where) {
  const out = [];
  const scalar = (v) => {
    if (!(v === null || ["boolean", "number", "string"].includes(typeof v))) fail(t("{where} holds {value} where an answer belongs", { where, value: show(v) }));
    if (typeof v === "string" && [...v].length > MAX_ANSWER) fail(t("{where} holds an answer {length} characters long (at most {most})", { where, length: [...v].length, most: MAX_ANSWER }));
    return v;
  };
  for (const [group, value] of Object.entries(answers)) {
    if (isDict(value)) {
      for (const [key, inner] of Object.entries(value)) out.push([[group, key], scalar(inner)]);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ROWS) fail(t("{where} has {rows} rows (at most {most})", { where, rows: value.length, most: MAX_ROWS }));
      value.forEach((row, i) => {
        if (!isDict(row)) fail(t("{where} {group} row {row} must be an object by column", { where, group, row: i + 1 }));
        for (const [column, inner] of Object.entries(row)) out.push([[group, i, column], scalar(inner)]);
      });
    } else out.push([[group], scalar(value)]);
  }
  return out;
}

function placer(ws, questions, revisions) {
  const fields = new Map(ws.fields.map((f) => [JSON.stringify(f.path), f]));
  const earlier = [];
  const question = (path) => {
    const key = path[path.length - 1];
    const text = own(questions, key) ? questions[key] : key;
    return path.length === 3 ? t("Row {row}: {question}", { row: path[1] + 1, question: text }) : text;
  };
  const place = (answers, where, date) => {
    if (!isDict(answers)) fail(t("{where} must be an object of answers, not {value}", { where, value: show(answers) }));
    const placed = blankAnswers(ws);
    for (const [path, value] of leaves(answers, where)) {
      const key = path[path.length - 1];
      const spec = fields.get(JSON.stringify(path));
      const same = (revisions[key] || 0) === (ws.revisions[key] || 0);
      if (spec && same) setAt(placed, path, checkValue(spec, value, `${where} ${path.join(".")}`));
      else if (isFilled(value)) {
        const item = { path, question: question(path), answer: value };
        earlier.push(date ? { ...item, date } : item);
      }
    }
    return placed;
  };
  return { place, earlier };
}

function mapping(data, name, type) {
  const value = own(data, name) ? data[name] : {};
  if (!isDict(value) || !Object.values(value).every((v) => typeof v === type)) {
    fail(type === "string" ? t("its {name} are not an object of texts", { name })
      : t("its {name} are not an object of numbers", { name }));
  }
  return value;
}

function checkEarlier(earlier) {
  if (!Array.isArray(earlier) || earlier.length > MAX_EARLIER) fail(t("its earlier answers must be a list of at most {most}", { most: MAX_EARLIER }));
  earlier.forEach((item, i) => {
    const keys = isDict(item) ? Object.keys(item).sort().join() : "";
    const good = (keys === "answer,path,question" || keys === "answer,date,path,question") &&
      Array.isArray(item.path) && typeof item.question === "string";
    const where = t("earlier answer {n}", { n: i + 1 });
    if (!good) fail(t("{where} must have a path, a question and an answer", { where }));
    leaves({ a: item.answer }, where);
    if (own(item, "date")) checkDate(where, item.date);
  });
  return earlier;
}

function checkHistory(history, place) {
  if (!Array.isArray(history)) fail(t("its history must be a list of entries, not {value}", { value: show(history) }));
  if (history.length > MAX_ENTRIES) fail(t("its history has {n} entries (at most {most})", { n: history.length, most: MAX_ENTRIES }));
  const byDate = new Map();
  history.forEach((entry, i) => {
    const where = t("history entry {n}", { n: i + 1 });
    const keys = isDict(entry) ? Object.keys(entry).sort().join() : "";
    if (keys !== "answers,date") fail(t("{where} must have a \"date\" and \"answers\", and nothing else", { where }));
    const date = checkDate(where, entry.date);
    if (byDate.has(date)) fail(t("its history has two entries for {date}", { date }));
    byDate.set(date, { date, answers: place(entry.answers, where, date) });
  });
  return [...byDate.keys()].sort().map((date) => byDate.get(date));
}

/** A file or stored record of any edition, read for this sheet; throws Problem. */
function carry(ws, data) {
  if (!isDict(data) || !own(data, "schema")) fail(t("it is not an answers file exported from this book"));
  checkText(data);
  if (data.schema !== SCHEMA && data.schema !== SCHEMA_1) fail(t("it uses the format {format}, not \"{schema}\"", { format: show(data.schema), schema: SCHEMA }));
  if (data.worksheet !== ws.id) {
    fail(t("it holds answers for the worksheet {other}, not for \"{id}\" ({title})", { other: show(data.worksheet), id: ws.id, title: ws.title }));
  }
  if (data.schema === SCHEMA_1) data = upgrade(ws, data);
  if (typeof data.edition !== "string" || !data.edition || data.edition.length > 40) {
    fail(t("its edition is {edition}; expected a short text", { edition: show(data.edition) }));
  }
  const reader = placer(ws, mapping(data, "questions", "string"), mapping(data, "revisions", "number"));
  if (!own(data, "answers")) fail(t("it has no \"answers\" part"));
  const answers = reader.place(data.answers, t("its answers"));
  const history = checkHistory(own(data, "history") ? data.history : [], reader.place);
  const earlier = [...checkEarlier(own(data, "earlier") ? data.earlier : []), ...reader.earlier];
  if (earlier.length > MAX_EARLIER) fail(t("it has {n} earlier answers (at most {most})", { n: earlier.length, most: MAX_EARLIER }));
  const moved = data.edition !== ws.edition;
  const carried = moved ? leaves(answers, "").filter(([, v]) => isFilled(v)).length : 0;
  return { answers, earlier, history, carried, unplaced: reader.earlier.length };
}

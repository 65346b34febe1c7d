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
  if (typeof date !== "string" || !DATE.test(date)) fail(`${where} has the date ${show(date)}; write it as YYYY-MM-DD`);
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    fail(`${where} has the date ${show(date)}, which is not a day of the calendar`);
  }
  const latest = localDay(1);
  if (date < "1900-01-01" || date > latest) fail(`${where} has the date ${date}; use a day from 1900-01-01 to ${latest}`);
  return date;
}

// Every string encodes as UTF-8: no lone surrogate (Python would refuse to write it).
function checkText(value) {
  const stack = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === "string") {
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(node)) {
        fail("it holds text that is not valid Unicode (a lone surrogate)");
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
    if (!(v === null || ["boolean", "number", "string"].includes(typeof v))) fail(`${where} holds ${show(v)} where an answer belongs`);
    if (typeof v === "string" && [...v].length > MAX_ANSWER) fail(`${where} holds an answer ${[...v].length} characters long (at most ${MAX_ANSWER})`);
    return v;
  };
  for (const [group, value] of Object.entries(answers)) {
    if (isDict(value)) {
      for (const [key, inner] of Object.entries(value)) out.push([[group, key], scalar(inner)]);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ROWS) fail(`${where} has ${value.length} rows (at most ${MAX_ROWS})`);
      value.forEach((row, i) => {
        if (!isDict(row)) fail(`${where} ${group} row ${i + 1} must be an object by column`);
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
    return path.length === 3 ? `Row ${path[1] + 1}: ${text}` : text;
  };
  const place = (answers, where, date) => {
    if (!isDict(answers)) fail(`${where} must be an object of answers, not ${show(answers)}`);
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
    fail(`its ${name} are not an object of ${type === "string" ? "texts" : "numbers"}`);
  }
  return value;
}

function checkEarlier(earlier) {
  if (!Array.isArray(earlier) || earlier.length > MAX_EARLIER) fail(`its earlier answers must be a list of at most ${MAX_EARLIER}`);
  earlier.forEach((item, i) => {
    const keys = isDict(item) ? Object.keys(item).sort().join() : "";
    const good = (keys === "answer,path,question" || keys === "answer,date,path,question") &&
      Array.isArray(item.path) && typeof item.question === "string";
    if (!good) fail(`earlier answer ${i + 1} must have a path, a question and an answer`);
    leaves({ a: item.answer }, `earlier answer ${i + 1}`);
    if (own(item, "date")) checkDate(`earlier answer ${i + 1}`, item.date);
  });
  return earlier;
}

function checkHistory(history, place) {
  if (!Array.isArray(history)) fail(`its history must be a list of entries, not ${show(history)}`);
  if (history.length > MAX_ENTRIES) fail(`its history has ${history.length} entries (at most ${MAX_ENTRIES})`);
  const byDate = new Map();
  history.forEach((entry, i) => {
    const where = `history entry ${i + 1}`;
    const keys = isDict(entry) ? Object.keys(entry).sort().join() : "";
    if (keys !== "answers,date") fail(`${where} must have a "date" and "answers", and nothing else`);
    const date = checkDate(where, entry.date);
    if (byDate.has(date)) fail(`its history has two entries for ${date}`);
    byDate.set(date, { date, answers: place(entry.answers, where, date) });
  });
  return [...byDate.keys()].sort().map((date) => byDate.get(date));
}

/** A file or stored record of any edition, read for this sheet; throws Problem. */
function carry(ws, data) {
  if (!isDict(data) || !own(data, "schema")) fail("it is not an answers file exported from this book");
  checkText(data);
  if (data.schema !== SCHEMA && data.schema !== SCHEMA_1) fail(`it uses the format ${show(data.schema)}, not "${SCHEMA}"`);
  if (data.worksheet !== ws.id) {
    fail(`it holds answers for the worksheet ${show(data.worksheet)}, not for "${ws.id}" (${ws.title})`);
  }
  if (data.schema === SCHEMA_1) data = upgrade(ws, data);
  if (typeof data.edition !== "string" || !data.edition || data.edition.length > 40) {
    fail(`its edition is ${show(data.edition)}; expected a short text`);
  }
  const reader = placer(ws, mapping(data, "questions", "string"), mapping(data, "revisions", "number"));
  if (!own(data, "answers")) fail('it has no "answers" part');
  const answers = reader.place(data.answers, "its answers");
  const history = checkHistory(own(data, "history") ? data.history : [], reader.place);
  const earlier = [...checkEarlier(own(data, "earlier") ? data.earlier : []), ...reader.earlier];
  if (earlier.length > MAX_EARLIER) fail(`it has ${earlier.length} earlier answers (at most ${MAX_EARLIER})`);
  const moved = data.edition !== ws.edition;
  const carried = moved ? leaves(answers, "").filter(([, v]) => isFilled(v)).length : 0;
  return { answers, earlier, history, carried, unplaced: reader.earlier.length };
}

/** The record this edition keeps, and the file Export saves (core/editions.py envelope). */
function envelope(ws, answers, earlier = [], history = null) {
  const data = { schema: SCHEMA, worksheet: ws.id, edition: ws.edition, questions: ws.questions, answers };
  if (Object.keys(ws.revisions).length) data.revisions = ws.revisions;
  if (earlier.length) data.earlier = earlier;
  if (history !== null) data.history = history;
  return data;
}

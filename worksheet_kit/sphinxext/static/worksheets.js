/* Rebuilding Trust: fillable worksheets in the book's web pages.
 *
 * Every <form class="worksheet"> gets a toolbar (Print, Export, Import,
 * Clear) and keeps its answers in this browser's localStorage under
 * "rebuilding-trust:<id>:<version>". Nothing is ever sent anywhere.
 * Answers use the schema of worksheet_kit/answers.py (check_answers);
 * answers saved for another version of a worksheet are never mapped onto
 * the new form: the reader may download them instead.
 * Without JavaScript the plain form still shows; only this toolbar is missing.
 */
(() => {
  "use strict";

  const SCHEMA = "rebuilding-trust-answers/1";
  const PREFIX = "rebuilding-trust:";
  const MAX_ANSWER = 5000; // characters, as answers.py counts them
  const MAX_ROWS = 50; // as answers.py
  const MAX_FILE = 5 * 1024 * 1024;
  const PRIVACY = "Your answers stay in this browser on this device. Nothing is sent anywhere.";
  // A sheet marked data-save="off" (e.g. the safety check) is never stored.
  const NOT_KEPT = "This sheet is not saved anywhere: your answers vanish when you leave the page.";
  const sheets = [];

  // -- storage: may be missing or blocked (nothing kept), or full (answers
  // already kept still read back; new ones are not kept) ------------------
  const { store, full } = (() => {
    let s;
    try {
      s = window.localStorage;
      s.getItem(PREFIX + "probe");
    } catch {
      return { store: null, full: false };
    }
    try {
      s.setItem(PREFIX + "probe", "1");
      s.removeItem(PREFIX + "probe");
      return { store: s, full: false };
    } catch {
      return { store: s, full: true };
    }
  })();
  const NOT_KEPT_HERE = store
    ? "This browser's storage is full, so new answers are not kept. Use Export answers to save them."
    : "This browser does not let the page keep your answers. Use Export answers to save them.";

  const keyOf = (ws) => `${PREFIX}${ws.id}:${ws.version}`;

  function storeGet(key) {
    try {
      return store ? store.getItem(key) : null;
    } catch {
      return null;
    }
  }

  function storeSet(key, value) {
    if (!store) return false;
    try {
      if (value === null) store.removeItem(key);
      else store.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }

  function otherVersions(ws) {
    const found = [];
    if (!store) return found;
    const prefix = `${PREFIX}${ws.id}:`;
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key && key.startsWith(prefix) && key !== keyOf(ws) && key !== historyKey(ws)) {
        found.push({ key, version: key.slice(prefix.length) });
      }
    }
    return found.sort((a, b) => a.version.localeCompare(b.version));
  }

  // -- the worksheet's own data (script.ws-data), from core/html.py page_data -
  function shapeOf(form) {
    const data = JSON.parse(form.querySelector("script.ws-data")?.textContent || "null");
    if (!data || !Array.isArray(data.fields)) return null;
    return { ...data, form, next: form.elements.namedItem("next_step") };
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

  // -- the summary: the four styles of core/summary.py, the same lines ----------
  const count = (n, noun) => `${n} ${n === 1 ? noun[0] : noun[1]}`;
  const filled = (v) => v === true || Number.isInteger(v) || (typeof v === "string" && v.trim() !== "");

  const STYLES = {
    ticked(spec, fields, answers) {
      const ticked = fields.filter((f) => valueAt(answers, f.path) === true);
      const blocks = [[`You ${spec.verb} ${ticked.length} of ${count(fields.length, spec.noun)}.`,
        ticked.map((f) => f.label)]];
      if (ticked.length && spec.note) blocks.push([spec.note, []]);
      return blocks;
    },
    rated(spec, fields, answers) {
      const rated = fields.map((f) => [valueAt(answers, f.path), f.label]).filter(([v]) => v !== null);
      const blocks = [[`You ${spec.verb} ${rated.length} of ${count(fields.length, spec.noun)}.`, []]];
      if (!rated.length) return blocks;
      const values = rated.map(([v]) => v);
      const top = Math.max(...values);
      for (const [word, value] of [["highest", top], ["lowest", Math.min(...values)]]) {
        if (word === "lowest" && value === top) break;
        const labels = rated.filter(([v]) => v === value).map(([, label]) => label);
        blocks.push([`Your ${word} rating was ${value} (${spec.anchors[String(value)]}), ` +
          `for ${count(labels.length, spec.noun)}:`, labels]);
      }
      return blocks;
    },
    written(spec, fields, answers) {
      const done = fields.map((f) => [f, (valueAt(answers, f.path) || "").trim()]).filter(([, t]) => t);
      const points = done.map(([f, text]) => spec.point.replace(/\{(number|label|text)\}/g,
        (_, key) => ({ number: f.path[1], label: f.label, text })[key]));
      return [[`You ${spec.verb} ${done.length} of ${count(fields.length, spec.noun)}.`, points]];
    },
    rows(spec, fields, answers) {
      const rows = answers[spec.part].filter((row) => Object.values(row).some((v) => v.trim()));
      const points = rows.map((row) => Object.entries(row).filter(([, v]) => v.trim())
        .map(([c, v]) => `${c}: ${v.trim()}`).join("\n"));
      return [[`You ${spec.verb} ${count(rows.length, spec.noun)}.`, points]];
    },
  };

  function summaryOf(ws, answers) {
    const spec = ws.summary;
    const fields = ws.fields.filter((f) => f.path[0] === spec.part);
    const blocks = STYLES[spec.style](spec, fields, answers);
    for (const f of ws.fields.filter((f) => f.path[0] !== spec.part && f.path[0] !== "next_step")) {
      const text = (valueAt(answers, f.path) || "").trim();
      if (text) blocks[0][1].push(`${f.label} ${text}`);
    }
    const next = (answers.next_step || "").trim();
    const prompt = ws.fields.find((f) => f.name === "next_step").label.split(/\s+/).join(" ");
    if (!next) blocks.push([`Still blank: ${prompt.replace(/:+$/, "")}`, []]);
    if (ws.repeat) blocks.push(...trend(ws, storedHistory(ws)));
    const nextLabel = /[?:]$/.test(prompt) ? prompt : `${prompt}:`;
    return { title: `Summary: ${ws.title}`, blocks, next, nextLabel };
  }

  function showSummary(ws) {
    if (!ws.summaryBox) return;
    const { title, blocks, next, nextLabel } = summaryOf(ws, readForm(ws));
    const parts = [element("p", "ws-summary-title", title)];
    for (const [line, points] of blocks) {
      parts.push(element("p", "", line));
      if (!points.length) continue;
      const list = element("ul");
      for (const point of points) {
        const item = element("li");
        point.split("\n").forEach((part, i) => item.append(...(i ? [element("br"), part] : [part])));
        list.append(item);
      }
      parts.push(list);
    }
    if (next) {
      const line = element("p");
      line.append(element("strong", "", nextLabel), ` ${next}`);
      parts.push(line);
    }
    ws.summaryBox.replaceChildren(...parts);
  }

  const isBlank = (ws, answers) => ws.fields.every((f) => !filled(valueAt(answers, f.path)));

  const envelope = (ws, answers) => ({ schema: SCHEMA, worksheet: ws.id, version: ws.version, answers });

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

  // -- saving, syncing, restoring ---------------------------------------------
  function save(ws) {
    const answers = readForm(ws);
    const value = isBlank(ws, answers) || !ws.keep ? null : JSON.stringify(envelope(ws, answers));
    const kept = storeSet(keyOf(ws), value);
    if (!kept && value !== null) say(ws, NOT_KEPT_HERE, true);
    for (const other of sheets) {
      if (other !== ws && other.id === ws.id && other.version === ws.version) fillForm(other, answers);
    }
  }

  function stored(ws) {
    const raw = storeGet(keyOf(ws));
    if (raw === null) return null;
    try {
      return checkFile(ws, JSON.parse(raw));
    } catch {
      return undefined; // present but unreadable
    }
  }

  function restore(ws, quiet) {
    if (!ws.keep) return;
    const answers = stored(ws);
    if (answers === undefined) {
      say(ws, "Answers saved earlier in this browser could not be read, so the form starts empty.", true);
      return;
    }
    fillForm(ws, answers || blankAnswers(ws));
    if (!answers || isBlank(ws, answers)) return;
    const embed = ws.form.closest("details.ws-embed");
    if (embed) embed.open = true; // folded in a chapter: the reader's work shows
    if (!quiet) say(ws, "Your answers saved in this browser are back in the form.");
  }

  // -- progress over weeks (core/progress.py has the twin) ---------------------
  const historyKey = (ws) => `${keyOf(ws)}:history`;
  const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const MAX_ENTRIES = 520;

  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function checkHistory(ws, history) {
    if (!Array.isArray(history)) fail('"history" must be a list of entries');
    if (history.length > MAX_ENTRIES) fail(`its history has ${history.length} entries (at most ${MAX_ENTRIES})`);
    const byDate = new Map();
    history.forEach((entry, i) => {
      const keys = isDict(entry) ? Object.keys(entry).sort().join() : "";
      if (keys !== "answers,date") fail(`history entry ${i + 1} must have a "date" and "answers", and nothing else`);
      const valid = typeof entry.date === "string" && DATE.test(entry.date) &&
        !Number.isNaN(Date.parse(`${entry.date}T00:00:00Z`)) &&
        new Date(`${entry.date}T00:00:00Z`).toISOString().slice(0, 10) === entry.date;
      if (!valid) fail(`history entry ${i + 1} has the date ${show(entry.date)}; write it as YYYY-MM-DD`);
      if (byDate.has(entry.date)) fail(`its history has two entries for ${entry.date}`);
      byDate.set(entry.date, { date: entry.date, answers: checkAnswers(ws, entry.answers, `history entry ${i + 1}`) });
    });
    return [...byDate.keys()].sort().map((date) => byDate.get(date));
  }

  function storedHistory(ws) {
    if (!ws.repeat || !ws.keep) return [];
    try {
      return checkHistory(ws, JSON.parse(storeGet(historyKey(ws)) || "[]"));
    } catch {
      return [];
    }
  }

  function keepHistory(ws, history) {
    const kept = storeSet(historyKey(ws), history.length ? JSON.stringify(history) : null);
    if (!kept && history.length) say(ws, NOT_KEPT_HERE, true);
    return kept;
  }

  const rounded = (x) => Math.floor(x * 10 + 0.5) / 10;

  function score(ws, answers) {
    const spec = ws.summary;
    const values = ws.fields.filter((f) => f.path[0] === spec.part).map((f) => valueAt(answers, f.path));
    if (spec.style === "rated") {
      const rated = values.filter((v) => v !== null);
      return rated.length ? rounded(rated.reduce((a, b) => a + b, 0) / rated.length) : null;
    }
    if (spec.style === "rows") return answers[spec.part].filter((r) => Object.values(r).some((v) => v.trim())).length;
    return values.filter((v) => v === true || (typeof v === "string" && v.trim())).length;
  }

  const measure = (ws) => ws.summary.style === "rated" ? "average rating" : `number of ${ws.summary.noun[1]} ${ws.summary.verb}`;
  const shownScore = (ws, v) => v === null ? "no ratings" : ws.summary.style === "rated" ? v.toFixed(1) : String(v);

  function trend(ws, history) {
    if (!history.length) return [];
    const scores = history.map((e) => [e.date, score(ws, e.answers)]);
    const blocks = [[`Your saved entries (${measure(ws)}):`, scores.map(([d, v]) => `${d}: ${shownScore(ws, v)}`)]];
    if (scores.length > 1) {
      const [[before, old], [, now]] = scores.slice(-2);
      let line;
      if (old === null || now === null) line = `Your last two entries cannot be compared: one has ${shownScore(ws, null)}.`;
      else if (now === old) line = `Since ${before}, your ${measure(ws)} stayed at ${shownScore(ws, now)}.`;
      else line = `Since ${before}, your ${measure(ws)} went ${now > old ? "up" : "down"} from ${shownScore(ws, old)} to ${shownScore(ws, now)}.`;
      blocks.push([line, []]);
    }
    return blocks;
  }

  function saveEntry(ws) {
    const answers = readForm(ws);
    if (isBlank(ws, answers)) return say(ws, "Fill in this week's answers first, then save them as an entry.");
    const date = today();
    const history = storedHistory(ws).filter((e) => e.date !== date);
    const replaced = history.length !== storedHistory(ws).length;
    history.push({ date, answers });
    history.sort((a, b) => a.date.localeCompare(b.date));
    if (!keepHistory(ws, history)) return;
    drawProgress(ws);
    showSummary(ws);
    say(ws, replaced ? `Your entry for ${date} was updated.` : `Your entry for ${date} was saved in this browser.`);
  }

  function deleteEntry(ws, date) {
    if (!window.confirm(`Delete your saved entry for ${date}? This cannot be undone.`)) return;
    keepHistory(ws, storedHistory(ws).filter((e) => e.date !== date));
    drawProgress(ws);
    showSummary(ws);
    say(ws, `Your entry for ${date} was deleted.`);
  }

  // The form still holds an earlier day's saved entry (the answers stay in the
  // form between visits): say so, and offer an empty form for today, so that
  // last week's answers are not saved again as today's without a word.
  function earlierEntryNotice(ws) {
    ws.earlier?.remove();
    const last = storedHistory(ws).at(-1);
    if (!last || last.date === today()) return;
    if (JSON.stringify(last.answers) !== JSON.stringify(readForm(ws))) return;
    ws.earlier = element("div", "ws-notice");
    ws.earlier.append(element("p", "", `The form still shows your entry for ${last.date}. ` +
      "That entry is saved. To fill in a new one, start from an empty form."));
    const actions = element("p", "ws-notice-actions");
    actions.append(button("Start today's entry", () => {
      fillForm(ws, blankAnswers(ws));
      save(ws);
      showSummary(ws);
      ws.earlier.remove();
      say(ws, `The form is empty for today's entry. Your entry for ${last.date} is still saved.`);
    }));
    ws.earlier.append(actions);
    ws.tools.append(ws.earlier);
  }

  // A line chart as inline SVG (no library, no request), with a table beside it.
  function drawProgress(ws) {
    if (!ws.progress) return;
    const history = storedHistory(ws);
    const heading = element("p", "ws-progress-title", `Your progress: ${measure(ws)} by date`);
    if (!history.length) {
      ws.progress.replaceChildren(heading, element("p", "", "No saved entries yet. Use \u201cSave today's entry\u201d each time you fill it in to see your progress here."));
      return;
    }
    const points = history.map((e) => [e.date, score(ws, e.answers)]);
    const ratings = ws.fields.filter((f) => f.type === "scale");
    const low = ratings.length ? ratings[0].low : 0;
    const high = ratings.length ? ratings[0].high : Math.max(1, ...points.map(([, v]) => v || 0));
    const W = 320, H = 150, PAD = 28;
    const x = (i) => points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1);
    const y = (v) => H - PAD - ((v - low) * (H - 2 * PAD)) / ((high - low) || 1);
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("class", "ws-chart");
    svg.setAttribute("aria-hidden", "true"); // the table below says the same
    const label = (text, tx, ty, anchor) => {
      const el = document.createElementNS(NS, "text");
      Object.entries({ x: tx, y: ty, "text-anchor": anchor }).forEach(([k, v]) => el.setAttribute(k, v));
      el.textContent = text;
      svg.append(el);
    };
    const axis = document.createElementNS(NS, "path");
    axis.setAttribute("d", `M${PAD} ${PAD / 2} V${H - PAD} H${W - PAD / 2}`);
    axis.setAttribute("class", "ws-chart-axis");
    svg.append(axis);
    label(String(high), PAD - 4, y(high) + 4, "end");
    label(String(low), PAD - 4, y(low) + 4, "end");
    label(points[0][0], x(0), H - 6, points.length === 1 ? "middle" : "start");
    if (points.length > 1) label(points[points.length - 1][0], x(points.length - 1), H - 6, "end");
    const line = document.createElementNS(NS, "polyline");
    const drawn = points.map(([, v], i) => [i, v]).filter(([, v]) => v !== null);
    line.setAttribute("points", drawn.map(([i, v]) => `${x(i)},${y(v)}`).join(" "));
    svg.append(line);
    for (const [i, v] of drawn) {
      const dot = document.createElementNS(NS, "circle");
      dot.setAttribute("cx", x(i));
      dot.setAttribute("cy", y(v));
      dot.setAttribute("r", "4");
      dot.setAttribute("data-date", points[i][0]);
      svg.append(dot);
    }
    const table = element("table", "ws-progress-table");
    const head = element("tr");
    head.append(element("th", "", "Date"), element("th", "", measure(ws)), element("th", "", ""));
    head.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
    table.append(element("caption", "", `${ws.title}: your saved entries`), head);
    for (const [date, value] of points) {
      const row = element("tr");
      const remove = button("Delete", () => deleteEntry(ws, date));
      remove.setAttribute("aria-label", `Delete the entry for ${date}`);
      const cell = element("td");
      cell.append(remove);
      row.append(element("th", "", date), element("td", "", shownScore(ws, value)), cell);
      row.firstChild.setAttribute("scope", "row");
      table.append(row);
    }
    ws.progress.replaceChildren(heading, svg, table);
  }

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
    const cannot = "This button cannot read the notebook here";
    if (!url) return say(ws, `${cannot}. Use Export answers, then load them in the notebook.`, true);
    let nb;
    try {
      if (window.location.protocol === "file:") throw new Error("file");
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      nb = await response.json();
    } catch {
      return say(ws, `${cannot}: the book was opened as a file, or the notebook is missing. Serve the ` +
        "book (see its README), or use Download notebook and Export answers, then load them in the notebook.", true);
    }
    const cell = (nb.cells || []).find((c) => (c.metadata?.tags || []).includes("your-answers"));
    if (!cell) return say(ws, `${cannot}: it has no "Your answers" cell.`, true);
    const lines = ["# Your answers, filled in from the book's web page. Run this cell and the next one.",
      `answers = ${py(readForm(ws))}`];
    if (ws.repeat) lines.push(`history = ${py(storedHistory(ws))}`);
    cell.source = lines.join("\n");
    const name = `${ws.id}-with-my-answers.ipynb`;
    download(name, JSON.stringify(nb, null, 1) + "\n", "application/x-ipynb+json");
    say(ws, `Your notebook was saved as ${name}. Keep it where only you can open it.`);
  }

  // -- files ----------------------------------------------------------------
  function download(name, content, type = "application/json") {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function exportAnswers(ws) {
    const name = `${ws.id}-answers.json`;
    const data = envelope(ws, readForm(ws));
    if (ws.repeat) data.history = storedHistory(ws);
    download(name, JSON.stringify(data, null, 2) + "\n");
    say(ws, `Your answers were saved to the file ${name}. Keep it where only you can open it.`);
  }

  async function importFile(ws, file) {
    const refuse = (problem) =>
      say(ws, `Could not import ${file.name}: ${problem}. Nothing was changed.`, true);
    if (file.size > MAX_FILE) return refuse("it is too large to be an answers file");
    let data;
    try {
      data = JSON.parse((await file.text()).replace(/^\uFEFF/, ""));
    } catch {
      return refuse("it is not a JSON answers file");
    }
    let answers, history;
    try {
      answers = checkFile(ws, data);
      history = ws.repeat && own(data, "history") ? checkHistory(ws, data.history) : null;
    } catch (error) {
      if (error instanceof Problem) return refuse(error.message);
      throw error;
    }
    const hasSome = !isBlank(ws, readForm(ws)) || (history && storedHistory(ws).length);
    if (hasSome && !window.confirm(
      `Replace your current answers to "${ws.title}"${history ? " and your saved entries" : ""} ` +
        `with the ones in ${file.name}?`,
    )) {
      return say(ws, "Import cancelled. Nothing was changed.");
    }
    if (history) keepHistory(ws, history);
    fillForm(ws, answers);
    save(ws);
    drawProgress(ws);
    say(ws, `Answers imported from ${file.name}.`);
  }

  function clearAnswers(ws) {
    const entries = storedHistory(ws).length;
    if (isBlank(ws, readForm(ws)) && storeGet(keyOf(ws)) === null && !entries) {
      return say(ws, "There are no answers to clear.");
    }
    if (!window.confirm(
      `Clear all your answers to "${ws.title}"? This empties the form and removes the ` +
        `answers${entries ? " and " + entries + " saved entries" : ""} kept in this browser. It cannot be undone.`,
    )) {
      return say(ws, "Nothing was cleared.");
    }
    storeSet(historyKey(ws), null);
    fillForm(ws, blankAnswers(ws));
    save(ws);
    drawProgress(ws);
    say(ws, "Your answers were cleared from the form and from this browser.");
  }

  // -- printing: textareas clip their text, so print a copy of it -----------
  function mirror(box) {
    let copy = box.nextElementSibling;
    if (!copy || !copy.classList.contains("ws-print-text")) {
      copy = element("div", "ws-print-text");
      copy.setAttribute("aria-hidden", "true");
      box.after(copy);
    }
    copy.textContent = box.value;
  }
  const mirrorAll = (ws) => ws.form.querySelectorAll("textarea").forEach(mirror);

  // Print on a sheet in a chapter prints that sheet alone, not the chapter:
  // its block and the elements around it are marked until printing ends. A
  // sheet's own page prints whole, as its intro belongs with it.
  function printSheet(ws) {
    const block = ws.form.closest(".ws-block");
    if (block && !block.classList.contains("ws-home")) {
      const marked = [];
      for (let el = block; el && el !== document.body; el = el.parentElement) marked.push(el);
      marked.forEach((el) => el.classList.add("ws-print-path"));
      block.classList.add("ws-print-target");
      document.body.classList.add("ws-print-one");
      window.addEventListener("afterprint", () => {
        marked.forEach((el) => el.classList.remove("ws-print-path", "ws-print-target"));
        document.body.classList.remove("ws-print-one");
      }, { once: true });
    }
    window.print();
  }

  // -- the toolbar ------------------------------------------------------------
  function element(tag, className, content) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function button(label, action) {
    const el = element("button", "ws-button", label);
    el.type = "button";
    el.addEventListener("click", action);
    return el;
  }

  function say(ws, message, problem = false) {
    ws.status.textContent = message;
    ws.status.classList.toggle("ws-status-problem", problem);
  }

  function versionNotice(ws) {
    const old = otherVersions(ws);
    if (!old.length) return;
    const notice = element("div", "ws-notice");
    notice.append(element(
      "p",
      "",
      "This worksheet has changed since you last filled it in this browser. Your earlier " +
        "answers are kept, but they are not filled in here because the items are different. " +
        "Download them to keep a copy.",
    ));
    const actions = element("p", "ws-notice-actions");
    for (const { key, version } of old) {
      const label = old.length > 1 ? `Download earlier answers (version ${version})` : "Download earlier answers";
      actions.append(button(label, () => {
        const raw = storeGet(key);
        if (raw === null) return say(ws, "Those earlier answers are no longer in this browser.", true);
        const safe = version.replace(/[^a-zA-Z0-9_-]+/g, "-");
        download(`${ws.id}-answers-${safe}.json`, raw);
        say(ws, "Your earlier answers were saved to a file.");
      }), " ");
    }
    actions.append(button("Delete earlier answers", () => {
      if (!window.confirm("Delete the earlier answers kept in this browser? This cannot be undone.")) return;
      for (const { key } of old) storeSet(key, null);
      notice.remove();
      say(ws, "The earlier answers were deleted from this browser.");
    }));
    notice.append(actions);
    ws.tools.append(notice);
  }

  function setUp(form) {
    if (form.dataset.wsReady) return;
    form.dataset.wsReady = "1";
    const ws = shapeOf(form);
    if (!ws) return;
    form.setAttribute("autocomplete", "off"); // we restore answers, not the browser
    form.addEventListener("submit", (event) => event.preventDefault());
    form.querySelectorAll("textarea").forEach((box) => {
      box.maxLength = MAX_ANSWER;
    });

    const tools = element("div", "ws-tools");
    const bar = element("div", "ws-toolbar");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", `Your answers to ${ws.title}`);
    const picker = element("input", "ws-file");
    picker.type = "file";
    picker.accept = ".json,application/json";
    picker.hidden = true;
    picker.tabIndex = -1;
    picker.setAttribute("aria-label", "Answers file to import (.json)");
    picker.addEventListener("change", () => {
      const file = picker.files && picker.files[0];
      picker.value = "";
      if (file) importFile(ws, file);
    });
    // A sheet that keeps nothing (the safety check) writes no file either.
    const files = ws.keep ? [
      button("Export answers", () => exportAnswers(ws)), " ",
      button("Import answers", () => picker.click()), " ",
    ] : [];
    bar.append(button("Print this sheet", () => printSheet(ws)), " ", ...files, button("Clear", () => clearAnswers(ws)));
    if (ws.keep) bar.append(" ", button("Download notebook with my answers", () => notebookWithAnswers(ws)), picker);
    if (ws.repeat && ws.keep) bar.prepend(button("Save today's entry", () => saveEntry(ws)), " ");
    ws.status = element("p", "ws-status");
    ws.status.setAttribute("role", "status");
    ws.status.setAttribute("aria-live", "polite");
    tools.append(element("p", "ws-privacy-line", ws.keep ? PRIVACY : NOT_KEPT), bar, ws.status);
    ws.tools = tools;
    const facts = form.querySelector(".ws-facts") || form.querySelector(".ws-title");
    if (facts) facts.after(tools);
    else form.prepend(tools);

    ws.summaryBox = element("section", "ws-summary");
    ws.summaryBox.setAttribute("aria-label", `Summary of your answers to ${ws.title}`);
    form.append(ws.summaryBox);
    if (ws.repeat && ws.keep) {
      ws.progress = element("section", "ws-progress");
      ws.progress.setAttribute("aria-label", `Your progress on ${ws.title}`);
      form.append(ws.progress);
    }

    const changed = (event) => {
      const target = event.target;
      if (!target.name || target === picker) return;
      if (target.tagName === "TEXTAREA") mirror(target);
      ws.earlier?.remove(); // the reader has started on the form
      save(ws);
      showSummary(ws);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);

    sheets.push(ws);
    mirrorAll(ws);
    if (!store || full) say(ws, NOT_KEPT_HERE, true);
    restore(ws, !store || full);
    drawProgress(ws);
    showSummary(ws);
    versionNotice(ws);
    if (ws.repeat && ws.keep) earlierEntryNotice(ws);
  }

  // Printing the whole page prints every sheet in it, folded or not.
  function unfoldForPrint() {
    const folded = [...document.querySelectorAll("details.ws-embed:not([open])")];
    folded.forEach((embed) => { embed.open = true; });
    window.addEventListener("afterprint", () => folded.forEach((embed) => { embed.open = false; }), { once: true });
  }

  function start() {
    document.querySelectorAll("form.worksheet").forEach(setUp);
    window.addEventListener("beforeprint", unfoldForPrint);
    // Another tab changed or cleared the answers: show the same here.
    window.addEventListener("storage", (event) => {
      for (const ws of sheets) {
        if (event.key === null || event.key === keyOf(ws)) restore(ws, true);
      }
    });
    // Back/forward cache: the page may be older than what another page saved,
    // and a sheet that keeps nothing must come back blank, so blank it when
    // the page is hidden and again when it is shown.
    const forget = () => sheets.filter((ws) => !ws.keep).forEach((ws) => fillForm(ws, blankAnswers(ws)));
    window.addEventListener("pagehide", forget);
    window.addEventListener("pageshow", (event) => {
      forget();
      if (event.persisted) sheets.forEach((ws) => restore(ws, true));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

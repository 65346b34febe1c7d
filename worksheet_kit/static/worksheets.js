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
  const MAX_ROWS = 50;
  const MAX_FILE = 5 * 1024 * 1024;
  const PRIVACY = "Your answers stay in this browser on this device. Nothing is sent anywhere.";
  // A sheet marked data-save="off" (e.g. the safety check) is never stored.
  const NOT_KEPT = "This sheet is not saved anywhere: your answers vanish when you leave the page.";
  const PART = {
    checklist: "items",
    "rating-scale": "items",
    "reflection-table": "rows",
    "conversation-guide": "steps",
  };

  const sheets = [];

  // -- storage (may be missing or blocked: then nothing is kept) ------------
  const store = (() => {
    try {
      const s = window.localStorage;
      const probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch {
      return null;
    }
  })();

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
      if (key && key.startsWith(prefix) && key !== keyOf(ws)) {
        found.push({ key, version: key.slice(prefix.length) });
      }
    }
    return found.sort((a, b) => a.version.localeCompare(b.version));
  }

  // -- the shape of one form ------------------------------------------------
  const numbered = (form, pattern) =>
    [...new Set([...form.elements].map((el) => (el.name || "").match(pattern)?.[1]))]
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);

  function shapeOf(form) {
    const ws = {
      form,
      id: form.dataset.worksheetId,
      version: form.dataset.version,
      kind: form.dataset.kind,
      keep: form.dataset.save !== "off",
      title: (form.querySelector(".ws-title")?.textContent || form.dataset.worksheetId).trim(),
      next: form.elements.namedItem("next_step"),
    };
    if (ws.kind === "checklist" || ws.kind === "rating-scale") {
      ws.items = numbered(form, /^item-(\d+)$/);
    }
    if (ws.kind === "rating-scale") {
      const values = [...form.querySelectorAll('input[type="radio"]')].map((r) => Number(r.value));
      ws.low = Math.min(...values);
      ws.high = Math.max(...values);
    }
    if (ws.kind === "conversation-guide") ws.steps = numbered(form, /^step-(\d+)$/);
    if (ws.kind === "reflection-table") {
      const cells = [...form.querySelectorAll("textarea[data-row][data-column]")];
      ws.rows = Math.max(0, ...cells.map((c) => Number(c.dataset.row)));
      ws.columns = cells
        .filter((c) => c.dataset.row === "1")
        .sort((a, b) => cellCol(a) - cellCol(b))
        .map((c) => c.dataset.column);
    }
    return ws;
  }

  const cellCol = (el) => Number((el.name.match(/-col-(\d+)$/) || [0, 0])[1]);
  const field = (ws, name) => ws.form.elements.namedItem(name);
  const cell = (ws, row, column) =>
    [...ws.form.querySelectorAll(`textarea[data-row="${row}"]`)].find(
      (el) => el.dataset.column === column,
    );

  function blankAnswers(ws) {
    const blank = {};
    if (ws.kind === "checklist") blank.items = Object.fromEntries(ws.items.map((n) => [String(n), false]));
    if (ws.kind === "rating-scale") blank.items = Object.fromEntries(ws.items.map((n) => [String(n), null]));
    if (ws.kind === "conversation-guide") blank.steps = Object.fromEntries(ws.steps.map((n) => [String(n), ""]));
    if (ws.kind === "reflection-table") {
      blank.rows = Array.from({ length: ws.rows }, () => Object.fromEntries(ws.columns.map((c) => [c, ""])));
    }
    blank.next_step = "";
    return blank;
  }

  function readForm(ws) {
    const answers = blankAnswers(ws);
    if (ws.kind === "checklist") {
      for (const n of ws.items) answers.items[n] = Boolean(field(ws, `item-${n}`)?.checked);
    } else if (ws.kind === "rating-scale") {
      for (const n of ws.items) {
        const picked = ws.form.querySelector(`input[name="item-${n}"]:checked`);
        answers.items[n] = picked ? Number(picked.value) : null;
      }
    } else if (ws.kind === "conversation-guide") {
      for (const n of ws.steps) answers.steps[n] = field(ws, `step-${n}`)?.value ?? "";
    } else {
      answers.rows.forEach((row, i) => {
        for (const c of ws.columns) row[c] = cell(ws, i + 1, c)?.value ?? "";
      });
    }
    answers.next_step = ws.next ? ws.next.value : "";
    return answers;
  }

  function fillForm(ws, answers) {
    if (ws.kind === "checklist") {
      for (const n of ws.items) {
        const box = field(ws, `item-${n}`);
        if (box) box.checked = answers.items[n] === true;
      }
    } else if (ws.kind === "rating-scale") {
      for (const radio of ws.form.querySelectorAll('input[type="radio"][name^="item-"]')) {
        radio.checked = String(answers.items[radio.name.slice(5)]) === radio.value;
      }
    } else if (ws.kind === "conversation-guide") {
      for (const n of ws.steps) {
        const box = field(ws, `step-${n}`);
        if (box) box.value = answers.steps[n] ?? "";
      }
    } else {
      for (let r = 1; r <= ws.rows; r++) {
        for (const c of ws.columns) {
          const box = cell(ws, r, c);
          if (box) box.value = answers.rows[r - 1]?.[c] ?? "";
        }
      }
    }
    if (ws.next) ws.next.value = answers.next_step ?? "";
    mirrorAll(ws);
    showSummary(ws);
  }

  // -- the summary: the same lines as Summary in worksheet_kit/answers.py ---------
  const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const textOf = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");

  function itemText(ws, n) {
    if (ws.kind === "checklist") {
      const box = field(ws, `item-${n}`);
      return textOf(box && ws.form.querySelector(`label[for="${box.id}"]`));
    }
    const radio = ws.form.querySelector(`input[type="radio"][name="item-${n}"]`);
    const legend = radio && radio.closest("fieldset").querySelector("legend");
    return textOf(legend).replace(/^\d+\.\s*/, "");
  }

  function anchorOf(ws, value) {
    const radio = ws.form.querySelector(`input[type="radio"][name="item-1"][value="${value}"]`);
    return textOf(radio && radio.closest("label").querySelector(".ws-anchor"));
  }

  function summaryOf(ws, answers) {
    const lines = [];
    let points = [];
    if (ws.kind === "checklist") {
      const marked = ws.items.filter((n) => answers.items[n] === true);
      lines.push(`You marked ${marked.length} of ${ws.items.length} items.`);
      points = marked.map((n) => itemText(ws, n));
      const note = textOf(ws.form.querySelector(".ws-note"));
      if (marked.length && note) lines.push(note);
    } else if (ws.kind === "rating-scale") {
      const rated = ws.items.filter((n) => answers.items[n] !== null && answers.items[n] !== undefined);
      lines.push(`You rated ${rated.length} of ${ws.items.length} items.`);
      if (rated.length) {
        const top = Math.max(...rated.map((n) => answers.items[n]));
        const highest = rated.filter((n) => answers.items[n] === top);
        lines.push(`Your highest rating was ${top} (${anchorOf(ws, top)}), for ${plural(highest.length, "item")}:`);
        points = highest.map((n) => itemText(ws, n));
      }
    } else if (ws.kind === "reflection-table") {
      const filled = answers.rows.filter((row) => Object.values(row).some((v) => v.trim()));
      lines.push(`You filled ${plural(filled.length, "row")}.`);
      points = filled.map((row) =>
        ws.columns.filter((c) => row[c].trim()).map((c) => `${c}: ${row[c].trim()}`).join("\n"),
      );
    } else {
      const noted = ws.steps.filter((n) => (answers.steps[n] || "").trim());
      lines.push(`You wrote notes for ${noted.length} of ${ws.steps.length} steps.`);
      points = noted.map((n) => `Step ${n}: ${answers.steps[n].trim()}`);
    }
    const next = (answers.next_step || "").trim();
    if (!next) lines.push("You have not written a next step yet.");
    return { title: `Summary: ${ws.title}`, lines, points, next };
  }

  function showSummary(ws) {
    if (!ws.summary) return;
    const { title, lines, points, next } = summaryOf(ws, readForm(ws));
    const list = element("ul");
    for (const point of points) {
      const item = element("li");
      point.split("\n").forEach((part, i) => item.append(...(i ? [element("br"), part] : [part])));
      list.append(item);
    }
    const parts = [element("p", "ws-summary-title", title), ...lines.map((line) => element("p", "", line))];
    if (points.length) parts.push(list);
    if (next) {
      const line = element("p");
      line.append(element("strong", "", "Your next step:"), ` ${next}`);
      parts.push(line);
    }
    ws.summary.replaceChildren(...parts);
  }

  function isBlank(answers) {
    const values = [answers.next_step];
    for (const part of [answers.items, answers.steps]) if (part) values.push(...Object.values(part));
    for (const row of answers.rows || []) values.push(...Object.values(row));
    return values.every((v) => v === null || v === false || (typeof v === "string" && !v.trim()));
  }

  const envelope = (ws, answers) => ({ schema: SCHEMA, worksheet: ws.id, version: ws.version, answers });

  // -- checks: the same rules as answers.py check_answers ---------------------
  class Problem extends Error {}
  const fail = (text) => {
    throw new Problem(text);
  };
  const isDict = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
  const show = (v) => JSON.stringify(v) ?? String(v);

  function text(label, value) {
    if (value === null || value === undefined) return "";
    if (typeof value !== "string") fail(`${label} must be text, not ${show(value)}`);
    const length = [...value].length;
    if (length > MAX_ANSWER) fail(`${label} is ${length} characters long (at most ${MAX_ANSWER})`);
    return value;
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
    const answers = data.answers;
    if (!isDict(answers)) fail('it has no "answers" part');
    const part = PART[ws.kind];
    const unknown = Object.keys(answers).filter((k) => k !== part && k !== "next_step");
    if (unknown.length) fail(`it has unknown parts ${show(unknown.sort())} (expected "${part}", "next_step")`);
    const clean = blankAnswers(ws);
    clean.next_step = text("the next step", answers.next_step);
    if (!own(answers, part)) return clean;
    const given = answers[part];
    if (part === "rows") {
      clean.rows = checkRows(ws, given);
      return clean;
    }
    if (!isDict(given)) fail(`"${part}" must map numbers to answers`);
    const noun = part.slice(0, -1);
    const count = Object.keys(clean[part]).length;
    for (const [key, raw] of Object.entries(given)) {
      const digits = key.trim();
      const number = /^[0-9]+$/.test(digits) ? Number(digits) : NaN;
      if (!(number >= 1 && number <= count)) {
        fail(`it names ${noun} ${show(key)}, but the worksheet has ${noun}s 1 to ${count}`);
      }
      const label = `${noun} ${number}`;
      let value = raw;
      if (ws.kind === "checklist") {
        if (value === null) value = false;
        if (typeof value !== "boolean") fail(`${label} must be true or false, not ${show(value)}`);
      } else if (ws.kind === "rating-scale") {
        if (value !== null && !(Number.isInteger(value) && value >= ws.low && value <= ws.high)) {
          fail(`${label} is ${show(value)}; use a whole number from ${ws.low} to ${ws.high}`);
        }
      } else {
        value = text(label, value);
      }
      clean[part][String(number)] = value;
    }
    return clean;
  }

  function checkRows(ws, rows) {
    if (!Array.isArray(rows)) fail('"rows" must be a list of rows');
    if (rows.length > MAX_ROWS) fail(`it has ${rows.length} rows (at most ${MAX_ROWS})`);
    const clean = rows.map((row, i) => {
      if (!isDict(row)) fail(`row ${i + 1} must map column names to text`);
      for (const column of Object.keys(row)) {
        if (!ws.columns.includes(column)) {
          fail(`row ${i + 1} has the column ${show(column)}; the columns are ${ws.columns.join(", ")}`);
        }
      }
      return Object.fromEntries(ws.columns.map((c) => [c, text(`row ${i + 1} "${c}"`, row[c])]));
    });
    // answers.py accepts more rows than the form has; the form cannot show them.
    const extra = clean.slice(ws.rows).filter((row) => Object.values(row).some((v) => v.trim()));
    if (extra.length) fail(`it has ${clean.length} rows with text, but this worksheet has ${ws.rows}`);
    const blank = blankAnswers(ws).rows;
    return blank.map((row, i) => clean[i] || row);
  }

  // -- saving, syncing, restoring ---------------------------------------------
  function save(ws) {
    const answers = readForm(ws);
    const value = isBlank(answers) || !ws.keep ? null : JSON.stringify(envelope(ws, answers));
    const kept = storeSet(keyOf(ws), value);
    if (!kept && value !== null) {
      say(ws, "This browser did not let the page keep your answers. Use Export answers to save them.", true);
    }
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
    if (answers && !quiet && !isBlank(answers)) say(ws, "Your answers saved in this browser are back in the form.");
  }

  // -- files ----------------------------------------------------------------
  function download(name, content) {
    const url = URL.createObjectURL(new Blob([content], { type: "application/json" }));
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
    download(name, JSON.stringify(envelope(ws, readForm(ws)), null, 2) + "\n");
    say(ws, `Your answers were saved to the file ${name}. Keep it where only you can open it.`);
  }

  async function importFile(ws, file) {
    const refuse = (problem) =>
      say(ws, `Could not import ${file.name}: ${problem}. Nothing was changed.`, true);
    if (file.size > MAX_FILE) return refuse("it is too large to be an answers file");
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return refuse("it is not a JSON answers file");
    }
    let answers;
    try {
      answers = checkFile(ws, data);
    } catch (error) {
      if (error instanceof Problem) return refuse(error.message);
      throw error;
    }
    if (!isBlank(readForm(ws)) && !window.confirm(
      `Replace your current answers to "${ws.title}" with the answers in ${file.name}?`,
    )) {
      return say(ws, "Import cancelled. Nothing was changed.");
    }
    fillForm(ws, answers);
    save(ws);
    say(ws, `Answers imported from ${file.name}.`);
  }

  function clearAnswers(ws) {
    if (isBlank(readForm(ws)) && storeGet(keyOf(ws)) === null) {
      return say(ws, "There are no answers to clear.");
    }
    if (!window.confirm(
      `Clear all your answers to "${ws.title}"? This empties the form and removes the ` +
        "answers kept in this browser. It cannot be undone.",
    )) {
      return say(ws, "Nothing was cleared.");
    }
    fillForm(ws, blankAnswers(ws));
    save(ws);
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
    if (!ws.id || !ws.version || !PART[ws.kind]) return;
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
    bar.append(
      button("Print", () => window.print()), " ",
      button("Export answers", () => exportAnswers(ws)), " ",
      button("Import answers", () => picker.click()), " ",
      button("Clear", () => clearAnswers(ws)),
      picker,
    );
    ws.status = element("p", "ws-status");
    ws.status.setAttribute("role", "status");
    ws.status.setAttribute("aria-live", "polite");
    tools.append(element("p", "ws-privacy-line", ws.keep ? PRIVACY : NOT_KEPT), bar, ws.status);
    ws.tools = tools;
    const facts = form.querySelector(".ws-facts") || form.querySelector(".ws-title");
    if (facts) facts.after(tools);
    else form.prepend(tools);

    ws.summary = element("section", "ws-summary");
    ws.summary.setAttribute("aria-label", `Summary of your answers to ${ws.title}`);
    form.append(ws.summary);

    const changed = (event) => {
      const target = event.target;
      if (!target.name || target === picker) return;
      if (target.tagName === "TEXTAREA") mirror(target);
      save(ws);
      showSummary(ws);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);

    sheets.push(ws);
    mirrorAll(ws);
    if (!store) {
      say(ws, "This browser does not let the page keep your answers. Use Export answers to save them.", true);
    }
    restore(ws, false);
    showSummary(ws);
    versionNotice(ws);
  }

  function start() {
    document.querySelectorAll("form.worksheet").forEach(setUp);
    // Another tab changed or cleared the answers: show the same here.
    window.addEventListener("storage", (event) => {
      for (const ws of sheets) {
        if (event.key === null || event.key === keyOf(ws)) restore(ws, true);
      }
    });
    // Back/forward cache: the page may be older than what another page saved.
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) sheets.forEach((ws) => restore(ws, true));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// -- saving, syncing, restoring ---------------------------------------------
// The "answers" record holds the form's answers and the earlier answers (to
// questions this edition no longer asks); it is the file Export saves. What
// this edition wrote is read back here; any other record, by restoring.js.
/** The record this edition keeps, and the file Export saves (core/editions.py envelope). */
function envelope(ws, answers, earlier = [], history = null) {
  const data = { schema: SCHEMA, worksheet: ws.id, edition: ws.edition, questions: ws.questions, answers };
  if (Object.keys(ws.revisions).length) data.revisions = ws.revisions;
  if (earlier.length) data.earlier = earlier;
  if (history !== null) data.history = history;
  return data;
}

function save(ws) {
  const answers = readForm(ws);
  const earlier = ws.earlierAnswers || [];
  const empty = isBlank(ws, answers) && !earlier.length;
  // at "nothing" the form itself is the only copy
  const value = empty || !keeps(ws) ? null : envelope(ws, answers, earlier);
  const kept = writeRecord(ws, "answers", value);
  if (!kept) say(ws, notKeptHere(levelOf(ws)), true);
  for (const other of sheets) {
    if (other.id !== ws.id || other.edition !== ws.edition) continue;
    if (other !== ws) {
      fillForm(other, answers);
      laterApi?.showEarlier(other, earlier); // earlier answers came through it
    }
    markFolded(other);
  }
  return kept;
}

// In a chapter a sheet stays folded even when it holds answers: a partner may
// be reading the chapter on the same screen. Its one line says only that
// answers are kept here, not what they are.
function markFolded(ws) {
  const summary = ws.form.closest("details.ws-embed")?.querySelector(".ws-embed-summary");
  if (!summary) return;
  let mark = summary.querySelector(".ws-embed-saved");
  if (!mark) {
    mark = element("span", "ws-embed-saved");
    summary.append(mark);
  }
  const where = levelOf(ws) === "tab" ? t("answers saved in this tab") : t("answers saved in this browser");
  mark.textContent = keeps(ws) && readRecord(ws, "answers") !== null ? ` \u00b7 ${where}` : "";
}

/** The kept answers exactly as this edition's save() writes them, read here
 * without editions.js: this edition, each answer by check_value's rule, the
 * same keys in the same order, no earlier answers. Null when none is kept;
 * undefined for any other record, which carry reads (restoring.js). */
function ownAnswers(ws) {
  const raw = readKey(keyOf(ws), levelOf(ws));
  const record = readJSON(raw);
  if (record === null) return null;
  const mine = isDict(record) && record.schema === SCHEMA && record.worksheet === ws.id &&
    record.edition === ws.edition && !own(record, "earlier") && !own(record, "history") &&
    !/\\u[dD][89a-fA-F]/.test(raw); // a lone surrogate: carry refuses it
  if (!mine) return undefined;
  try {
    const answers = blankAnswers(ws);
    for (const spec of ws.fields) setAt(answers, spec.path, checkValue(spec, valueAt(record.answers, spec.path), spec.name));
    return JSON.stringify(answers) === JSON.stringify(record.answers) ? answers : undefined;
  } catch (error) {
    if (error instanceof Problem) return undefined;
    throw error;
  }
}

/** The browser holds, for this sheet, what only worksheets-later.js reads:
 * the lock, schema-1 records, saved entries, or answers ownAnswers cannot
 * read (another edition's, earlier answers). A first visit holds none. */
function needsLater(ws) {
  if (lockIsOn()) return true;
  if (!keeps(ws)) return false;
  return legacyKeys(ws).length > 0 || (ws.repeat && readRecord(ws, "history") !== null) ||
    ownAnswers(ws) === undefined;
}

// What a sheet shows once its answers can be read: at start, or on Unlock.
function showAnswers(ws) {
  showLevel(ws);
  const quiet = notKeptNow(ws);
  if (needsLater(ws)) return whenLoaded(ws, "showKept", quiet);
  restoreOwn(ws, quiet);
}

/** Say so when the sheet's storage is missing or full; true then. */
function notKeptNow(ws) {
  const { store, full } = storages[levelOf(ws)] || { store: true };
  if (!store || full) say(ws, notKeptHere(levelOf(ws)), true);
  return !store || full;
}

/** Fill the sheet with what it keeps, again (another tab, back/forward cache). */
function refill(ws, quiet) {
  if (needsLater(ws)) return whenLoaded(ws, "restoreKept", quiet);
  restoreOwn(ws, quiet);
}

function restoreOwn(ws, quiet) {
  laterApi?.drawProgress(ws); // entries, if any were drawn, are gone
  if (!keeps(ws)) return showSummary(ws);
  laterApi?.showEarlier(ws, []); // and so are earlier answers
  const found = ownAnswers(ws);
  fillForm(ws, found || blankAnswers(ws));
  markFolded(ws);
  if (found && !quiet && !isBlank(ws, found)) say(ws, t("Your answers kept in this browser are back in the form."));
}

// The sheet waits for worksheets-later.js, busy and closed to input, so that
// nothing is typed over answers on their way; if it cannot load, the sheet
// says so and stays closed: nothing it keeps is written over.
function whenLoaded(ws, name, quiet) {
  const controls = [...ws.form.elements];
  controls.forEach((el) => { el.disabled = true; });
  ws.form.setAttribute("aria-busy", "true");
  return loadLater().then((api) => {
    controls.forEach((el) => { el.disabled = false; });
    ws.form.removeAttribute("aria-busy");
    showLevel(ws);
    api[name](ws, quiet);
  }, () => {
    ws.form.removeAttribute("aria-busy");
    say(ws, NOT_LOADED, true);
  });
}

// Another tab saved, imported, cleared, deleted or changed a level: show the
// same here (lock.js first takes in what that tab wrote, when the lock is on).
async function followOtherTabs(event) {
  if (!(await tookInOtherTabsWrite(event))) return;
  for (const ws of sheets) {
    const mine = event.key === null || event.key === SETTINGS || SLOTS.some((slot) => event.key === keyOf(ws, slot));
    if (!mine) continue;
    showLevel(ws);
    refill(ws, true);
    markFolded(ws);
    showSummary(ws);
  }
}

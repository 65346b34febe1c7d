// -- saving, syncing, restoring ---------------------------------------------
function save(ws) {
  const answers = readForm(ws);
  // at "nothing" the form itself is the only copy
  const value = isBlank(ws, answers) || !keeps(ws) ? null : envelope(ws, answers);
  const kept = writeRecord(ws, "answers", value);
  if (!kept) say(ws, notKeptHere(levelOf(ws)), true);
  for (const other of sheets) {
    if (other.id !== ws.id || other.version !== ws.version) continue;
    if (other !== ws) fillForm(other, answers);
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
  const where = levelOf(ws) === "tab" ? "this tab" : "this browser";
  mark.textContent = keeps(ws) && readRecord(ws, "answers") !== null ? ` \u00b7 answers saved in ${where}` : "";
}

function stored(ws) {
  const record = readRecord(ws, "answers");
  if (record === null || record === undefined) return record;
  try {
    return checkFile(ws, record);
  } catch {
    return undefined; // present but unreadable
  }
}

function restore(ws, quiet) {
  if (!keeps(ws)) return;
  const answers = stored(ws);
  if (answers === undefined) {
    say(ws, "Answers kept earlier in this browser could not be read, so the form starts empty.", true);
    return;
  }
  fillForm(ws, answers || blankAnswers(ws));
  markFolded(ws);
  if (answers && !quiet && !isBlank(ws, answers)) say(ws, "Your answers kept in this browser are back in the form.");
}

// Answers kept under the first edition's keys (rebuilding-trust:<id>:<version>)
// for this very version: at "on this device" they move to the new keys; a
// sheet kept more strictly leaves them where they are until the reader chooses
// (see keptOnDeviceNotice).
function currentLegacy(ws) {
  const key = `${PREFIX}${ws.id}:${ws.version}`;
  const answers = readJSON(readKey(key, "device"));
  return answers ? { key, answers, history: readJSON(readKey(`${key}:history`, "device")) } : null;
}

function adoptLegacy(ws, legacy) {
  const records = { answers: legacy.answers };
  if (Array.isArray(legacy.history)) records.history = legacy.history;
  if (!writeRecords(ws, records)) return false;
  removeKey(legacy.key);
  removeKey(`${legacy.key}:history`);
  return true;
}

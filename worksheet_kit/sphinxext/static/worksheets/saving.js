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

// Another tab saved, imported, cleared, deleted or changed a level: show the
// same here (sessionStorage is the tab's own, so only the device's changes come).
async function followOtherTabs(event) {
  if (event.key !== null && !event.key.startsWith(PREFIX)) return;
  if (event.key === LOCK) return window.location.reload(); // turned on or off: start again
  if (lockIsOn()) {
    if (!lock.key || event.key === null || event.key.startsWith(STAGED)) return;
    if (event.newValue === null) lock.plain.delete(`device|${event.key}`);
    else {
      try {
        lock.plain.set(`device|${event.key}`, await later.unseal(lock.key, event.key, event.newValue));
      } catch {
        return; // not sealed with this key
      }
    }
  }
  for (const ws of sheets) {
    const mine = event.key === null || event.key === SETTINGS || SLOTS.some((slot) => event.key === keyOf(ws, slot));
    if (!mine) continue;
    showLevel(ws);
    if (keeps(ws)) restore(ws, true);
    markFolded(ws);
    drawProgress(ws);
    showSummary(ws);
  }
}

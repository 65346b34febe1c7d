// -- saving, syncing, restoring ---------------------------------------------
function save(ws) {
  const answers = readForm(ws);
  const value = isBlank(ws, answers) || !ws.keep ? null : JSON.stringify(envelope(ws, answers));
  const kept = storeSet(keyOf(ws), value);
  if (!kept && value !== null) say(ws, NOT_KEPT_HERE, true);
  for (const other of sheets) {
    if (other.id !== ws.id || other.version !== ws.version) continue;
    if (other !== ws) fillForm(other, answers);
    markFolded(other);
  }
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
  mark.textContent = storeGet(keyOf(ws)) === null ? "" : " \u00b7 answers saved in this browser";
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
  markFolded(ws);
  if (answers && !quiet && !isBlank(ws, answers)) say(ws, "Your answers saved in this browser are back in the form.");
}

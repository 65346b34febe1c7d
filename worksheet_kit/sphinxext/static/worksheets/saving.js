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

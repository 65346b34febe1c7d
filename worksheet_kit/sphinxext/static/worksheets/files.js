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
  // Both are kept, or storage stays as it was and the page says what is not kept.
  const records = { answers: isBlank(ws, answers) ? null : envelope(ws, answers) };
  if (history) records.history = history.length ? history : null;
  if (!keeps(ws)) delete records.answers; // the form is the only copy
  const kept = writeRecords(ws, records);
  fillForm(ws, answers);
  for (const other of sheets) if (other !== ws && other.id === ws.id) fillForm(other, answers);
  if (!kept) {
    drawProgress(ws);
    return say(ws, `${notKeptHere(levelOf(ws))} The answers in ${file.name} are on this page only, ` +
      `not kept${history ? "; your saved entries are as they were, not the file's" : ""}.`, true);
  }
  markFolded(ws);
  drawProgress(ws);
  say(ws, `Answers imported from ${file.name}.${onPageOnly(ws)}`);
}

function clearAnswers(ws) {
  const entries = storedHistory(ws).length;
  if (isBlank(ws, readForm(ws)) && readRecord(ws, "answers") === null && !entries) {
    return say(ws, "There are no answers to clear.");
  }
  if (!window.confirm(
    `Clear all your answers to "${ws.title}"? This empties the form and removes the ` +
      `answers${entries ? " and " + entries + " saved entries" : ""} kept in this browser. It cannot be undone.`,
  )) {
    return say(ws, "Nothing was cleared.");
  }
  const removed = writeRecords(ws, { answers: null, history: null });
  fillForm(ws, blankAnswers(ws));
  for (const other of sheets) if (other !== ws && other.id === ws.id) fillForm(other, blankAnswers(ws));
  markFolded(ws);
  drawProgress(ws);
  if (!removed) return say(ws, "The form is empty, but this browser would not let the page remove what it kept.", true);
  say(ws, "Your answers were cleared from the form and from this browser.");
}

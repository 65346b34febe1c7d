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
  const data = envelope(ws, readForm(ws), ws.earlierAnswers || [], ws.repeat ? storedHistory(ws) : null);
  download(name, JSON.stringify(data, null, 2) + "\n");
  say(ws, t("Your answers were saved to the file {name}. Keep it where only you can open it.", { name }));
}

// The same earlier answer is listed once, however often a file brings it.
function joinEarlier(...lists) {
  const seen = new Set();
  return lists.flat().filter((item) => {
    const id = JSON.stringify(item);
    return !seen.has(id) && seen.add(id);
  });
}

// A chosen answers file, read by editions.js's rule (any edition, schema 1
// too): {data, found}, or a Problem saying in words why it cannot be used.
async function readAnswersFile(ws, file) {
  if (file.size > MAX_FILE) fail(t("it is too large to be an answers file"));
  let data;
  try {
    data = JSON.parse((await file.text()).replace(/^\uFEFF/, ""));
  } catch {
    fail(t("it is not a JSON answers file"));
  }
  if (isDict(data) && data.schema === SCHEMA_1) await loadLegacy(ws);
  try {
    return { data, found: carry(ws, data) };
  } catch (error) {
    if (error instanceof RangeError) fail(t("it is nested too deeply to be an answers file"));
    throw error;
  }
}

async function importFile(ws, file) {
  const refuse = (problem) =>
    say(ws, t("Could not import {file}: {problem}. Nothing was changed.", { file: file.name, problem }), true);
  let data, found;
  try {
    ({ data, found } = await readAnswersFile(ws, file));
  } catch (error) {
    if (error instanceof Problem) return refuse(error.message);
    throw error;
  }
  const history = ws.repeat && own(data, "history") ? found.history : null;
  const hasSome = !isBlank(ws, readForm(ws)) || (history && storedHistory(ws).length);
  const replace = history
    ? t("Replace your current answers to \"{title}\" and your saved entries with the ones in {file}?", { title: ws.title, file: file.name })
    : t("Replace your current answers to \"{title}\" with the ones in {file}?", { title: ws.title, file: file.name });
  if (hasSome && !window.confirm(replace)) {
    return say(ws, t("Import cancelled. Nothing was changed."));
  }
  // Both are kept, or storage stays as it was and the page says what is not kept.
  const answers = found.answers;
  const earlier = joinEarlier(ws.earlierAnswers || [], found.earlier);
  const empty = isBlank(ws, answers) && !earlier.length;
  const records = { answers: empty ? null : envelope(ws, answers, earlier) };
  if (history) records.history = history.length ? historyRecord(ws, history) : null;
  if (!keeps(ws)) delete records.answers; // the form is the only copy
  const kept = writeRecords(ws, records);
  fillForm(ws, answers);
  showEarlier(ws, earlier);
  for (const other of sheets) if (other !== ws && other.id === ws.id) fillForm(other, answers);
  if (!kept) {
    drawProgress(ws);
    const onPage = history
      ? t("The answers in {file} are on this page only, not kept; your saved entries are as they were, not the file's.", { file: file.name })
      : t("The answers in {file} are on this page only, not kept.", { file: file.name });
    return say(ws, `${notKeptHere(levelOf(ws))} ${onPage}`, true);
  }
  markFolded(ws);
  drawProgress(ws);
  const unplaced = found.unplaced
    ? " " + tn("{n} answer did not fit this edition of the sheet: it is under Earlier answers.",
      "{n} answers did not fit this edition of the sheet: they are under Earlier answers.", found.unplaced)
    : "";
  say(ws, t("Answers imported from {file}.", { file: file.name }) + unplaced + onPageOnly(ws));
}

function clearAnswers(ws) {
  const entries = storedHistory(ws).length;
  if (isBlank(ws, readForm(ws)) && readRecord(ws, "answers") === null && !entries) {
    return say(ws, t("There are no answers to clear."));
  }
  const question = entries
    ? tn("Clear all your answers to \"{title}\"? This empties the form and removes the answers and {n} saved " +
      "entry kept in this browser. It cannot be undone.", "Clear all your answers to \"{title}\"? This empties " +
      "the form and removes the answers and {n} saved entries kept in this browser. It cannot be undone.",
    entries, { title: ws.title })
    : t("Clear all your answers to \"{title}\"? This empties the form and removes the answers kept in this " +
      "browser. It cannot be undone.", { title: ws.title });
  if (!window.confirm(question)) {
    return say(ws, t("Nothing was cleared."));
  }
  const removed = writeRecords(ws, { answers: null, history: null });
  fillForm(ws, blankAnswers(ws));
  showEarlier(ws, []);
  for (const other of sheets) if (other !== ws && other.id === ws.id) fillForm(other, blankAnswers(ws));
  markFolded(ws);
  drawProgress(ws);
  if (!removed) return say(ws, t("The form is empty, but this browser would not let the page remove what it kept."), true);
  say(ws, t("Your answers were cleared from the form and from this browser."));
}

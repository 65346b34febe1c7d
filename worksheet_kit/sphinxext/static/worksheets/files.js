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
  say(ws, `Your answers were saved to the file ${name}. Keep it where only you can open it.`);
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
  if (file.size > MAX_FILE) fail("it is too large to be an answers file");
  let data;
  try {
    data = JSON.parse((await file.text()).replace(/^\uFEFF/, ""));
  } catch {
    fail("it is not a JSON answers file");
  }
  if (isDict(data) && data.schema === SCHEMA_1) await loadLegacy(ws);
  try {
    return { data, found: carry(ws, data) };
  } catch (error) {
    if (error instanceof RangeError) fail("it is nested too deeply to be an answers file");
    throw error;
  }
}

async function importFile(ws, file) {
  const refuse = (problem) =>
    say(ws, `Could not import ${file.name}: ${problem}. Nothing was changed.`, true);
  let data, found;
  try {
    ({ data, found } = await readAnswersFile(ws, file));
  } catch (error) {
    if (error instanceof Problem) return refuse(error.message);
    throw error;
  }
  const history = ws.repeat && own(data, "history") ? found.history : null;
  const hasSome = !isBlank(ws, readForm(ws)) || (history && storedHistory(ws).length);
  if (hasSome && !window.confirm(
    `Replace your current answers to "${ws.title}"${history ? " and your saved entries" : ""} ` +
      `with the ones in ${file.name}?`,
  )) {
    return say(ws, "Import cancelled. Nothing was changed.");
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
    return say(ws, `${notKeptHere(levelOf(ws))} The answers in ${file.name} are on this page only, ` +
      `not kept${history ? "; your saved entries are as they were, not the file's" : ""}.`, true);
  }
  markFolded(ws);
  drawProgress(ws);
  const unplaced = found.unplaced
    ? ` ${found.unplaced} ${found.unplaced === 1 ? "answer" : "answers"} did not fit this edition of the sheet: ` +
      "they are under Earlier answers."
    : "";
  say(ws, `Answers imported from ${file.name}.${unplaced}${onPageOnly(ws)}`);
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
  showEarlier(ws, []);
  for (const other of sheets) if (other !== ws && other.id === ws.id) fillForm(other, blankAnswers(ws));
  markFolded(ws);
  drawProgress(ws);
  if (!removed) return say(ws, "The form is empty, but this browser would not let the page remove what it kept.", true);
  say(ws, "Your answers were cleared from the form and from this browser.");
}

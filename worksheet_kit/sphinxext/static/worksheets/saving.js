// -- saving, syncing, restoring ---------------------------------------------
// The "answers" record holds the form's answers and the earlier answers (to
// questions this edition no longer asks); it is the file Export saves.
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
      showEarlier(other, earlier);
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

/** The kept answers read for this edition: null when none, undefined when unreadable. */
function stored(ws) {
  const record = readRecord(ws, "answers");
  if (record === null || record === undefined) return record;
  try {
    return carry(ws, record);
  } catch (error) {
    if (error instanceof Problem) return undefined;
    throw error;
  }
}

function restore(ws, quiet) {
  if (!keeps(ws)) return;
  const found = stored(ws);
  if (found === undefined) {
    say(ws, t("Answers kept earlier in this browser could not be read, so the form starts empty."), true);
    return;
  }
  fillForm(ws, found ? found.answers : blankAnswers(ws));
  showEarlier(ws, found ? found.earlier : []);
  markFolded(ws);
  if (found && readRecord(ws, "answers")?.edition !== ws.edition) {
    // kept from another edition: keep it again in this one (all of it, earlier answers too)
    if (found.carried) carriedLine(ws, found.carried);
    save(ws);
  }
  if (found && !quiet && !isBlank(ws, found.answers)) say(ws, t("Your answers kept in this browser are back in the form."));
}

// Entries kept by another edition: keep them in this one; their answers to
// questions it no longer asks join the earlier answers first.
function carryHistory(ws) {
  const record = readRecord(ws, "history");
  if (!ws.repeat || !keeps(ws) || !isDict(record) || record.edition === ws.edition) return;
  let found;
  try {
    found = carry(ws, record);
  } catch (error) {
    if (error instanceof Problem) return;
    throw error;
  }
  if (found.earlier.length) {
    const earlier = [...(ws.earlierAnswers || []), ...found.earlier];
    if (!writeRecord(ws, "answers", envelope(ws, readForm(ws), earlier))) return;
    showEarlier(ws, earlier);
  }
  writeRecord(ws, "history", historyRecord(ws, found.history));
}

// Another tab saved, imported, cleared, deleted or changed a level: show the
// same here (lock.js first takes in what that tab wrote, when the lock is on).
async function followOtherTabs(event) {
  if (!(await tookInOtherTabsWrite(event))) return;
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

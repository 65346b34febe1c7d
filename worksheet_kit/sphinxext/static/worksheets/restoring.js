// -- restoring what a sheet keeps, by editions.js's rule -------------------------
// (loaded when the browser holds what only this reads: saving.js needsLater)
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

/** At start, or on Unlock: the sheet with what it keeps, or the lock. */
function showKept(ws, quiet) {
  if (isLocked()) return showLocked(ws);
  restore(ws, quiet);
  carryHistory(ws);
  drawProgress(ws);
  showSummary(ws);
  // answers of the first site (schema 1): read them by key once the table is
  // here; a sheet now kept more strictly asks first (legacy-notices.js)
  if (keeps(ws) && legacyKeys(ws).length) {
    loadLegacy(ws).then(() => {
      if (levelOf(ws) === "device") migrate(ws);
      else keptOnDeviceNotice(ws);
      restore(ws, quiet);
      carryHistory(ws);
      drawProgress(ws);
      showSummary(ws);
      versionNotice(ws);
    });
  }
}

/** Another tab wrote, or the page came back from the back/forward cache. */
function restoreKept(ws, quiet) {
  restore(ws, quiet);
  drawProgress(ws);
  showSummary(ws);
}

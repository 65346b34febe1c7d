// -- saving, syncing, restoring ---------------------------------------------
// The "answers" record holds the form's answers and the earlier answers (to
// questions this edition no longer asks); it is the file Export saves.
function save(ws) {
  const answers = readForm(ws);
  const earlier = ws.earlierAnswers || [];
  const empty = isBlank(ws, answers) && !earlier.length;
  const value = empty || !ws.keep ? null : envelope(ws, answers, earlier);
  const kept = writeRecord(ws, "answers", value);
  if (!kept && value !== null) say(ws, NOT_KEPT_HERE, true);
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
  mark.textContent = readRecord(ws, "answers") === null ? "" : " \u00b7 answers saved in this browser";
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
  if (!ws.keep) return;
  const found = stored(ws);
  if (found === undefined) {
    say(ws, "Answers saved earlier in this browser could not be read, so the form starts empty.", true);
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
  if (found && !quiet && !isBlank(ws, found.answers)) say(ws, "Your answers saved in this browser are back in the form.");
}

// Entries kept by another edition: keep them in this one; their answers to
// questions it no longer asks join the earlier answers first.
function carryHistory(ws) {
  const record = readRecord(ws, "history");
  if (!ws.repeat || !ws.keep || !isDict(record) || record.edition === ws.edition) return;
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

function carriedLine(ws, count) {
  ws.carriedLine?.remove();
  ws.carriedLine = element("p", "ws-carried", `${count} ${count === 1 ? "answer" : "answers"} carried over from an earlier edition of this sheet.`);
  ws.tools.append(ws.carriedLine);
}

// -- earlier answers: read-only, with the question as it was ------------------
function showEarlier(ws, earlier) {
  ws.earlierAnswers = earlier;
  ws.earlierBox?.remove();
  ws.earlierBox = null;
  if (!earlier.length || !ws.tools) return;
  const box = element("section", "ws-earlier");
  box.setAttribute("aria-label", `Earlier answers to ${ws.title}`);
  box.append(element("p", "ws-earlier-title", "Earlier answers"),
    element("p", "", "This sheet has changed since you gave these answers: it no longer asks these questions, " +
      "or asks them differently. They are kept here as you gave them."));
  const list = element("dl", "ws-earlier-list");
  for (const item of earlier) {
    list.append(element("dt", "", item.date ? `${item.question} (${item.date})` : item.question));
    const answer = item.answer === true ? "Ticked" : String(item.answer);
    const dd = element("dd");
    answer.split("\n").forEach((part, i) => dd.append(...(i ? [element("br"), part] : [part])));
    list.append(dd);
  }
  const actions = element("p", "ws-notice-actions");
  actions.append(button("Download earlier answers", () => {
    const name = `${ws.id}-earlier-answers.json`;
    download(name, JSON.stringify(envelope(ws, blankAnswers(ws), ws.earlierAnswers), null, 2) + "\n");
    say(ws, `Your earlier answers were saved to the file ${name}.`);
  }), " ", button("Delete earlier answers", () => {
    if (!window.confirm("Delete your earlier answers from this browser? This cannot be undone.")) return;
    const before = ws.earlierAnswers;
    ws.earlierAnswers = [];
    if (!save(ws)) {
      ws.earlierAnswers = before;
      return say(ws, "Your earlier answers could not be deleted: this browser's storage did not change.", true);
    }
    showEarlier(ws, []);
    say(ws, "Your earlier answers were deleted from this browser.");
  }));
  box.append(list, actions);
  ws.earlierBox = box;
  ws.tools.append(box);
}

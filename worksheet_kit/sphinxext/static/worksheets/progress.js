// -- progress over weeks (core/progress.py has the twin) ---------------------
// The "history" record: the answers file's envelope, with the dated entries
// (its answers are the "answers" record's, so here they stay empty).
const historyRecord = (ws, history) => envelope(ws, {}, [], history);

/** The saved entries, by this edition's keys (an entry's answers to retired
 * questions become earlier answers when the page starts: saving.js carryHistory). */
function storedHistory(ws) {
  if (!ws.repeat) return []; // at "nothing", the page's memory holds them
  const record = readRecord(ws, "history");
  if (!record) return [];
  try {
    return carry(ws, record).history;
  } catch (error) {
    if (error instanceof Problem) return [];
    throw error;
  }
}

function keepHistory(ws, history) {
  const kept = writeRecord(ws, "history", history.length ? historyRecord(ws, history) : null);
  if (!kept) say(ws, notKeptHere(levelOf(ws)) + " " + t("Your saved entries are as they were."), true);
  return kept;
}

const onPageOnly = (ws) => keeps(ws) ? "" : " " + t("It is on this page only: this book keeps nothing on this device.");

const rounded = (x) => Math.floor(x * 10 + 0.5) / 10;

function score(ws, answers) {
  const spec = ws.summary;
  const values = ws.fields.filter((f) => f.path[0] === spec.part).map((f) => valueAt(answers, f.path));
  if (spec.style === "rated") {
    const rated = values.filter((v) => v !== null);
    return rated.length ? rounded(rated.reduce((a, b) => a + b, 0) / rated.length) : null;
  }
  if (spec.style === "rows") return answers[spec.part].filter((r) => Object.values(r).some((v) => v.trim())).length;
  return values.filter((v) => v === true || (typeof v === "string" && v.trim())).length;
}

// what an entry's score counts: the spec's own words (summary.js), or for a page
// built before it carried them, from its verb and noun
const measure = (ws) => ws.summary.measure ?? (ws.summary.style === "rated" ? t("average rating")
  : t("number of {things} {verb}", { things: ws.summary.noun[1], verb: ws.summary.verb }));
const shownScore = (ws, v) => v === null ? t("no ratings") : ws.summary.style === "rated" ? v.toFixed(1) : String(v);

function trend(ws, history) {
  if (!history.length) return [];
  const scores = history.map((e) => [e.date, score(ws, e.answers)]);
  const blocks = [[t("Your saved entries ({measure}):", { measure: measure(ws) }), scores.map(([d, v]) => `${d}: ${shownScore(ws, v)}`)]];
  if (scores.length > 1) blocks.push([changeLine(ws, history, "you"), []]);
  return blocks;
}

// How the last two entries compare; whose they are: "you" or "partner". (The
// sentences are whole, each in t(), so a language may word each its own way.)
const CHANGE_LINES = {
  you: {
    none: (v) => t("Your entries: none saved yet.", v),
    one: (v) => t("Your only saved entry, {date}: {value}.", v),
    unrated: (v) => t("Your last two entries cannot be compared: one has no ratings.", v),
    same: (v) => t("Since {before}, your {measure} stayed at {new}.", v),
    up: (v) => t("Since {before}, your {measure} went up from {old} to {new}.", v),
    down: (v) => t("Since {before}, your {measure} went down from {old} to {new}.", v),
  },
  partner: {
    none: (v) => t("Your partner's entries: none saved yet.", v),
    one: (v) => t("Your partner's only saved entry, {date}: {value}.", v),
    unrated: (v) => t("Your partner's last two entries cannot be compared: one has no ratings.", v),
    same: (v) => t("Since {before}, your partner's {measure} stayed at {new}.", v),
    up: (v) => t("Since {before}, your partner's {measure} went up from {old} to {new}.", v),
    down: (v) => t("Since {before}, your partner's {measure} went down from {old} to {new}.", v),
  },
};

function changeLine(ws, history, whose) {
  const scores = history.map((e) => [e.date, score(ws, e.answers)]);
  const lines = CHANGE_LINES[whose];
  if (!scores.length) return lines.none();
  if (scores.length === 1) return lines.one({ date: scores[0][0], value: shownScore(ws, scores[0][1]) });
  const [[before, old], [, now]] = scores.slice(-2);
  if (old === null || now === null) return lines.unrated();
  const line = now === old ? lines.same : now > old ? lines.up : lines.down;
  return line({ before, measure: measure(ws), old: shownScore(ws, old), new: shownScore(ws, now) });
}

function saveEntry(ws) {
  const answers = readForm(ws);
  if (isBlank(ws, answers)) return say(ws, t("Fill in this week's answers first, then save them as an entry."));
  if (ws.earlier?.isConnected && !window.confirm(t(
    "This form started from your entry for {date}, so some answers may " +
      "still be from then. Save them all as today's entry?", { date: ws.earlier.dataset.date },
  ))) {
    return say(ws, t("Nothing was saved. Change what is different today, or use Start today's entry."));
  }
  ws.earlier?.remove();
  const date = today();
  const history = storedHistory(ws).filter((e) => e.date !== date);
  const replaced = history.length !== storedHistory(ws).length;
  history.push({ date, answers });
  history.sort((a, b) => a.date.localeCompare(b.date));
  if (!keepHistory(ws, history)) return;
  drawProgress(ws);
  showSummary(ws);
  const saved = replaced ? t("Your entry for {date} was updated.", { date })
    : keeps(ws) ? t("Your entry for {date} was saved in this browser.", { date })
      : t("Your entry for {date} was saved.", { date });
  say(ws, saved + onPageOnly(ws));
}

function deleteEntry(ws, date) {
  if (!window.confirm(t("Delete your saved entry for {date}? This cannot be undone.", { date }))) return;
  const before = storedHistory(ws);
  const left = before.filter((e) => e.date !== date);
  if (left.length === before.length) {
    // another tab deleted it (or cleared the sheet) meanwhile
    drawProgress(ws);
    showSummary(ws);
    say(ws, t("Your entry for {date} was already deleted, in another tab or window.", { date }));
    ws.progress.focus();
    return;
  }
  if (!keepHistory(ws, left)) return;
  drawProgress(ws);
  showSummary(ws);
  say(ws, t("Your entry for {date} was deleted.", { date }));
  // The focused button is gone with its row: go on to the next entry's, the
  // last one's, or the progress section, not back to the top of the page.
  const next = left.find((e) => e.date > date) || left.at(-1);
  const target = next ? ws.progress.querySelector(`button[data-date="${next.date}"]`) : null;
  (target || ws.progress).focus();
}

// The form still holds an earlier day's saved entry (the answers stay in the
// form between visits): say so, and offer an empty form for today, so that
// last week's answers are not saved again as today's without a word.
function earlierEntryNotice(ws) {
  ws.earlier?.remove();
  const last = storedHistory(ws).at(-1);
  if (!last || last.date === today()) return;
  if (JSON.stringify(last.answers) !== JSON.stringify(readForm(ws))) return;
  ws.earlier = element("div", "ws-notice");
  ws.earlier.dataset.date = last.date;
  // the date in its own element, wherever the language puts it in the sentence
  const [before, after] = t("The form still shows your entry for {date}. That entry is saved. " +
    "To fill in a new one, start from an empty form.").split("{date}");
  const text = element("p", "", before);
  text.append(element("span", "ws-date", last.date), after);
  ws.earlier.append(text);
  const actions = element("p", "ws-notice-actions");
  actions.append(button(t("Start today's entry"), () => {
    fillForm(ws, blankAnswers(ws));
    save(ws);
    showSummary(ws);
    ws.earlier.remove();
    say(ws, t("The form is empty for today's entry. Your entry for {date} is still saved.", { date: last.date }));
    // the notice, and its button, are gone: on to the first answer
    ws.form.querySelector(`[name="${CSS.escape(ws.fields[0].name)}"]`)?.focus();
  }));
  ws.earlier.append(actions);
  ws.tools.append(ws.earlier);
}

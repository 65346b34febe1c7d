// -- keeping a partner's answers, only when the reader asks -------------------
// By default a partner's answers live in the comparison only. "Keep my
// partner's answers here" writes them, through storage.js, to the sheet's own
// partner slot (rebuilding-trust:partner:<id>) at the sheet's level: so they
// are sealed while the lock is on, move with the level (keeping.js),
// and go with "Forget everything". A sheet that keeps nothing never offers it.
//
//   keptPartner(ws)       -> {answers, history} kept for this sheet, or null
//   showKeptPartner(ws, kept)                  the comparison, at once
//   partnerActions(ws, box, partner, kept)     Print, Keep or Forget, Close
const KEEP_OFFER = {
  device: t("If you keep them, your partner's answers stay in this browser on this device until you forget them."),
  tab: t("If you keep them, your partner's answers stay in this tab until you close it."),
};
const KEPT_WHERE = {
  device: t("Your partner's answers are kept in this browser on this device until you forget them."),
  tab: t("Your partner's answers are kept in this tab until you close it."),
};

function keptPartner(ws) {
  if (!keeps(ws)) {
    writeRecord(ws, "partner", null); // "keep nothing" took it into the page: not there either
    return null;
  }
  const record = readRecord(ws, "partner");
  if (!record) return null; // none, or unreadable
  try {
    const found = carry(ws, record);
    return { answers: found.answers, history: found.history };
  } catch (error) {
    if (error instanceof Problem) return null;
    throw error;
  }
}

function showKeptPartner(ws, kept) {
  const histories = ws.repeat ? [storedHistory(ws), kept.history] : null;
  showComparison(ws, comparisonBlocks(ws, readForm(ws), kept.answers, histories), histories, kept, true);
  ws.comparison.prepend(compareWarning(ws));
  say(ws, KEPT_WHERE[levelOf(ws)]);
}

/** Write the partner's answers at the sheet's level; true only once they are
 * stored (with the lock on, once the sealed copy is written). */
async function keepPartner(ws, partner) {
  const level = levelOf(ws);
  const key = keyOf(ws, "partner");
  const [before, plain] = [rawGet(key, level), readKey(key, level)];
  const record = envelope(ws, partner.answers, [], ws.repeat ? partner.history : null);
  if (!writeRecord(ws, "partner", record)) return false;
  if (!lockIsOn()) return true;
  await lock.writes;
  const after = rawGet(key, level);
  if (after !== null && after !== before) return true; // each sealed write has a fresh IV
  if (plain === null) lock.plain.delete(`${level}|${key}`); // the unlocked copy says what is stored
  else lock.plain.set(`${level}|${key}`, plain);
  return false;
}

function notKeptPartner(level) {
  return storages[level]?.store
    ? t("This browser's storage is full, so your partner's answers were not kept. They are on this page only.")
    : t("This browser does not let the page keep anything, so your partner's answers were not kept. They are on this page only.");
}

// Drawn again whenever what the sheet keeps may have changed (levels.js showLevel).
function partnerActions(ws, box, partner, kept) {
  const view = { kept };
  const picker = filePicker(t("Your partner's answers file (.json)"), (file) => compareWithFile(ws, file));
  const draw = () => {
    const level = levelOf(ws);
    const stored = keeps(ws) && readRecord(ws, "partner") !== null;
    view.kept &&= stored;
    const actions = element("p", "ws-notice-actions");
    actions.append(button(t("Print this sheet"), () => printSheet(ws)));
    const more = [];
    if (keeps(ws) && !view.kept) {
      box.replaceChildren(element("p", "", KEEP_OFFER[level]));
      more.push(button(t("Keep my partner's answers here"), async () => {
        if (!(await keepPartner(ws, partner))) return say(ws, notKeptPartner(level), true);
        view.kept = true;
        draw();
        say(ws, KEPT_WHERE[levelOf(ws)]);
      }));
    } else box.replaceChildren(...(view.kept ? [element("p", "", KEPT_WHERE[level])] : []));
    if (view.kept) more.push(button(t("Choose my partner's answers file"), () => picker.click()));
    if (stored) {
      more.push(button(t("Forget my partner's answers"), () => {
        if (!writeRecord(ws, "partner", null)) {
          return say(ws, t("This browser would not let the page remove your partner's answers."), true);
        }
        closeCompare(ws);
        say(ws, t("Your partner's answers were forgotten: this browser no longer keeps them, and the comparison is closed."));
      }));
    }
    more.push(stored
      ? button(t("Close"), () => {
        closeCompare(ws);
        say(ws, t("The comparison is closed. Your partner's answers are still kept: Compare with my partner shows them again."));
      })
      : button(t("Close and forget my partner's answers"), () => {
        closeCompare(ws);
        say(ws, t("The comparison is closed. Your partner's answers are no longer on this page."));
      }));
    more.forEach((el) => actions.append(" ", el));
    box.append(actions, picker);
  };
  draw();
  ws.partnerKept = draw;
}

// -- what a sheet keeps: its level, next to its buttons; forget everything -----
const LEVEL_WORDS = {
  device: t("on this device"),
  tab: t("until I close this tab"),
  nothing: t("nothing"),
};
const LEVEL_LINES = {
  device: t("Your answers stay in this browser on this device. Nothing is sent anywhere."),
  tab: t("Your answers stay in this tab until you close it. Nothing is sent anywhere."),
  nothing: t("This sheet is not saved anywhere: your answers vanish when you leave the page."),
};
// Said once when a sensitive sheet is raised to "on this device".
const SHARED_DEVICE = t("Anyone who opens this browser on this device can then read these answers.");

function notKeptHere(level) {
  const { store } = storages[level] || {};
  return store
    ? t("This browser's storage is full, so new answers are not kept. What is on the page is " +
        "not saved: use Export answers to keep it.")
    : t("This browser does not let the page keep your answers. Use Export answers to save them.");
}

// What the sheet keeps, next to the buttons, in a few words; the reader may
// change it, except on a sheet that keeps nothing by design (the safety check).
function levelChooser(ws) {
  const box = element("span", "ws-level");
  if (ws.keep === "nothing") {
    box.textContent = t("Kept: nothing");
    return box;
  }
  const label = element("label", "", t("Keep my answers: "));
  const select = element("select", "ws-level-choice");
  for (const level of LEVELS) {
    const option = element("option", "", LEVEL_WORDS[level]);
    option.value = level;
    select.append(option);
  }
  label.append(select);
  box.append(label);
  select.addEventListener("change", () => chooseLevel(ws, select.value));
  ws.levelChoice = select;
  return box;
}

function showLevel(ws) {
  const level = levelOf(ws);
  ws.privacyLine.textContent = LEVEL_LINES[level];
  ws.partnerKept?.(); // a comparison on the page says where a partner's answers are now
  if (!ws.levelChoice) return;
  ws.levelChoice.value = level;
  ws.levelChoice.disabled = keepsNothing();
  ws.levelChoice.title = keepsNothing() ? t("Set for the whole book on the page Your answers and your privacy") : "";
}

function chooseLevel(ws, level) {
  const from = levelOf(ws);
  if (!setLevel(ws, level)) {
    showLevel(ws);
    const stay = {
      device: t("Your answers stay kept on this device."),
      tab: t("Your answers stay kept until you close this tab."),
      nothing: t("Your answers stay kept nowhere."),
    };
    return say(ws, `${notKeptHere(level)} ${stay[from]}`, true);
  }
  const same = sheets.filter((other) => other.id === ws.id);
  if (LEVELS.indexOf(level) < LEVELS.indexOf(from)) save(ws); // what the page holds, kept at the new level
  same.forEach((other) => {
    showLevel(other);
    markFolded(other);
  });
  const moved = {
    device: t("Your answers are now kept on this device until you clear them.") +
      (ws.keep === "device" ? "" : ` ${SHARED_DEVICE}`),
    tab: from === "device"
      ? t("Your answers are now kept only until you close this tab; the copy on this device was removed.")
      : t("Your answers are now kept only until you close this tab."),
    nothing: from === "nothing"
      ? t("Your answers are no longer kept. They vanish when you leave the page.")
      : t("Your answers are no longer kept; what this browser kept was removed. They vanish when you leave the page."),
  };
  say(ws, moved[level]);
}

function forgetButton(ws) {
  return button(t("Forget everything on this device"), () => {
    const said = forgetWithConfirmation();
    if (said) say(ws, said);
  });
}

/** One confirmation, then every key of the book goes; the counts, or null. */
function forgetWithConfirmation() {
  if (!window.confirm(t(
    "Forget everything this book keeps in this browser: every answer, saved entry and setting, on " +
      "every page, and the lock? The answers on this page are emptied too. This cannot be undone.",
  ))) {
    return null;
  }
  const counts = forgetEverything();
  laterApi?.unlocked(); // no lock is left (a locked page has loaded it)
  for (const ws of sheets) {
    closeCompare(ws); // it shows the answers being forgotten
    fillForm(ws, blankAnswers(ws));
    showLevel(ws);
    markFolded(ws);
    laterApi?.drawProgress(ws); // entries were drawn by it, if any
  }
  const sheetCount = tn("{n} sheet", "{n} sheets", counts.answers);
  const entryCount = tn("{n} saved entry", "{n} saved entries", counts.entries);
  const settingCount = tn("{n} setting", "{n} settings", counts.settings);
  const partners = counts.partners ? " " + tn("Your partner's answers to {n} sheet were forgotten too.",
    "Your partner's answers to {n} sheets were forgotten too.", counts.partners) : "";
  return t("Forgotten: answers to {sheets}, {entries} and {settings}. This book keeps nothing more in this browser.",
    { sheets: sheetCount, entries: entryCount, settings: settingCount }) + partners;
}

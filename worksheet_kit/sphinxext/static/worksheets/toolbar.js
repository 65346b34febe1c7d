// -- the toolbar ------------------------------------------------------------
function element(tag, className, content) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (content) el.textContent = content;
  return el;
}

function button(label, action) {
  const el = element("button", "ws-button", label);
  el.type = "button";
  el.addEventListener("click", action);
  return el;
}

function say(ws, message, problem = false) {
  ws.status.textContent = message;
  ws.status.classList.toggle("ws-status-problem", problem);
}

function otherVersions(ws) {
  const prefix = `${PREFIX}${ws.id}:`;
  return legacyKeys(ws)
    .filter((key) => !key.endsWith(":history") && key !== `${prefix}${ws.version}`)
    .map((key) => ({ key, version: key.slice(prefix.length) }));
}

function versionNotice(ws) {
  const old = otherVersions(ws);
  if (!old.length) return;
  const notice = element("div", "ws-notice");
  notice.append(element(
    "p",
    "",
    "This worksheet has changed since you last filled it in this browser. Your earlier " +
      "answers are kept, but they are not filled in here because the items are different. " +
      "Download them to keep a copy.",
  ));
  const actions = element("p", "ws-notice-actions");
  for (const { key, version } of old) {
    const label = old.length > 1 ? `Download earlier answers (version ${version})` : "Download earlier answers";
    actions.append(button(label, () => {
      const raw = readKey(key);
      if (raw === null) return say(ws, "Those earlier answers are no longer in this browser.", true);
      const safe = version.replace(/[^a-zA-Z0-9_-]+/g, "-");
      download(`${ws.id}-answers-${safe}.json`, raw);
      say(ws, "Your earlier answers were saved to a file.");
    }), " ");
  }
  actions.append(button("Delete earlier answers", () => {
    if (!window.confirm("Delete the earlier answers kept in this browser? This cannot be undone.")) return;
    for (const { key } of old) {
      removeKey(key);
      removeKey(`${key}:history`);
    }
    notice.remove();
    say(ws, "The earlier answers were deleted from this browser.");
  }));
  notice.append(actions);
  ws.tools.append(notice);
}

// What the sheet keeps, next to the buttons, in a few words; the reader may
// change it, except on a sheet that keeps nothing by design (the safety check).
function levelChooser(ws) {
  const box = element("span", "ws-level");
  if (ws.keep === "nothing") {
    box.textContent = "Kept: nothing";
    return box;
  }
  const label = element("label", "", "Keep my answers: ");
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
  if (!ws.levelChoice) return;
  ws.levelChoice.value = level;
  ws.levelChoice.disabled = keepsNothing();
  ws.levelChoice.title = keepsNothing() ? "Set for the whole book on the page Your answers and your privacy" : "";
}

function chooseLevel(ws, level) {
  const from = levelOf(ws);
  if (!setLevel(ws, level)) {
    showLevel(ws);
    return say(ws, `${notKeptHere(level)} Your answers stay kept ${LEVEL_WORDS[from]}.`, true);
  }
  const same = sheets.filter((other) => other.id === ws.id);
  if (LEVELS.indexOf(level) < LEVELS.indexOf(from)) save(ws); // what the page holds, kept at the new level
  same.forEach((other) => {
    showLevel(other);
    markFolded(other);
  });
  const moved = {
    device: `Your answers are now kept on this device until you clear them.${ws.keep === "device" ? "" : " " + SHARED_DEVICE}`,
    tab: `Your answers are now kept only until you close this tab${from === "device" ? "; the copy on this device was removed" : ""}.`,
    nothing: `Your answers are no longer kept${from === "nothing" ? "" : "; what this browser kept was removed"}. They vanish when you leave the page.`,
  };
  say(ws, moved[level]);
}

function forgetButton(ws) {
  return button("Forget everything on this device", () => {
    const said = forgetWithConfirmation();
    if (said) say(ws, said);
  });
}

/** One confirmation, then every key of the book goes; the counts, or null. */
function forgetWithConfirmation() {
  if (!window.confirm(
    "Forget everything this book keeps in this browser: every answer, saved entry and setting, on " +
      "every page, and the lock? The answers on this page are emptied too. This cannot be undone.",
  )) {
    return null;
  }
  const counts = forgetEverything();
  unlocked(); // no lock is left
  for (const ws of sheets) {
    fillForm(ws, blankAnswers(ws));
    showLevel(ws);
    markFolded(ws);
    drawProgress(ws);
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  return `Forgotten: answers to ${plural(counts.answers, "sheet", "sheets")}, ` +
    `${plural(counts.entries, "saved entry", "saved entries")} and ${plural(counts.settings, "setting", "settings")}. ` +
    "This book keeps nothing more in this browser.";
}

// A sheet kept more strictly now than when its answers were kept on this
// device: they stay there until the reader chooses. Say so once, quietly.
function keptOnDeviceNotice(ws) {
  const legacy = currentLegacy(ws);
  if (!legacy) return;
  if (levelOf(ws) === "device") {
    adoptLegacy(ws, legacy);
    return;
  }
  const notice = element("div", "ws-notice");
  notice.append(element("p", "", "Your earlier answers to this sheet are kept on this device, " +
    `where anyone using this browser can read them. This sheet now keeps answers ${LEVEL_WORDS[levelOf(ws)]}.`));
  const actions = element("p", "ws-notice-actions");
  const done = (message) => {
    notice.remove();
    say(ws, message);
  };
  actions.append(button("Keep them only in this tab", () => {
    if (levelOf(ws) === "nothing" || !adoptLegacy(ws, legacy)) {
      return say(ws, "They could not be moved, so they stay on this device.", true);
    }
    restore(ws, true);
    drawProgress(ws);
    done("Your earlier answers are now kept only until you close this tab, and are back in the form.");
  }), " ", button("Remove them", () => {
    removeKey(legacy.key);
    removeKey(`${legacy.key}:history`);
    done("Your earlier answers were removed from this device.");
  }));
  notice.append(actions);
  ws.tools.append(notice);
}

function setUp(form) {
  if (form.dataset.wsReady) return;
  form.dataset.wsReady = "1";
  const ws = shapeOf(form);
  if (!ws) return;
  form.setAttribute("autocomplete", "off"); // we restore answers, not the browser
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelectorAll("textarea").forEach((box) => {
    box.maxLength = MAX_ANSWER;
  });

  const tools = element("div", "ws-tools");
  const bar = element("div", "ws-toolbar");
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", `Your answers to ${ws.title}`);
  const picker = element("input", "ws-file");
  picker.type = "file";
  picker.accept = ".json,application/json";
  picker.hidden = true;
  picker.tabIndex = -1;
  picker.setAttribute("aria-label", "Answers file to import (.json)");
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    picker.value = "";
    if (file) importFile(ws, file);
  });
  // A sheet that keeps nothing (the safety check) writes no file either.
  const files = ws.keep !== "nothing" ? [
    button("Export answers", () => exportAnswers(ws)), " ",
    button("Import answers", () => picker.click()), " ",
  ] : [];
  bar.append(button("Print this sheet", () => printSheet(ws)), " ", ...files, button("Clear", () => clearAnswers(ws)));
  if (ws.keep !== "nothing") bar.append(" ", button("Download notebook with my answers", () => notebookWithAnswers(ws)), picker);
  if (ws.repeat) bar.prepend(button("Save today's entry", () => saveEntry(ws)), " ");
  bar.append(" ", forgetButton(ws), " ", levelChooser(ws));
  ws.status = element("p", "ws-status");
  ws.status.setAttribute("role", "status");
  ws.status.setAttribute("aria-live", "polite");
  ws.privacyLine = element("p", "ws-privacy-line");
  ws.bar = bar;
  tools.append(ws.privacyLine, bar, ws.status);
  ws.tools = tools;
  const facts = form.querySelector(".ws-facts") || form.querySelector(".ws-title");
  if (facts) facts.after(tools);
  else form.prepend(tools);

  ws.summaryBox = element("section", "ws-summary");
  ws.summaryBox.setAttribute("aria-label", `Summary of your answers to ${ws.title}`);
  form.append(ws.summaryBox);
  if (ws.repeat) {
    ws.progress = element("section", "ws-progress");
    ws.progress.tabIndex = -1; // focus lands here when the last entry is deleted
    ws.progress.setAttribute("aria-label", `Your progress on ${ws.title}`);
    form.append(ws.progress);
  }

  const changed = (event) => {
    const target = event.target;
    if (!target.name || target === picker) return;
    if (target.tagName === "TEXTAREA") mirror(target);
    save(ws);
    showSummary(ws);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  sheets.push(ws);
  mirrorAll(ws);
  if (isLocked()) return showLocked(ws);
  showAnswers(ws);
}

// What a sheet shows once its answers can be read: at start, or on Unlock.
function showAnswers(ws) {
  showLevel(ws);
  const { store, full } = storages[levelOf(ws)] || { store: true };
  if (!store || full) say(ws, notKeptHere(levelOf(ws)), true);
  restore(ws, !store || full);
  keptOnDeviceNotice(ws);
  drawProgress(ws);
  showSummary(ws);
  versionNotice(ws);
}

// Another tab saved, imported, cleared, deleted or changed a level: show the
// same here (sessionStorage is the tab's own, so only the device's changes come).
async function followOtherTabs(event) {
  if (event.key !== null && !event.key.startsWith(PREFIX)) return;
  if (event.key === LOCK) return window.location.reload(); // turned on or off: start again
  if (lockIsOn()) {
    if (!lock.key || event.key === null || event.key.startsWith(STAGED)) return;
    if (event.newValue === null) lock.plain.delete(`device|${event.key}`);
    else {
      try {
        lock.plain.set(`device|${event.key}`, await later.unseal(lock.key, event.key, event.newValue));
      } catch {
        return; // not sealed with this key
      }
    }
  }
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

// -- locked: no answer, summary, chart or count; only Unlock and Forget -------
function showLocked(ws) {
  ws.form.classList.add("ws-locked");
  const panel = element("div", "ws-notice ws-locked-panel");
  panel.append(element("p", "", "Your answers in this book are locked."));
  const label = element("label", "", "Passphrase ");
  const field = element("input");
  field.type = "password";
  field.autocomplete = "current-password";
  label.append(field);
  const actions = element("p", "ws-notice-actions");
  const tryUnlock = async () => {
    let done;
    try {
      done = await (await loadLater()).unlock(field.value);
    } catch {
      return say(ws, "The lock could not be opened here: reload the page and try again.", true);
    }
    if (!done) {
      field.value = "";
      return say(ws, "That passphrase is not the right one. Nothing was changed.", true);
    }
    unlocked();
  };
  field.addEventListener("keydown", (event) => {
    if (event.key === "Enter") tryUnlock();
  });
  actions.append(label, " ", button("Unlock", tryUnlock), " ", forgetButton(ws));
  panel.append(actions);
  ws.lockedPanel = panel;
  ws.tools.replaceChildren(panel, ws.status);
}

function unlocked() {
  for (const ws of sheets) {
    if (!ws.lockedPanel) continue;
    ws.lockedPanel = null;
    ws.form.classList.remove("ws-locked");
    ws.tools.replaceChildren(ws.privacyLine, ws.bar, ws.status);
    showAnswers(ws);
    say(ws, "Unlocked. The book locks again when you close this page.");
  }
  document.dispatchEvent(new Event("rebuilding-trust:unlocked"));
  lockWhenIdle(lockAll);
}

function lockAll() {
  lockNow();
  for (const ws of sheets) {
    fillForm(ws, blankAnswers(ws));
    ws.progress?.replaceChildren();
    ws.summaryBox.replaceChildren();
    ws.earlier?.remove();
    showLocked(ws);
  }
  document.dispatchEvent(new Event("rebuilding-trust:locked"));
}

function start() {
  finishStaged();
  setUpQuickExit();
  document.querySelectorAll("form.worksheet").forEach(setUp);
  if (document.querySelector(".ws-book-choices")) loadLater().then((api) => api.setUpBookChoices());
  window.addEventListener("beforeprint", unfoldForPrint);
  window.addEventListener("storage", followOtherTabs);
  // Back/forward cache: the page may be older than what another page saved,
  // and a sheet that keeps nothing must come back blank, so blank it when
  // the page is hidden and again when it is shown.
  const forget = () => sheets.filter((ws) => !keeps(ws)).forEach((ws) => {
    fillForm(ws, blankAnswers(ws));
    writeRecord(ws, "history", null); // entries kept on the page only go too
  });
  window.addEventListener("pagehide", forget);
  window.addEventListener("pageshow", (event) => {
    forget();
    if (event.persisted) sheets.forEach((ws) => restore(ws, true));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

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

// A hidden picker for an answers file; a button opens it with picker.click().
function filePicker(label, chosen) {
  const picker = element("input", "ws-file");
  picker.type = "file";
  picker.accept = ".json,application/json";
  picker.hidden = true;
  picker.tabIndex = -1;
  picker.setAttribute("aria-label", label);
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    picker.value = ""; // the same file may be chosen again
    if (file) chosen(file);
  });
  return picker;
}

function say(ws, message, problem = false) {
  ws.status.textContent = message;
  ws.status.classList.toggle("ws-status-problem", problem);
}

// Schema-1 answers of a version the frozen table does not know (older than
// the table): never mapped onto this form, but offered as a file.
function versionNotice(ws) {
  const prefix = `${PREFIX}${ws.id}:`;
  const old = legacyKeys(ws)
    .filter((key) => !own(ws.legacy || {}, legacyMatch(key)[2]))
    .map((key) => ({ key, version: key.slice(prefix.length) }));
  if (!old.length) return;
  const notice = element("div", "ws-notice");
  notice.append(element(
    "p",
    "",
    t("This worksheet has changed since you last filled it in this browser. Your earlier " +
      "answers are kept, but they are not filled in here because the items are different. " +
      "Download them to keep a copy."),
  ));
  const actions = element("p", "ws-notice-actions");
  for (const { key, version } of old) {
    const label = old.length > 1 ? t("Download earlier answers (version {version})", { version }) : t("Download earlier answers");
    actions.append(button(label, () => {
      const record = readLegacy(key);
      if (record === null || record === undefined) return say(ws, t("Those earlier answers are no longer in this browser."), true);
      const safe = version.replace(/[^a-zA-Z0-9_-]+/g, "-");
      download(`${ws.id}-answers-${safe}.json`, JSON.stringify(record ?? null, null, 2) + "\n");
      say(ws, t("Your earlier answers were saved to a file."));
    }), " ");
  }
  actions.append(button(t("Delete earlier answers"), () => {
    if (!window.confirm(t("Delete the earlier answers kept in this browser? This cannot be undone."))) return;
    for (const { key } of old) removeKey(key);
    notice.remove();
    say(ws, t("The earlier answers were deleted from this browser."));
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
  bar.setAttribute("aria-label", t("Your answers to {title}", { title: ws.title }));
  const picker = filePicker(t("Answers file to import (.json)"), (file) => importFile(ws, file));
  // A sheet that keeps nothing (the safety check) writes no file either.
  const files = ws.keep !== "nothing" ? [
    button(t("Export answers"), () => exportAnswers(ws)), " ",
    button(t("Import answers"), () => picker.click()), " ",
  ] : [];
  bar.append(button(t("Print this sheet"), () => printSheet(ws)), " ", ...files, button(t("Clear"), () => clearAnswers(ws)));
  if (ws.keep !== "nothing") bar.append(" ", button(t("Download notebook with my answers"), () => notebookWithAnswers(ws)), picker);
  if (ws.repeat) bar.prepend(button(t("Save today's entry"), () => saveEntry(ws)), " ");
  if (ws.compare && ws.keep !== "nothing") bar.append(" ", button(t("Compare with my partner"), () => startCompare(ws)));
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
  ws.summaryBox.setAttribute("aria-label", t("Summary of your answers to {title}", { title: ws.title }));
  form.append(ws.summaryBox);
  if (ws.repeat) {
    ws.progress = element("section", "ws-progress");
    ws.progress.tabIndex = -1; // focus lands here when the last entry is deleted
    ws.progress.setAttribute("aria-label", t("Your progress on {title}", { title: ws.title }));
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
  carryHistory(ws);
  drawProgress(ws);
  showSummary(ws);
  // answers of the first site (schema 1): read them by key once the table is
  // here; a sheet now kept more strictly asks first (levels.js keptOnDeviceNotice)
  if (keeps(ws) && legacyKeys(ws).length) {
    loadLegacy(ws).then(() => {
      if (levelOf(ws) === "device") migrate(ws);
      else keptOnDeviceNotice(ws);
      restore(ws, !store || full);
      carryHistory(ws);
      drawProgress(ws);
      showSummary(ws);
      versionNotice(ws);
    });
  }
}

// Comparing loads on its first click (worksheets-later.js): most readers never do.
function startCompare(ws) {
  loadLater().then((api) => api.openCompare(ws), () => say(ws, t("Comparing could not be loaded. Reload the page and try again."), true));
}

function closeCompare(ws) {
  ws.comparison?.remove();
  ws.comparison = null; // the partner's answers are gone with it
  ws.partnerKept = null;
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
  const forget = () => {
    sheets.forEach(closeCompare); // a partner's answers never outlive the page
    sheets.filter((ws) => !keeps(ws)).forEach((ws) => {
      fillForm(ws, blankAnswers(ws));
      writeRecord(ws, "history", null); // entries kept on the page only go too
    });
  };
  window.addEventListener("pagehide", forget);
  window.addEventListener("pageshow", (event) => {
    forget();
    if (event.persisted) sheets.forEach((ws) => restore(ws, true));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

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

// Schema-1 answers of a version the frozen table does not know (older than
// the table): never mapped onto this form, but offered as a file.
function versionNotice(ws) {
  const prefix = `${PREFIX}${ws.id}:`;
  const old = legacyKeys(ws).map((key) => ({ key, version: key.slice(prefix.length) }));
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
      const record = readKey(key);
      if (record === null) return say(ws, "Those earlier answers are no longer in this browser.", true);
      const safe = version.replace(/[^a-zA-Z0-9_-]+/g, "-");
      download(`${ws.id}-answers-${safe}.json`, JSON.stringify(record ?? null, null, 2) + "\n");
      say(ws, "Your earlier answers were saved to a file.");
    }), " ");
  }
  actions.append(button("Delete earlier answers", () => {
    if (!window.confirm("Delete the earlier answers kept in this browser? This cannot be undone.")) return;
    for (const { key } of old) removeKey(key);
    notice.remove();
    say(ws, "The earlier answers were deleted from this browser.");
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
  const files = ws.keep ? [
    button("Export answers", () => exportAnswers(ws)), " ",
    button("Import answers", () => picker.click()), " ",
  ] : [];
  bar.append(button("Print this sheet", () => printSheet(ws)), " ", ...files, button("Clear", () => clearAnswers(ws)));
  if (ws.keep) bar.append(" ", button("Download notebook with my answers", () => notebookWithAnswers(ws)), picker);
  if (ws.repeat && ws.keep) bar.prepend(button("Save today's entry", () => saveEntry(ws)), " ");
  if (ws.compare && ws.keep) bar.append(" ", button("Compare with my partner", () => openCompare(ws)));
  ws.status = element("p", "ws-status");
  ws.status.setAttribute("role", "status");
  ws.status.setAttribute("aria-live", "polite");
  tools.append(element("p", "ws-privacy-line", ws.keep ? PRIVACY : NOT_KEPT), bar, ws.status);
  ws.tools = tools;
  const facts = form.querySelector(".ws-facts") || form.querySelector(".ws-title");
  if (facts) facts.after(tools);
  else form.prepend(tools);

  ws.summaryBox = element("section", "ws-summary");
  ws.summaryBox.setAttribute("aria-label", `Summary of your answers to ${ws.title}`);
  form.append(ws.summaryBox);
  if (ws.repeat && ws.keep) {
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
  if (!store || full) say(ws, NOT_KEPT_HERE, true);
  restore(ws, !store || full);
  carryHistory(ws);
  drawProgress(ws);
  showSummary(ws);
  // answers of the first site (schema 1): read them by key once the table is here
  if (ws.keep && legacyKeys(ws).length) {
    loadLegacy(ws).then(() => {
      migrate(ws);
      restore(ws, !store || full);
      carryHistory(ws);
      drawProgress(ws);
      showSummary(ws);
      versionNotice(ws);
    });
  }
}

function start() {
  document.querySelectorAll("form.worksheet").forEach(setUp);
  window.addEventListener("beforeprint", unfoldForPrint);
  // Another tab changed or cleared the answers: show the same here.
  window.addEventListener("storage", (event) => {
    for (const ws of sheets) {
      if (event.key === null || event.key === keyOf(ws)) restore(ws, true);
      if (event.key === null || event.key === keyOf(ws, "history")) drawProgress(ws);
    }
  });
  // Back/forward cache: the page may be older than what another page saved,
  // and a sheet that keeps nothing must come back blank, so blank it when
  // the page is hidden and again when it is shown.
  const forget = () => {
    sheets.forEach(closeCompare); // a partner's answers never outlive the page
    sheets.filter((ws) => !ws.keep).forEach((ws) => fillForm(ws, blankAnswers(ws)));
  };
  window.addEventListener("pagehide", forget);
  window.addEventListener("pageshow", (event) => {
    forget();
    if (event.persisted) sheets.forEach((ws) => restore(ws, true));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

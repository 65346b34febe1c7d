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
  const picker = filePicker(t("Answers file to import (.json)"), (file) => later("importFile", ws, file));
  // A sheet that keeps nothing (the safety check) writes no file either.
  const files = ws.keep !== "nothing" ? [
    button(t("Export answers"), () => later("exportAnswers", ws)), " ",
    button(t("Import answers"), () => picker.click()), " ",
  ] : [];
  bar.append(button(t("Print this sheet"), () => printSheet(ws)), " ", ...files, button(t("Clear"), () => later("clearAnswers", ws)));
  if (ws.keep !== "nothing") bar.append(" ", button(t("Download notebook with my answers"), () => later("notebookWithAnswers", ws)), picker);
  if (ws.repeat) bar.prepend(button(t("Save today's entry"), () => later("saveEntry", ws)), " ");
  if (ws.compare && ws.keep !== "nothing") bar.append(" ", button(t("Compare with my partner"), () => later("openCompare", ws)));
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
  // a weekly sheet's progress is drawn once it has entries (progress-chart.js)

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
  showAnswers(ws);
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
  const choices = document.querySelector(".ws-book-choices");
  if (choices) loadLater().then((api) => api.setUpBookChoices(), () => { choices.textContent = NOT_LOADED; });
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
    if (event.persisted) sheets.forEach((ws) => refill(ws, true));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

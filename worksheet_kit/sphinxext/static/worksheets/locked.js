// -- locked: no answer, summary, chart or count; only Unlock and Forget -------
function showLocked(ws) {
  ws.form.classList.add("ws-locked");
  const panel = element("div", "ws-notice ws-locked-panel");
  panel.append(element("p", "", t("Your answers in this book are locked.")));
  const label = element("label", "", t("Passphrase "));
  const field = element("input");
  field.type = "password";
  field.autocomplete = "current-password";
  label.append(field);
  const actions = element("p", "ws-notice-actions");
  const tryUnlock = async () => {
    let done;
    try {
      done = await unlock(field.value);
    } catch {
      return say(ws, t("The lock could not be opened here: reload the page and try again."), true);
    }
    if (!done) {
      field.value = "";
      return say(ws, t("That passphrase is not the right one. Nothing was changed."), true);
    }
    unlocked();
  };
  field.addEventListener("keydown", (event) => {
    if (event.key === "Enter") tryUnlock();
  });
  actions.append(label, " ", button(t("Unlock"), tryUnlock), " ", forgetButton(ws));
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
    showLevel(ws);
    showKept(ws, notKeptNow(ws));
    say(ws, t("Unlocked. The book locks again when you close this page."));
  }
  document.dispatchEvent(new Event("rebuilding-trust:unlocked"));
  lockWhenIdle(lockAll);
}

function lockAll() {
  lockNow();
  for (const ws of sheets) {
    closeCompare(ws); // both partners' answers leave the screen too
    fillForm(ws, blankAnswers(ws));
    ws.progress?.replaceChildren();
    ws.summaryBox.replaceChildren();
    ws.earlier?.remove();
    showLocked(ws);
  }
  document.dispatchEvent(new Event("rebuilding-trust:locked"));
}

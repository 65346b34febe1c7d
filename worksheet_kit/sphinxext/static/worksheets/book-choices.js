// -- the answers page: one book-wide choice, and "forget everything" ----------
// Filled into <div class="ws-book-choices"> (docs/your-answers.md).
function setUpBookChoices() {
  const box = document.querySelector(".ws-book-choices");
  if (!box) return;
  const status = element("p", "ws-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const label = element("label", "ws-book-choice");
  const nothing = element("input");
  nothing.type = "checkbox";
  nothing.checked = keepsNothing();
  label.append(nothing, " " + t("Keep nothing on this device (for every worksheet, whatever each one says)"));
  nothing.addEventListener("change", () => {
    const done = setKeepNothing(nothing.checked);
    nothing.checked = keepsNothing();
    sheets.forEach(showLevel);
    if (!done) status.textContent = t("This browser would not let the page change this setting.");
    else if (nothing.checked) status.textContent = t("This book now keeps nothing on this device. What it kept was removed.");
    else status.textContent = t("Each worksheet now keeps what it says next to its buttons.");
  });
  const forget = button(t("Forget everything on this device"), () => {
    const said = forgetWithConfirmation();
    nothing.checked = keepsNothing();
    status.textContent = said || t("Nothing was forgotten.");
  });
  const actions = element("p", "ws-notice-actions");
  actions.append(forget);
  const lockBox = element("div", "ws-lock");
  box.replaceChildren(label, actions, lockBox, status);
  const say = (text) => {
    status.textContent = text;
  };
  const draw = () => drawLockBox(lockBox, say, draw);
  document.addEventListener("rebuilding-trust:unlocked", draw);
  document.addEventListener("rebuilding-trust:locked", draw);
  draw();
}

function passphraseField(text, autocomplete) {
  const label = element("label", "ws-lock-field", text);
  const field = element("input");
  field.type = "password";
  field.autocomplete = autocomplete;
  label.append(field);
  return [label, field];
}

// The lock's controls: set a passphrase; or Unlock; or Lock now and turn it off.
function drawLockBox(box, say, redraw) {
  const actions = element("p", "ws-notice-actions");
  if (!lockIsOn()) {
    const [label, field] = passphraseField(t("Passphrase "), "new-password");
    const [again, fieldAgain] = passphraseField(t("The same again "), "new-password");
    const minutes = element("select");
    for (const [value, words] of [["5", t("5 minutes")], ["15", t("15 minutes")], ["60", t("an hour")], ["0", t("only when I close the page")]]) {
      const option = element("option", "", words);
      option.value = value;
      minutes.append(option);
    }
    minutes.value = "15";
    const after = element("label", "ws-lock-field", t("Lock again after no use for "));
    after.append(minutes);
    const turnOn = async () => {
      if (!field.value) return say(t("Choose a passphrase first."));
      if (field.value !== fieldAgain.value) return say(t("The two passphrases are not the same. Nothing was changed."));
      say(t("Locking…"));
      const done = await turnLockOn(field.value, Number(minutes.value));
      field.value = fieldAgain.value = "";
      if (!done) return say(t("This browser's storage is full, so the lock could not be turned on. Nothing was changed."));
      lockWhenIdle(lockAll);
      redraw();
      say(t("The lock is on. Everything this book keeps in this browser is encrypted."));
    };
    actions.append(button(t("Turn the lock on"), turnOn));
    box.replaceChildren(
      element("p", "", t("A lock encrypts everything this book keeps in this browser with a passphrase. " +
        "If you forget the passphrase, no one can recover your answers: not this book, not the browser. " +
        "Before you set one, use Export answers on each sheet you want to keep.")),
      label, " ", again, " ", after, actions,
    );
    return;
  }
  if (!lock.key) {
    const [label, field] = passphraseField(t("Passphrase "), "current-password");
    actions.append(label, " ", button(t("Unlock"), async () => {
      if (!(await unlock(field.value))) {
        field.value = "";
        return say(t("That passphrase is not the right one. Nothing was changed."));
      }
      unlocked();
      say(t("Unlocked."));
    }));
    box.replaceChildren(element("p", "", t("The lock is on, and locked.")), actions);
    return;
  }
  actions.append(button(t("Lock now"), () => {
    lockAll();
    say(t("Locked."));
  }), " ", button(t("Turn the lock off"), () => {
    if (!turnLockOff()) return say(t("This browser's storage is full, so the lock is still on. Nothing was changed."));
    redraw();
    say(t("The lock is off. What this book keeps is no longer encrypted."));
  }));
  box.replaceChildren(element("p", "", t("The lock is on, and unlocked on this page.")), actions);
}

/** Book-wide "keep nothing on this device": on removes every record the book
 * keeps in any storage (the page keeps what it shows). */
function setKeepNothing(on) {
  const chosen = settings();
  if (on) chosen.keep = "nothing";
  else delete chosen.keep;
  if (on) {
    for (const { key, level } of bookKeys()) {
      if (key === SETTINGS || level === "nothing") continue;
      const raw = readKey(key, level);
      setKey(key, null, level);
      if (raw !== null) memory.set(key, raw); // still on the page until it closes
    }
  }
  return writeSettings(chosen);
}

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
  label.append(nothing, " Keep nothing on this device (for every worksheet, whatever each one says)");
  nothing.addEventListener("change", () => {
    const done = setKeepNothing(nothing.checked);
    nothing.checked = keepsNothing();
    sheets.forEach(showLevel);
    if (!done) status.textContent = "This browser would not let the page change this setting.";
    else if (nothing.checked) status.textContent = "This book now keeps nothing on this device. What it kept was removed.";
    else status.textContent = "Each worksheet now keeps what it says next to its buttons.";
  });
  const forget = button("Forget everything on this device", () => {
    const said = forgetWithConfirmation();
    nothing.checked = keepsNothing();
    status.textContent = said || "Nothing was forgotten.";
  });
  const actions = element("p", "ws-notice-actions");
  actions.append(forget);
  box.replaceChildren(label, actions, status);
}

// -- quick exit: the GOV.UK Design System's "Exit this page" -----------------
// A link (a.exit-this-page-button, in the same place on every page) to a
// neutral page set in conf.py. Its click, or Shift pressed 3 times within
// 5 seconds, hides the page at once, removes what this tab holds, and
// replaces this history entry, so Back does not return here. Without
// JavaScript the link still leaves (the history entry then stays).
const EXIT_PRESSES = 3;
const EXIT_WINDOW = 5000; // ms

function quickExit(link) {
  document.body.append(element("div", "exit-this-page-overlay")); // hides the page at once
  forgetThisTab();
  for (const ws of sheets) if (levelOf(ws) !== "device") fillForm(ws, blankAnswers(ws));
  window.location.replace(link.href);
}

function setUpQuickExit() {
  const link = document.querySelector("a.exit-this-page-button");
  if (!link) return;
  const status = document.querySelector(".exit-this-page-status");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    quickExit(link);
  });
  let presses = 0;
  let timer = null;
  let lastKeyWasModified = false; // a capital letter's Shift is not a press
  const reset = (said = "") => {
    presses = 0;
    clearTimeout(timer);
    timer = null;
    if (status) status.textContent = said;
  };
  document.addEventListener("keyup", (event) => {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      if (presses >= EXIT_PRESSES) {
        reset(t("Exit this page activated."));
        quickExit(link);
      } else {
        const left = EXIT_PRESSES - presses;
        if (status) status.textContent = tn("Shift, press {n} more time to exit.", "Shift, press {n} more times to exit.", left);
        clearTimeout(timer);
        timer = setTimeout(() => reset(t("Exit this page expired.")), EXIT_WINDOW);
      }
    } else if (timer) reset();
    lastKeyWasModified = event.shiftKey;
  });
  // Back to a page kept in the back/forward cache: show it again.
  window.addEventListener("pageshow", () => document.querySelectorAll(".exit-this-page-overlay").forEach((el) => el.remove()));
}

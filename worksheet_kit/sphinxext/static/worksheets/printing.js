// -- printing: textareas clip their text, so print a copy of it -----------
function mirror(box) {
  let copy = box.nextElementSibling;
  if (!copy || !copy.classList.contains("ws-print-text")) {
    copy = element("div", "ws-print-text");
    copy.setAttribute("aria-hidden", "true");
    box.after(copy);
  }
  copy.textContent = box.value;
}
const mirrorAll = (ws) => ws.form.querySelectorAll("textarea").forEach(mirror);

// Print on a sheet in a chapter prints that sheet alone, not the chapter:
// its block and the elements around it are marked until printing ends. A
// sheet's own page prints whole, as its intro belongs with it.
function printSheet(ws) {
  const block = ws.form.closest(".ws-block");
  if (block && !block.classList.contains("ws-home")) {
    const marked = [];
    for (let el = block; el && el !== document.body; el = el.parentElement) marked.push(el);
    marked.forEach((el) => el.classList.add("ws-print-path"));
    block.classList.add("ws-print-target");
    document.body.classList.add("ws-print-one");
    window.addEventListener("afterprint", () => {
      marked.forEach((el) => el.classList.remove("ws-print-path", "ws-print-target"));
      document.body.classList.remove("ws-print-one");
    }, { once: true });
  }
  window.print();
}

// Printing the whole page prints every sheet in it, folded or not.
function unfoldForPrint() {
  const folded = [...document.querySelectorAll("details.ws-embed:not([open])")];
  folded.forEach((embed) => { embed.open = true; });
  window.addEventListener("afterprint", () => folded.forEach((embed) => { embed.open = false; }), { once: true });
}

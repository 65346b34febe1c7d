// -- earlier answers: a line for what carried over; read-only answers to
// questions this edition no longer asks, with the question as it was ------
function carriedLine(ws, count) {
  ws.carriedLine?.remove();
  ws.carriedLine = element("p", "ws-carried", tn("{n} answer carried over from an earlier edition of this sheet.",
    "{n} answers carried over from an earlier edition of this sheet.", count));
  ws.tools.append(ws.carriedLine);
}

function showEarlier(ws, earlier) {
  ws.earlierAnswers = earlier;
  ws.earlierBox?.remove();
  ws.earlierBox = null;
  if (!earlier.length || !ws.tools) return;
  const box = element("section", "ws-earlier");
  box.setAttribute("aria-label", t("Earlier answers to {title}", { title: ws.title }));
  box.append(element("p", "ws-earlier-title", t("Earlier answers")),
    element("p", "", t("This sheet has changed since you gave these answers: it no longer asks these questions, " +
      "or asks them differently. They are kept here as you gave them.")));
  const list = element("dl", "ws-earlier-list");
  for (const item of earlier) {
    list.append(element("dt", "", item.date ? `${item.question} (${item.date})` : item.question));
    const answer = item.answer === true ? t("Ticked") : String(item.answer);
    const dd = element("dd");
    answer.split("\n").forEach((part, i) => dd.append(...(i ? [element("br"), part] : [part])));
    list.append(dd);
  }
  const actions = element("p", "ws-notice-actions");
  actions.append(button(t("Download earlier answers"), () => {
    const name = `${ws.id}-earlier-answers.json`;
    download(name, JSON.stringify(envelope(ws, blankAnswers(ws), ws.earlierAnswers), null, 2) + "\n");
    say(ws, t("Your earlier answers were saved to the file {name}.", { name }));
  }), " ", button(t("Delete earlier answers"), () => {
    if (!window.confirm(t("Delete your earlier answers from this browser? This cannot be undone."))) return;
    const before = ws.earlierAnswers;
    ws.earlierAnswers = [];
    if (!save(ws)) {
      ws.earlierAnswers = before;
      return say(ws, t("Your earlier answers could not be deleted: this browser's storage did not change."), true);
    }
    showEarlier(ws, []);
    say(ws, t("Your earlier answers were deleted from this browser."));
  }));
  box.append(list, actions);
  ws.earlierBox = box;
  ws.tools.append(box);
}

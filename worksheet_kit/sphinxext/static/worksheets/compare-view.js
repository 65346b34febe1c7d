// -- comparing: the reminder, the partner's file or copy, the side-by-side view
// (loaded on the click that opens it; the rules are in compare.js) -----------
// First a reminder, then the partner's file; nothing is read before the reader
// chooses. Answers the reader chose to keep (compare-keep.js) come up at once.
function openCompare(ws) {
  closeCompare(ws);
  const kept = keptPartner(ws);
  if (kept) return showKeptPartner(ws, kept);
  const panel = element("section", "ws-notice ws-compare");
  panel.setAttribute("aria-label", t("Compare your answers to {title} with your partner's", { title: ws.title }));
  const warning = compareWarning(ws);
  const memory = element("p", "", t("Your partner's answers stay on this page only, until you close the " +
    "comparison or leave the page. They are not saved, and your own answers do not change."));
  const picker = filePicker(t("Your partner's answers file (.json)"), (file) => compareWithFile(ws, file));
  const actions = element("p", "ws-notice-actions");
  actions.append(button(t("Choose my partner's answers file"), () => picker.click()), " ",
    button(t("My partner fills in a copy here"), () => partnerCopy(ws)), " ",
    button(t("Cancel"), () => { closeCompare(ws); say(ws, t("Nothing was compared.")); }), picker);
  panel.append(element("p", "ws-compare-title", t("Compare with my partner")), warning, memory, actions);
  ws.comparison = panel;
  ws.form.append(panel);
  panel.querySelector("button").focus();
}

function compareWarning(ws) {
  const safety = ws.form.querySelector("a.ws-safety-link")?.getAttribute("href");
  // the link in its own element, wherever the language puts it in the sentence
  const warning = element("p");
  if (safety) {
    const [before, after] = t("Compare only if you both want to. Never compare if either of you is afraid " +
      "of the other: {link}.").split("{link}");
    const link = element("a", "", t("read Safety first"));
    link.href = safety;
    warning.append(before, link, after);
  } else {
    warning.textContent = t("Compare only if you both want to. Never compare if either of you is afraid of the other.");
  }
  return warning;
}

async function compareWithFile(ws, file) {
  const refuse = (problem) =>
    say(ws, t("Could not compare with {file}: {problem}. Nothing was changed.", { file: file.name, problem }), true);
  let data, found; // any edition's file, by the same rule as Import
  try {
    ({ data, found } = await readAnswersFile(ws, file));
  } catch (error) {
    if (error instanceof Problem) return refuse(error.message);
    throw error;
  }
  const theirs = found.answers;
  const theirHistory = ws.repeat && own(data, "history") ? found.history : [];
  const mine = readForm(ws);
  if (JSON.stringify(mine) === JSON.stringify(theirs) && !isBlank(ws, mine)) {
    return refuse(t("it holds the same answers as yours. Did you choose your own file? Choose your partner's"));
  }
  const histories = ws.repeat ? [storedHistory(ws), theirHistory] : null;
  showComparison(ws, comparisonBlocks(ws, mine, theirs, histories), histories, { answers: theirs, history: theirHistory });
  say(ws, t("Your answers and your partner's are side by side below. Nothing was saved."));
}

// partner: {answers, history}, what the reader may choose to keep (compare-keep.js)
function showComparison(ws, blocks, histories, partner, kept = false) {
  const section = element("section", "ws-comparison");
  const title = t("Side by side: {title}", { title: ws.title });
  section.setAttribute("aria-label", title);
  section.tabIndex = -1;
  section.append(...blockElements(title, blocks));
  if (histories && (histories[0].length || histories[1].length)) section.append(twoSeriesChart(ws, histories));
  const actions = element("div", "ws-compare-keep");
  section.append(actions);
  closeCompare(ws);
  partnerActions(ws, actions, partner, kept);
  ws.comparison = section;
  ws.form.append(section);
  section.focus();
}

// Both partners' entries on one chart: yours solid with dots, theirs dashed
// with squares (more than colour tells them apart), and a table beside it.
function twoSeriesChart(ws, [mine, theirs]) {
  const box = element("div", "ws-compare-chart");
  const series = [[t("You"), mine, "ws-series-you"], [t("Your partner"), theirs, "ws-series-partner"]]
    .map(([name, entries, css]) => [name, entries.map((e) => [e.date, score(ws, e.answers)]), css]);
  const dates = [...new Set(series.flatMap(([, points]) => points.map(([d]) => d)))].sort();
  const ratings = ws.fields.filter((f) => f.type === "scale");
  const low = ratings.length ? ratings[0].low : 0;
  const high = ratings.length ? ratings[0].high : 1;
  const W = 320, H = 150, PAD = 28, NS = "http://www.w3.org/2000/svg";
  const x = (d) => dates.length === 1 ? W / 2 : PAD + (dates.indexOf(d) * (W - 2 * PAD)) / (dates.length - 1);
  const y = (v) => H - PAD - ((v - low) * (H - 2 * PAD)) / ((high - low) || 1);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("class", "ws-chart ws-chart-two");
  svg.setAttribute("aria-hidden", "true"); // the table says the same
  const add = (tag, attrs) => {
    const el = document.createElementNS(NS, tag);
    Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
    svg.append(el);
    return el;
  };
  add("path", { d: `M${PAD} ${PAD / 2} V${H - PAD} H${W - PAD / 2}`, class: "ws-chart-axis" });
  for (const [name, points, css] of series) {
    const drawn = points.filter(([, v]) => v !== null);
    add("polyline", { points: drawn.map(([d, v]) => `${x(d)},${y(v)}`).join(" "), class: css, "data-series": name });
    for (const [d, v] of drawn) {
      if (css === "ws-series-you") add("circle", { cx: x(d), cy: y(v), r: 4, class: css });
      else add("rect", { x: x(d) - 4, y: y(v) - 4, width: 8, height: 8, class: css });
    }
  }
  const table = element("table", "ws-progress-table");
  table.append(element("caption", "", t("{title}: {measure}, you and your partner", { title: ws.title, measure: measure(ws) })));
  const head = element("tr");
  [t("Date"), t("You"), t("Your partner")].forEach((text) => {
    const th = element("th", "", text);
    th.setAttribute("scope", "col");
    head.append(th);
  });
  table.append(head);
  for (const date of dates) {
    const row = element("tr");
    const cell = (points) => {
      const found = points.find(([d]) => d === date);
      return element("td", "", found ? shownScore(ws, found[1]) : "");
    };
    const th = element("th", "", date);
    th.setAttribute("scope", "row");
    row.append(th, cell(series[0][1]), cell(series[1][1]));
    table.append(row);
  }
  box.append(element("p", "ws-legend", t("Solid line with dots: you. Dashed line with squares: your partner.")), svg, table);
  return box;
}

// One device, two people: the partner fills in a blank copy of the form, in
// memory only (never stored), then both are compared at once.
function partnerCopy(ws) {
  closeCompare(ws);
  const copy = ws.form.cloneNode(true);
  copy.querySelectorAll(".ws-tools, .ws-summary, .ws-progress, .ws-comparison, .ws-compare, " +
    "script.ws-data, .ws-print-text").forEach((el) => el.remove());
  copy.className = "ws-partner-copy";
  for (const el of [copy, ...copy.querySelectorAll("[id]")]) if (el.id) el.id = `partner-${el.id}`;
  copy.querySelectorAll("label[for]").forEach((label) => { label.htmlFor = `partner-${label.htmlFor}`; });
  copy.removeAttribute("aria-labelledby");
  copy.setAttribute("aria-label", t("Your partner's copy of {title}", { title: ws.title })); // not the same name as yours
  copy.addEventListener("submit", (event) => event.preventDefault());
  const theirs = { ...ws, form: copy, summaryBox: null, progress: null }; // not mine
  fillForm(theirs, blankAnswers(ws));
  const section = element("section", "ws-notice ws-compare");
  section.setAttribute("aria-label", t("Your partner's copy"));
  section.append(element("p", "ws-compare-title", t("Your partner's copy")), element("p", "",
    t("Your partner fills in this copy, alone. It is not saved anywhere: it is gone when you " +
      "close it or leave the page.")), copy);
  const actions = element("p", "ws-notice-actions");
  actions.append(button(t("Compare with my answers"), () => {
    const mine = readForm(ws);
    const answers = readForm(theirs);
    if (isBlank(ws, answers)) return say(ws, t("Your partner's copy is still empty. Nothing was compared."), true);
    const histories = ws.repeat ? [storedHistory(ws), []] : null;
    showComparison(ws, comparisonBlocks(ws, mine, answers, histories), null, { answers, history: [] });
    say(ws, t("Your answers and your partner's are side by side below. Nothing was saved."));
  }), " ", button(t("Cancel"), () => { closeCompare(ws); say(ws, t("Your partner's copy was closed.")); }));
  section.append(actions);
  ws.comparison = section;
  ws.form.after(section);
  copy.querySelector("input, textarea")?.focus();
}

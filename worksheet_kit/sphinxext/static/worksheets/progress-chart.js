// -- the progress chart and its table ---------------------------------------
// A line chart as inline SVG (no library, no request), with a table beside it.
function drawProgress(ws) {
  if (!ws.repeat) return;
  if (!ws.progress) { // under the summary, from the first time there is something to draw
    ws.progress = element("section", "ws-progress");
    ws.progress.tabIndex = -1; // focus lands here when the last entry is deleted
    ws.progress.setAttribute("aria-label", t("Your progress on {title}", { title: ws.title }));
    ws.summaryBox.after(ws.progress);
  }
  earlierEntryNotice(ws); // entries changed (saved, deleted, cleared, imported): still true?
  const history = storedHistory(ws);
  const heading = element("p", "ws-progress-title", t("Your progress: {measure} by date", { measure: measure(ws) }));
  ws.progress.classList.toggle("ws-progress-none", !history.length); // nothing to print
  if (!history.length) {
    ws.progress.replaceChildren(heading, element("p", "", t("No saved entries yet. Use \u201cSave today's entry\u201d each time you fill it in to see your progress here.")));
    return;
  }
  const points = history.map((e) => [e.date, score(ws, e.answers)]);
  const ratings = ws.fields.filter((f) => f.type === "scale");
  const low = ratings.length ? ratings[0].low : 0;
  const high = ratings.length ? ratings[0].high : Math.max(1, ...points.map(([, v]) => v || 0));
  const W = 320, H = 150, PAD = 28;
  const x = (i) => points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1);
  const y = (v) => H - PAD - ((v - low) * (H - 2 * PAD)) / ((high - low) || 1);
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("class", "ws-chart");
  svg.setAttribute("aria-hidden", "true"); // the table below says the same
  const label = (text, tx, ty, anchor) => {
    const el = document.createElementNS(NS, "text");
    Object.entries({ x: tx, y: ty, "text-anchor": anchor }).forEach(([k, v]) => el.setAttribute(k, v));
    el.textContent = text;
    svg.append(el);
  };
  const axis = document.createElementNS(NS, "path");
  axis.setAttribute("d", `M${PAD} ${PAD / 2} V${H - PAD} H${W - PAD / 2}`);
  axis.setAttribute("class", "ws-chart-axis");
  svg.append(axis);
  label(String(high), PAD - 4, y(high) + 4, "end");
  label(String(low), PAD - 4, y(low) + 4, "end");
  label(points[0][0], x(0), H - 6, points.length === 1 ? "middle" : "start");
  if (points.length > 1) label(points[points.length - 1][0], x(points.length - 1), H - 6, "end");
  const line = document.createElementNS(NS, "polyline");
  const drawn = points.map(([, v], i) => [i, v]).filter(([, v]) => v !== null);
  line.setAttribute("points", drawn.map(([i, v]) => `${x(i)},${y(v)}`).join(" "));
  svg.append(line);
  for (const [i, v] of drawn) {
    const dot = document.createElementNS(NS, "circle");
    dot.setAttribute("cx", x(i));
    dot.setAttribute("cy", y(v));
    dot.setAttribute("r", "4");
    dot.setAttribute("data-date", points[i][0]);
    svg.append(dot);
  }
  const table = element("table", "ws-progress-table");
  const head = element("tr");
  const actionsHead = element("th");
  actionsHead.append(element("span", "ws-visually-hidden", t("Delete")));
  head.append(element("th", "", t("Date")), element("th", "", measure(ws)), actionsHead);
  head.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
  table.append(element("caption", "", t("{title}: your saved entries", { title: ws.title })), head);
  for (const [date, value] of points) {
    const row = element("tr");
    const remove = button(t("Delete"), () => deleteEntry(ws, date));
    remove.setAttribute("aria-label", t("Delete the entry for {date}", { date }));
    remove.dataset.date = date;
    const cell = element("td");
    cell.append(remove);
    row.append(element("th", "", date), element("td", "", shownScore(ws, value)), cell);
    row.firstChild.setAttribute("scope", "row");
    table.append(row);
  }
  ws.progress.replaceChildren(heading, svg, table);
}

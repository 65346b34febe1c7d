// -- the summary: the four styles of core/summary.py, the same lines ----------
// The sheet's sentences come from the page's JSON (summary_spec), already in
// the page's language: "counted", "highest" and "lowest" as {one, other}
// forms (core/words.py n_forms), chosen here as core/words.py pick does. A
// page built before the spec carried them has only "verb" and "noun": the
// sentences in t() below are for it.
const pick = (forms, n) => forms[n === 1 ? "one" : "other"];
const count = (n, noun) => `${n} ${n === 1 ? noun[0] : noun[1]}`;
const answered = (spec, n, total) => spec.counted ? t(pick(spec.counted, total), { n, total })
  : t("You {verb} {n} of {total}.", { verb: spec.verb, n, total: count(total, spec.noun) });
const filled = (v) => v === true || Number.isInteger(v) || (typeof v === "string" && v.trim() !== "");

const STYLES = {
  ticked(spec, fields, answers) {
    const ticked = fields.filter((f) => valueAt(answers, f.path) === true);
    const blocks = [[answered(spec, ticked.length, fields.length), ticked.map((f) => f.label)]];
    if (ticked.length && spec.note) blocks.push([spec.note, []]);
    return blocks;
  },
  rated(spec, fields, answers) {
    const rated = fields.map((f) => [valueAt(answers, f.path), f.label]).filter(([v]) => v !== null);
    const blocks = [[answered(spec, rated.length, fields.length), []]];
    if (!rated.length) return blocks;
    const values = rated.map(([v]) => v);
    const top = Math.max(...values);
    const lines = {
      highest: (v) => spec.highest ? t(pick(spec.highest, v.n), v)
        : t("Your highest rating was {value} ({anchor}), for {count}:", v),
      lowest: (v) => spec.lowest ? t(pick(spec.lowest, v.n), v)
        : t("Your lowest rating was {value} ({anchor}), for {count}:", v),
    };
    for (const [word, value] of [["highest", top], ["lowest", Math.min(...values)]]) {
      if (word === "lowest" && value === top) break;
      const labels = rated.filter(([v]) => v === value).map(([, label]) => label);
      const n = labels.length;
      blocks.push([lines[word]({ value, anchor: spec.anchors[String(value)], n, count: count(n, spec.noun) }), labels]);
    }
    return blocks;
  },
  written(spec, fields, answers) {
    const done = fields.map((f) => [f, (valueAt(answers, f.path) || "").trim()]).filter(([, t]) => t);
    const points = done.map(([f, text]) => spec.point.replace(/\{(number|label|text)\}/g,
      (_, key) => ({ number: f.number, label: f.label, text })[key]));
    return [[answered(spec, done.length, fields.length), points]];
  },
  rows(spec, fields, answers) {
    const rows = answers[spec.part].filter((row) => Object.values(row).some((v) => v.trim()));
    const points = rows.map((row) => Object.entries(row).filter(([, v]) => v.trim())
      .map(([c, v]) => `${spec.columns[c] ?? c}: ${v.trim()}`).join("\n"));
    const line = spec.counted ? answered(spec, rows.length, rows.length)
      : t("You {verb} {count}.", { verb: spec.verb, count: count(rows.length, spec.noun) });
    return [[line, points]];
  },
};

// Every part left blank (core/summary.py's blank_parts): ticks are answers either
// way, and a table's empty rows are spare.
function blankParts(ws, answers) {
  const spareRow = (path) => path.length > 2 && Number.isInteger(path[1]) &&
    !Object.values(valueAt(answers, path.slice(0, 2))).some(filled);
  return ws.fields.filter((f) => f.type !== "bool" && !filled(valueAt(answers, f.path)) &&
    !spareRow(f.path)).map((f) => f.label.split(/\s+/).join(" ").replace(/:+$/, ""));
}

function summaryOf(ws, answers) {
  const spec = ws.summary;
  const fields = ws.fields.filter((f) => f.path[0] === spec.part);
  const blocks = STYLES[spec.style](spec, fields, answers);
  for (const f of ws.fields.filter((f) => f.path[0] !== spec.part && f.path[0] !== "next_step")) {
    const text = (valueAt(answers, f.path) || "").trim();
    if (text) blocks[0][1].push(`${f.label} ${text}`);
  }
  const next = (answers.next_step || "").trim();
  const prompt = ws.fields.find((f) => f.name === "next_step").label.split(/\s+/).join(" ");
  const blank = blankParts(ws, answers);
  if (blank.length) blocks.push([t("Still blank:"), blank]);
  // saved entries are read by worksheets-later.js, loaded whenever there are some
  if (ws.repeat && laterApi) blocks.push(...laterApi.trend(ws, laterApi.storedHistory(ws)));
  const nextLabel = /[?:]$/.test(prompt) ? prompt : `${prompt}:`;
  return { title: t("Summary: {title}", { title: ws.title }), blocks, next, nextLabel };
}

function showSummary(ws) {
  if (!ws.summaryBox) return;
  const { title, blocks, next, nextLabel } = summaryOf(ws, readForm(ws));
  const parts = blockElements(title, blocks);
  if (next) {
    const line = element("p");
    line.append(element("strong", "", nextLabel), ` ${next}`);
    parts.push(line);
  }
  ws.summaryBox.replaceChildren(...parts);
}

// A title, then each line with its points: a summary's or a comparison's.
function blockElements(title, blocks) {
  const parts = [element("p", "ws-summary-title", title)];
  for (const [line, points] of blocks) {
    parts.push(element("p", "", line));
    if (!points.length) continue;
    const list = element("ul");
    for (const point of points) {
      const item = element("li");
      point.split("\n").forEach((part, i) => item.append(...(i ? [element("br"), part] : [part])));
      list.append(item);
    }
    parts.push(list);
  }
  return parts;
}

const isBlank = (ws, answers) => ws.fields.every((f) => !filled(valueAt(answers, f.path)));

// -- schema 1: answers by position, before keys (core/legacy.py) -------------
// Schema 1's table (version -> keys by position), fetched only when a reader
// has answers of the first site: no page carries it. Without it (a page
// opened as a file), such answers stay where they are, offered as a file.
let legacyTables = null;
function loadLegacy(ws) {
  legacyTables ||= fetch(new URL("editions-v1.json", SCRIPT_URL))
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return legacyTables.then((tables) => {
    ws.legacy = isDict(tables) && isDict(tables[ws.id]) ? tables[ws.id] : {};
  });
}

function upgrade(ws, data) {
  const legacy = ws.legacy || {};
  const table = typeof data.version === "string" && own(legacy, data.version) ? legacy[data.version] : null;
  if (!table) fail(t("it was saved for version {version} of this worksheet, which this book cannot match to its questions. Keep your file", { version: show(data.version) }));
  const byPosition = {};
  const questions = {};
  for (const [group, parts] of Object.entries(table)) {
    byPosition[group] = {};
    parts.forEach(([key, text], i) => {
      byPosition[group][String(i + 1)] = key;
      questions[key] = text;
    });
  }
  const columns = Object.fromEntries((table.columns || []).map(([key, text]) => [text, key]));
  const rekey = (answers) => {
    if (!isDict(answers)) return answers;
    const out = {};
    for (const [group, value] of Object.entries(answers)) {
      if (isDict(value) && own(byPosition, group)) {
        out[group] = Object.fromEntries(Object.entries(value).map(([k, v]) => [byPosition[group][k] ?? k, v]));
      } else if (Array.isArray(value) && table.columns) {
        out[group] = value.map((row) => isDict(row) ? Object.fromEntries(Object.entries(row).map(([c, v]) => [columns[c] ?? c, v])) : row);
      } else out[group] = value;
    }
    return out;
  };
  const upgraded = { schema: SCHEMA, worksheet: ws.id, edition: `v1-${data.version}`, questions, answers: rekey(data.answers) };
  if (own(data, "history")) {
    upgraded.history = Array.isArray(data.history)
      ? data.history.map((e) => isDict(e) ? { ...e, answers: rekey(e.answers) } : e) : data.history;
  }
  return upgraded;
}

// On first load, read schema-1 records through the frozen table, keep them by
// key, and only then remove the old key (no loss if the tab closes halfway).
function migrate(ws) {
  if (!keeps(ws)) return;
  for (const key of legacyKeys(ws)) {
    const raw = readLegacy(key);
    const isHistory = key.endsWith(":history");
    const version = key.slice(`${PREFIX}${ws.id}:`.length).replace(/:history$/, "");
    if (!own(ws.legacy || {}, version) || raw === null || raw === undefined) continue; // not ours to read: the notice offers it
    let found;
    try {
      const record = isHistory
        ? { schema: SCHEMA_1, worksheet: ws.id, version, answers: {}, history: raw }
        : raw;
      found = carry(ws, record);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      continue;
    }
    if (!(isHistory ? mergeHistory(ws, found) : mergeAnswers(ws, found))) return; // not kept: keep the old key
    removeKey(key);
  }
}

function mergeAnswers(ws, found) {
  const now = stored(ws);
  if (now === undefined) return false;
  if (!now) return writeRecord(ws, "answers", envelope(ws, found.answers, found.earlier));
  // both: what is kept now stays in the form, the old answers go to earlier answers
  const old = leaves(found.answers, "").filter(([, v]) => isFilled(v))
    .map(([path, answer]) => ({ path, question: questionAt(ws, path), answer }));
  return writeRecord(ws, "answers", envelope(ws, now.answers, [...now.earlier, ...found.earlier, ...old]));
}

function mergeHistory(ws, found) {
  const now = storedHistory(ws);
  const dates = new Set(now.map((e) => e.date));
  const history = [...now, ...found.history.filter((e) => !dates.has(e.date))].sort((a, b) => a.date.localeCompare(b.date));
  if (found.earlier.length) {
    const answers = stored(ws);
    if (answers === undefined) return false;
    const record = envelope(ws, answers ? answers.answers : blankAnswers(ws), [...(answers ? answers.earlier : []), ...found.earlier]);
    if (!writeRecord(ws, "answers", record)) return false;
  }
  return writeRecord(ws, "history", historyRecord(ws, history));
}

function questionAt(ws, path) {
  const field = ws.fields.find((f) => JSON.stringify(f.path) === JSON.stringify(path));
  return field ? field.label : String(path[path.length - 1]);
}

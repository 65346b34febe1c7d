// -- changing what is kept: a sheet's level, keep nothing, forget everything --
// Through storage.js (setKey, rawSet, bookKeys), never web storage itself.
/** Change a sheet's level: the records are written at the new level before
 * the old copies go, so a failure leaves everything where it was. */
function setLevel(ws, level) {
  const old = levelOf(ws);
  if (level === old) return true;
  const records = Object.fromEntries(SLOTS.map((slot) => [slot, readKey(keyOf(ws, slot), old)]));
  for (const [slot, raw] of Object.entries(records)) {
    if (raw !== null && !setKey(keyOf(ws, slot), raw, level)) {
      for (const s of SLOTS) if (records[s] !== null) setKey(keyOf(ws, s), null, level);
      return false;
    }
  }
  const chosen = settings();
  if (level === ws.keep) delete chosen.sheets[ws.id];
  else chosen.sheets[ws.id] = level;
  if (!writeSettings(chosen)) {
    for (const slot of SLOTS) if (records[slot] !== null) setKey(keyOf(ws, slot), null, level);
    return false;
  }
  for (const slot of SLOTS) setKey(keyOf(ws, slot), null, old);
  if (level === "nothing") setKey(keyOf(ws, "partner"), null, level); // not even on the page
  return true;
}

/** Remove every key of the book from every storage, the lock included; say
 * what went, as counts (entries are counted when they can be read). */
function forgetEverything() {
  const counts = { answers: 0, entries: 0, settings: 0, partners: 0 };
  for (const { key, level } of bookKeys()) {
    if (level === "nothing") continue; // the page's memory: never kept on the device
    const legacy = legacyMatch(key);
    if (key.startsWith(`${PREFIX}history:`) || legacy?.[3]) {
      const record = readJSON(readKey(key, level)); // the history record: an envelope
      counts.entries += Array.isArray(record?.history) ? record.history.length : 0;
    } else if (key.startsWith(`${PREFIX}answers:`) || legacy) counts.answers += 1;
    else if (key.startsWith(`${PREFIX}partner:`)) counts.partners += 1;
    else if (!key.startsWith(STAGED) && key !== LOCK_OFF) counts.settings += 1;
    rawSet(key, null, level);
  }
  memory.clear();
  lockNow();
  return counts;
}

/** What the quick exit removes: everything this tab holds. */
function forgetThisTab() {
  for (const { key, level } of bookKeys()) {
    if (level !== "tab") continue;
    lock.plain.delete(`tab|${key}`);
    rawSet(key, null, "tab");
  }
  memory.clear();
}

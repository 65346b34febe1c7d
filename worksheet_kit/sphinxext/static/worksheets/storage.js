const SCHEMA = "rebuilding-trust-answers/2";
const SCHEMA_1 = "rebuilding-trust-answers/1"; // answers by position, before keys
const MAX_ANSWER = 5000; // characters, as answers.py counts them
const MAX_ROWS = 50; // as answers.py
const MAX_FILE = 5 * 1024 * 1024;
const sheets = [];
// Beside this script: the frozen table of schema 1 (editions-v1.json).
const SCRIPT_URL = document.currentScript?.src || window.location.href;

// -- storage: the only part that touches localStorage or sessionStorage -------
// A sheet keeps its records at one level: "device" (localStorage, until
// cleared), "tab" (sessionStorage, until the tab closes) or "nothing" (this
// page's memory only). Keys are rebuilding-trust:<slot>:<sheet id>; a record
// is opaque JSON that carries its own edition. Every key of the book starts
// with PREFIX, so "forget everything" can leave other apps' keys alone.
//
//   readRecord(ws, "answers")          -> value, null (absent), undefined (unreadable)
//   writeRecord(ws, "history", value)  -> true when kept (or removed, for null)
//   writeRecords(ws, {answers, history}) -> all kept, or storage as it was
//   levelOf(ws)                        -> "device" | "tab" | "nothing"
//   legacyKeys(ws), readKey(key), removeKey(key): schema-1 keys and raw text
// keeping.js changes levels and forgets, through these. With the lock on
// (lock.js), reads and writes go through its sealed copies.
const PREFIX = "rebuilding-trust:";
const SETTINGS = `${PREFIX}settings`; // {keep: "nothing"?, sheets: {id: level}}
const SLOTS = ["answers", "history", "partner"]; // partner: kept only when the reader asks
const LEVELS = ["device", "tab", "nothing"]; // loosest first
// schema 1: rebuilding-trust:<id>:<version>[:history]
const legacyMatch = (key) => {
  const found = /^rebuilding-trust:([a-z0-9-]+):([^:]+)(:history)?$/.exec(key);
  return found && ![...SLOTS, "settings"].includes(found[1]) ? found : null;
};
const memory = new Map(); // what a sheet kept at "nothing" holds while the page is open

// A storage may be missing or blocked (nothing kept), or full (what is kept
// still reads back; new writes fail).
function openStorage(name) {
  let s;
  try {
    s = window[name];
    s.getItem(`${PREFIX}probe`);
  } catch {
    return { store: null, full: false };
  }
  try {
    s.setItem(`${PREFIX}probe`, "1");
    s.removeItem(`${PREFIX}probe`);
    return { store: s, full: false };
  } catch {
    return { store: s, full: true };
  }
}
const storages = { device: openStorage("localStorage"), tab: openStorage("sessionStorage") };

const keyOf = (ws, slot = "answers") => `${PREFIX}${slot}:${ws.id}`;

/** The raw text under one key in one storage, as stored (sealed when locked). */
function rawGet(key, level) {
  try {
    return storages[level].store?.getItem(key) ?? null;
  } catch {
    return null; // blocked: nothing to read there
  }
}

function rawSet(key, raw, level) {
  const { store } = storages[level];
  if (!store) return raw === null;
  try {
    if (raw === null) store.removeItem(key);
    else store.setItem(key, raw); // a failed setItem leaves the old value
    return true;
  } catch {
    return false;
  }
}

/** The text under one key of the book, from the first storage that has it;
 * with the lock on, what it holds unlocked (nothing while locked). */
function readKey(key, level) {
  if (level === "nothing") return memory.has(key) ? memory.get(key) : null;
  for (const name of level ? [level] : ["device", "tab"]) {
    const raw = lockIsOn() && key !== LOCK ? (lock.plain.get(`${name}|${key}`) ?? null) : rawGet(key, name);
    if (raw !== null) return raw;
  }
  return null;
}

function setKey(key, raw, level) {
  if (level === "nothing") {
    if (raw === null) memory.delete(key);
    else memory.set(key, raw);
    return true;
  }
  if (lockIsOn() && key !== LOCK) return sealedSet(key, raw, level);
  return rawSet(key, raw, level);
}

/** Remove one key of the book from every storage. */
function removeKey(key) {
  memory.delete(key);
  for (const level of ["device", "tab"]) {
    lock.plain.delete(`${level}|${key}`);
    rawSet(key, null, level);
  }
}

function readJSON(raw) {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function settings() {
  const found = readJSON(readKey(SETTINGS, "device"));
  return isDict(found) ? { ...found, sheets: isDict(found.sheets) ? found.sheets : {} } : { sheets: {} };
}

function writeSettings(value) {
  const empty = !value.keep && !Object.keys(value.sheets).length;
  return setKey(SETTINGS, empty ? null : JSON.stringify(value), "device");
}

/** The book-wide "keep nothing on this device" is on. */
const keepsNothing = () => settings().keep === "nothing";

function levelOf(ws) {
  if (ws.keep === "nothing" || keepsNothing()) return "nothing";
  const chosen = settings().sheets[ws.id];
  return LEVELS.includes(chosen) ? chosen : ws.keep;
}

const keeps = (ws) => levelOf(ws) !== "nothing";

function readRecord(ws, slot) {
  return readJSON(readKey(keyOf(ws, slot), levelOf(ws)));
}

function writeRecord(ws, slot, value) {
  return setKey(keyOf(ws, slot), value === null ? null : JSON.stringify(value), levelOf(ws));
}

/** Write several records at once: all are kept, or storage stays as it was. */
function writeRecords(ws, records) {
  const level = levelOf(ws);
  const written = [];
  for (const [slot, value] of Object.entries(records)) {
    const key = keyOf(ws, slot);
    const before = readKey(key, level);
    if (writeRecord(ws, slot, value)) {
      written.push([key, before]);
      continue;
    }
    // Put back what this call changed. An old value larger than the new one
    // fits again once the new one is gone: it fitted before.
    for (const [done, raw] of written.reverse()) {
      if (!setKey(done, raw, level)) {
        setKey(done, null, level);
        setKey(done, raw, level);
      }
    }
    return false;
  }
  return true;
}

/** Schema-1 keys (rebuilding-trust:<id>:<version>[:history]) kept for this sheet. */
function legacyKeys(ws) {
  return bookKeys().filter(({ key }) => legacyMatch(key)?.[1] === ws.id).map(({ key }) => key).sort();
}

/** Every key of the book, in every storage: [{key, level}]. */
function bookKeys() {
  const found = [...memory.keys()].map((key) => ({ key, level: "nothing" }));
  for (const [level, { store }] of Object.entries(storages)) {
    if (!store) continue;
    try {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key && key.startsWith(PREFIX)) found.push({ key, level });
      }
    } catch {
      // blocked: it holds nothing
    }
  }
  return found;
}

/** A schema-1 key's record (they were only ever kept on the device), parsed. */
const readLegacy = (key) => readJSON(readKey(key, "device"));

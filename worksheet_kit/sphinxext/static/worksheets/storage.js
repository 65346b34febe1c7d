const SCHEMA = "rebuilding-trust-answers/2";
const SCHEMA_1 = "rebuilding-trust-answers/1"; // answers by position, before keys
const PREFIX = "rebuilding-trust:";
const MAX_ANSWER = 5000; // characters, as answers.py counts them
const MAX_ROWS = 50; // as answers.py
const MAX_FILE = 5 * 1024 * 1024;
const PRIVACY = "Your answers stay in this browser on this device. Nothing is sent anywhere.";
// A sheet marked data-save="off" (e.g. the safety check) is never stored.
const NOT_KEPT = "This sheet is not saved anywhere: your answers vanish when you leave the page.";
const sheets = [];
// Beside this script: the frozen table of schema 1 (editions-v1.json).
const SCRIPT_URL = document.currentScript?.src || window.location.href;

// -- storage: may be missing or blocked (nothing kept), or full (answers
// already kept still read back; new ones are not kept) ------------------
const { store, full } = (() => {
  let s;
  try {
    s = window.localStorage;
    s.getItem(PREFIX + "probe");
  } catch {
    return { store: null, full: false };
  }
  try {
    s.setItem(PREFIX + "probe", "1");
    s.removeItem(PREFIX + "probe");
    return { store: s, full: false };
  } catch {
    return { store: s, full: true };
  }
})();
const NOT_KEPT_HERE = store
  ? "This browser's storage is full, so new answers are not kept. Use Export answers to save them."
  : "This browser does not let the page keep your answers. Use Export answers to save them.";

// A sheet's records: slot "answers" or "history", one key each, whatever the
// edition (the record names its edition). Schema 1 kept one key per version.
const keyOf = (ws, slot = "answers") => `${PREFIX}${slot}:${ws.id}`;

function storeGet(key) {
  try {
    return store ? store.getItem(key) : null;
  } catch {
    return null;
  }
}

function storeSet(key, value) {
  if (!store) return false;
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

// -- the storage interface the rest of the script uses -----------------------
/** A record: parsed JSON, null when absent, undefined when unreadable. */
function readRecord(ws, slot) {
  return parsed(storeGet(keyOf(ws, slot)));
}

/** Keep a record (null removes it); true when kept (or removed). */
function writeRecord(ws, slot, value) {
  return storeSet(keyOf(ws, slot), value === null ? null : JSON.stringify(value));
}

function parsed(raw) {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Schema 1's keys for this sheet: rebuilding-trust:<id>:<version>[:history]. */
function legacyKeys(ws) {
  const found = [];
  if (!store) return found;
  const prefix = `${PREFIX}${ws.id}:`;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && key.startsWith(prefix)) found.push(key);
  }
  return found.sort();
}

const readKey = (key) => parsed(storeGet(key));
const removeKey = (key) => storeSet(key, null);

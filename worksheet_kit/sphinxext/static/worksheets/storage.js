const SCHEMA = "rebuilding-trust-answers/1";
const PREFIX = "rebuilding-trust:";
const MAX_ANSWER = 5000; // characters, as answers.py counts them
const MAX_ROWS = 50; // as answers.py
const MAX_FILE = 5 * 1024 * 1024;
const PRIVACY = "Your answers stay in this browser on this device. Nothing is sent anywhere.";
// A sheet marked data-save="off" (e.g. the safety check) is never stored.
const NOT_KEPT = "This sheet is not saved anywhere: your answers vanish when you leave the page.";
const sheets = [];

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

const keyOf = (ws) => `${PREFIX}${ws.id}:${ws.version}`;

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

function otherVersions(ws) {
  const found = [];
  if (!store) return found;
  const prefix = `${PREFIX}${ws.id}:`;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && key.startsWith(prefix) && key !== keyOf(ws) && key !== historyKey(ws)) {
      found.push({ key, version: key.slice(prefix.length) });
    }
  }
  return found.sort((a, b) => a.version.localeCompare(b.version));
}

// -- the lock: everything the book keeps, encrypted with a passphrase ---------
// Its cryptography (lock-crypto.js) loads only when needed: see loadLater.
// Web Crypto: PBKDF2-SHA-256 (a random salt per device, iterations measured to
// take about half a second here) gives an AES-GCM key; each write has a fresh
// 12-byte IV, and the key's name is the additional data, so a value cannot be
// moved to another key. The passphrase and the key are never stored: the key
// lives in this page's memory from Unlock until Lock, a time without use, or
// the page closes, so every page opens locked.
//
// Storage holds, under LOCK, {salt, iterations, check, minutes}; every other
// key of the book holds {"locked": {iv, data}}. storage.js reads and writes
// through lock.plain while unlocked.
const LOCK = `${PREFIX}lock`;
const LOCK_OFF = `${PREFIX}lock-off`; // turning off: every plain copy is staged
const STAGED = `${PREFIX}staged:`; // the new form of a key, written before the old goes
const LOCK_CHECK = "rebuilding-trust lock check";
const lock = { key: null, plain: new Map(), writes: Promise.resolve(), timer: null };

function lockRecord() {
  const found = readJSON(rawGet(LOCK, "device"));
  return isDict(found) && typeof found.salt === "string" ? found : null;
}
const lockIsOn = () => lockRecord() !== null;
const isLocked = () => lockIsOn() && !lock.key;

function lockNow() {
  lock.key = null;
  lock.plain = new Map();
  clearTimeout(lock.timer);
}

/** Finish a change of the lock that was committed, or undo one that was not,
 * when a tab closed halfway: nothing is lost, and a sealed value never turns
 * back into plain text unless turning the lock off was committed. */
function finishStaged() {
  const on = lockIsOn();
  const turningOff = rawGet(LOCK_OFF, "device") !== null; // committed
  const turnedOn = on && !turningOff; // the lock record was written
  for (const { key, level } of bookKeys()) {
    if (!key.startsWith(STAGED)) continue;
    const raw = rawGet(key, level);
    const sealed = raw !== null && isDict(readJSON(raw)) && own(readJSON(raw), "locked");
    const keep = turningOff ? !sealed : turnedOn && sealed;
    if (keep && !rawSet(key.slice(STAGED.length), raw, level)) continue; // try again next time
    rawSet(key, null, level);
  }
  if (turningOff) rawSet(LOCK, null, "device");
  rawSet(LOCK_OFF, null, "device");
}

/** While unlocked, a write is sealed and stored after it is kept in memory;
 * a write that then fails is reported on every sheet. */
function sealedSet(name, raw, level) {
  if (!lock.key) return false;
  const slot = `${level}|${name}`;
  if (raw === null) lock.plain.delete(slot);
  else lock.plain.set(slot, raw);
  const key = lock.key;
  lock.writes = lock.writes.then(async () => {
    let kept = false;
    try {
      kept = raw === null ? rawSet(name, null, level) : rawSet(name, await laterApi.seal(key, name, raw), level);
    } finally {
      if (!kept) sheets.forEach((ws) => say(ws, notKeptHere(level), true));
    }
  }).catch(() => {});
  return true;
}

// -- what loads later: worksheets-later.js ----------------------------------
// Built from form_script.LATER_PARTS, beside this script, with this closure's
// names handed over (KIT). It loads once, on the first click that needs it,
// or at start when the browser holds what only it reads (saving.js needsLater).
const LATER_URL = document.currentScript?.src.replace(/worksheets\.js(\?.*)?$/, "worksheets-later.js");
let laterApi = null; // its functions, once loaded
let laterLoading = null;
const NOT_LOADED = t("This part of the page could not be loaded, so nothing was changed. Reload the page and try again.");

function loadLater() {
  laterLoading ||= new Promise((resolve, reject) => {
    // its styles come with it; the script waits for them, but not on them
    const styles = element("link");
    styles.rel = "stylesheet";
    styles.href = LATER_URL.replace(/\.js$/, ".css");
    const styled = new Promise((done) => {
      styles.onload = styles.onerror = done;
    });
    document.head.append(styles);
    const script = document.createElement("script");
    script.src = LATER_URL;
    script.onload = async () => {
      await styled;
      laterApi = window.rebuildingTrustLater?.(KIT());
      delete window.rebuildingTrustLater;
      if (laterApi) resolve(laterApi);
      else reject(new Error("worksheets-later.js did not start"));
    };
    script.onerror = () => {
      laterLoading = null; // the next click tries again
      script.remove();
      styles.remove();
      reject(new Error("worksheets-later.js could not be loaded"));
    };
    document.head.append(script);
  });
  return laterLoading;
}

/** Call one function of worksheets-later.js with a sheet (and more), loading
 * it first: later("exportAnswers", ws). If it cannot load, the sheet says so
 * and nothing changes; the promise then resolves to undefined. */
function later(name, ws, ...args) {
  return loadLater().then((api) => api[name](ws, ...args), () => say(ws, NOT_LOADED, true));
}

/** A storage event from another tab: keep this page's unlocked copy in step.
 * False when the event is none of the book's, or cannot be read here. Only the
 * device's changes come: a tab's own store is never shared. */
async function tookInOtherTabsWrite(event) {
  if (event.key !== null && !event.key.startsWith(PREFIX)) return false;
  if (event.key === LOCK) {
    window.location.reload(); // turned on or off: start again
    return false;
  }
  if (!lockIsOn()) return true;
  if (!lock.key || event.key === null || event.key.startsWith(STAGED)) return false;
  if (event.newValue === null) {
    lock.plain.delete(`device|${event.key}`);
    return true;
  }
  try {
    lock.plain.set(`device|${event.key}`, await laterApi.unseal(lock.key, event.key, event.newValue));
    return true;
  } catch {
    return false; // not sealed with this key
  }
}

// -- the lock: everything the book keeps, encrypted with a passphrase ---------
// Web Crypto: PBKDF2-SHA-256 (a random salt per device, iterations measured to
// take about half a second here) gives an AES-GCM key; each write has a fresh
// 12-byte IV, and the key's name is the additional data, so a value cannot be
// moved to another key. The passphrase and the key are never stored: the key
// lives in this page's memory from Unlock until Lock, a time without use, or
// the page closes, so every page opens locked.
//
// Storage holds, under LOCK, {salt, iterations, check, minutes}; every other
// key of the book holds {"locked": {iv, data}}. storage.js reads and writes
// through `lock.plain` while unlocked.
const LOCK = `${PREFIX}lock`;
const LOCK_PENDING = `${PREFIX}lock-pending`; // turning on, not finished
const STAGED = `${PREFIX}staged:`; // the new form of a key, written before the old goes
const LOCK_CHECK = "rebuilding-trust lock check";
const lock = { key: null, plain: new Map(), writes: Promise.resolve(), timer: null };

const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const b64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));

function lockRecord() {
  const found = readJSON(rawGet(LOCK, "device"));
  return isDict(found) && typeof found.salt === "string" ? found : null;
}
const lockIsOn = () => lockRecord() !== null;
const isLocked = () => lockIsOn() && !lock.key;

async function deriveKey(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    { name: "AES-GCM", length: 256 },
    false, // never exported, never stored
    ["encrypt", "decrypt"],
  );
}

/** PBKDF2 iterations that take about half a second on this device. */
async function measureIterations() {
  const trial = 100000;
  const start = performance.now();
  await deriveKey("measure", crypto.getRandomValues(new Uint8Array(16)), trial);
  const ms = Math.max(1, performance.now() - start);
  return Math.min(5000000, Math.max(trial, Math.round((trial * 500) / ms)));
}

async function seal(key, name, text) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(name) }, key, new TextEncoder().encode(text));
  return JSON.stringify({ locked: { iv: b64(iv), data: b64(data) } });
}

async function unseal(key, name, raw) {
  const { iv, data } = JSON.parse(raw).locked;
  const text = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes(iv), additionalData: new TextEncoder().encode(name) }, key, bytes(data));
  return new TextDecoder().decode(text);
}

/** The keys the lock covers: every key of the book but the lock's own. */
const lockedKeys = () => bookKeys().filter(({ key, level }) =>
  level !== "nothing" && key !== LOCK && key !== LOCK_PENDING && !key.startsWith(STAGED));

/** Unlock: a wrong passphrase changes nothing and returns false. */
async function unlock(passphrase) {
  const record = lockRecord();
  if (!record) return true;
  const key = await deriveKey(passphrase, bytes(record.salt), record.iterations);
  try {
    if ((await unseal(key, LOCK, record.check)) !== LOCK_CHECK) return false;
  } catch {
    return false;
  }
  const plain = new Map();
  for (const { key: name, level } of lockedKeys()) {
    try {
      plain.set(`${level}|${name}`, await unseal(key, name, rawGet(name, level)));
    } catch {
      // not readable with this key: left as it is, and not shown
    }
  }
  lock.key = key;
  lock.plain = plain;
  lock.minutes = record.minutes;
  return true;
}

function lockNow() {
  lock.key = null;
  lock.plain = new Map();
  clearTimeout(lock.timer);
}

/** Turn the lock on: every key's sealed form is written in full (STAGED)
 * before the lock record says it is on and before the plain values go. */
async function turnLockOn(passphrase, minutes) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iterations = await measureIterations();
  const key = await deriveKey(passphrase, salt, iterations);
  const record = { salt: b64(salt), iterations, check: await seal(key, LOCK, LOCK_CHECK), minutes };
  const plain = new Map();
  const staged = [];
  if (!rawSet(LOCK_PENDING, JSON.stringify(record), "device")) return false;
  for (const { key: name, level } of lockedKeys()) {
    const raw = rawGet(name, level);
    plain.set(`${level}|${name}`, raw);
    if (!rawSet(STAGED + name, await seal(key, name, raw), level)) {
      staged.forEach(([n, l]) => rawSet(STAGED + n, null, l));
      rawSet(LOCK_PENDING, null, "device");
      return false;
    }
    staged.push([name, level]);
  }
  if (!rawSet(LOCK, JSON.stringify(record), "device")) return false;
  rawSet(LOCK_PENDING, null, "device");
  finishStaged();
  lock.key = key;
  lock.plain = plain;
  lock.minutes = minutes;
  return true;
}

/** Turn the lock off (unlocked only): the plain forms are staged first. */
function turnLockOff() {
  if (!lock.key) return false;
  const staged = [];
  for (const { key: name, level } of lockedKeys()) {
    const raw = lock.plain.get(`${level}|${name}`);
    if (raw === undefined) continue;
    if (!rawSet(STAGED + name, raw, level)) {
      staged.forEach(([n, l]) => rawSet(STAGED + n, null, l));
      return false;
    }
    staged.push([name, level]);
  }
  rawSet(LOCK, null, "device");
  finishStaged();
  lockNow();
  return true;
}

/** Finish (or, for a lock never turned on, undo) a change cut short. */
function finishStaged() {
  const pending = rawGet(LOCK_PENDING, "device") !== null;
  for (const { key, level } of bookKeys()) {
    if (!key.startsWith(STAGED)) continue;
    const raw = rawGet(key, level);
    if (!pending && raw !== null && rawSet(key.slice(STAGED.length), raw, level)) rawSet(key, null, level);
    else if (pending) rawSet(key, null, level);
  }
  if (pending) rawSet(LOCK_PENDING, null, "device");
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
      kept = raw === null ? rawSet(name, null, level) : rawSet(name, await seal(key, name, raw), level);
    } finally {
      if (!kept) sheets.forEach((ws) => say(ws, notKeptHere(level), true));
    }
  }).catch(() => {});
  return true;
}

// Lock by itself after the chosen minutes without use.
function lockWhenIdle(onLock) {
  const restart = () => {
    clearTimeout(lock.timer);
    if (lock.key && lock.minutes) lock.timer = setTimeout(onLock, lock.minutes * 60000);
  };
  if (!lock.watching) {
    lock.watching = true;
    ["pointerdown", "keydown", "input"].forEach((type) => document.addEventListener(type, restart, true));
  }
  restart();
}

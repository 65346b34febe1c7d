// -- the lock's cryptography (loaded on the first Unlock or on the answers page) --
/** The keys the lock covers: every key of the book but the lock's own. */
const lockedKeys = () => bookKeys().filter(({ key, level }) =>
  level !== "nothing" && ![LOCK, LOCK_OFF].includes(key) && !key.startsWith(STAGED));
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const b64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));

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

/** Turn the lock on: every key's sealed form is written in full (STAGED)
 * before the lock record says it is on and before the plain values go. */
async function turnLockOn(passphrase, minutes) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iterations = await measureIterations();
  const key = await deriveKey(passphrase, salt, iterations);
  const record = { salt: b64(salt), iterations, check: await seal(key, LOCK, LOCK_CHECK), minutes };
  const plain = new Map();
  for (const { key: name, level } of lockedKeys()) {
    const raw = rawGet(name, level);
    plain.set(`${level}|${name}`, raw);
    if (!rawSet(STAGED + name, await seal(key, name, raw), level)) {
      finishStaged(); // not committed: the staged copies go
      return false;
    }
  }
  // the lock record is the commit: before it the plain values stand, after it the sealed ones
  const committed = rawSet(LOCK, JSON.stringify(record), "device");
  finishStaged();
  if (!committed) return false;
  lock.key = key;
  lock.plain = plain;
  lock.minutes = minutes;
  return true;
}

/** Turn the lock off (unlocked only): the plain forms are staged first. */
function turnLockOff() {
  if (!lock.key) return false;
  for (const { key: name, level } of lockedKeys()) {
    const raw = lock.plain.get(`${level}|${name}`);
    if (raw === undefined) continue;
    if (!rawSet(STAGED + name, raw, level)) {
      finishStaged(); // not committed: the plain copies go
      return false;
    }
  }
  // every plain copy is written: this marker is the commit
  if (!rawSet(LOCK_OFF, "1", "device")) {
    finishStaged();
    return false;
  }
  finishStaged();
  lockNow();
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

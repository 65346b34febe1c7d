// -- checks: one answer, by the rules of core/answers.py check_value ----------
class Problem extends Error {}
const fail = (text) => {
  throw new Problem(text);
};
const isDict = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const QUOTE = 80; // characters of a bad value a message may quote (core/quoting.py)

function show(v) {
  let text;
  try {
    text = typeof v === "string" ? JSON.stringify(v.slice(0, QUOTE + 1)) : JSON.stringify(v) ?? String(v);
  } catch {
    text = typeof v; // nested too deeply to write out
  }
  return text.length <= QUOTE ? text : `${text.slice(0, QUOTE - 1)}\u2026`;
}

function checkValue(spec, value, label) {
  if (spec.type === "bool") {
    if (value === null || value === undefined) return false;
    if (typeof value !== "boolean") fail(t("{label} must be true or false, not {value}", { label, value: show(value) }));
    return value;
  }
  if (spec.type === "scale") {
    if (value === null || value === undefined) return null;
    if (!(Number.isInteger(value) && value >= spec.low && value <= spec.high)) {
      fail(t("{label} is {value}; use a whole number from {low} to {high}", { label, value: show(value), low: spec.low, high: spec.high }));
    }
    return value;
  }
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") fail(t("{label} must be text, not {value}", { label, value: show(value) }));
  const length = [...value].length;
  if (length > MAX_ANSWER) fail(t("{label} is {length} characters long (at most {most})", { label, length, most: MAX_ANSWER }));
  return value;
}

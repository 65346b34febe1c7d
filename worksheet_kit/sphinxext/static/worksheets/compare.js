// -- side by side with a partner's answers (core/compare.py has the twin) ---
// The rules and words come from the page's JSON (ws.compare). The partner's
// file is read into memory only: closing the comparison or leaving the page
// forgets it, and nothing of it is ever stored or sent.
const ticksOnly = (spec) => Object.keys(spec.anchors).length === 0;
const numberOf = (v) => (v === null || v === undefined ? 0 : Number(v));
const isHigh = (spec, v) => v !== null && (ticksOnly(spec) ? v === true : 2 * v > spec.low + spec.high);
const isLow = (spec, v) => v !== null && (ticksOnly(spec) ? v === false : 2 * v < spec.low + spec.high);
const farApart = (spec, a, b) =>
  ticksOnly(spec) ? a !== b : a !== null && b !== null && Math.abs(a - b) >= spec.far;
const shownAnswer = (spec, v) =>
  ticksOnly(spec) ? (v ? t("ticked") : t("not ticked")) : v === null ? t("not rated") : `${v} (${spec.anchors[String(v)]})`;

function comparisonBlocks(ws, mine, theirs, histories) {
  const spec = ws.compare;
  const pairs = ws.fields.filter((f) => f.path[0] === spec.part)
    .map((f) => [f, valueAt(mine, f.path), valueAt(theirs, f.path)]);
  if (spec.mode === "mutual") return mutualBlocks(spec, pairs);
  const both = ([f, a, b]) => t("{label} You: {mine}. Your partner: {theirs}.",
    { label: f.label, mine: shownAnswer(spec, a), theirs: shownAnswer(spec, b) });
  const blocks = [[t("Each item, you and your partner:"), pairs.map(both)]];
  const high = pairs.filter(([, a, b]) => isHigh(spec, a) && isHigh(spec, b)).map(([f]) => f.label);
  const low = pairs.filter(([, a, b]) => isLow(spec, a) && isLow(spec, b)).map(([f]) => f.label);
  const [strengths, worries] = spec.both_high === "a shared strength" ? [high, low] : [low, high];
  if (strengths.length) blocks.push([t("Where you agree, a shared strength:"), strengths]);
  if (worries.length) blocks.push([t("Where you agree, a shared worry:"), worries]);
  const apart = pairs.map((pair, n) => [Math.abs(numberOf(pair[1]) - numberOf(pair[2])), n, pair])
    .filter(([, , [, a, b]]) => farApart(spec, a, b))
    .sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  if (apart.length) {
    const line = ticksOnly(spec) ? t("Where you differ most (ticked by only one of you):")
      : t("Where you differ most ({far} points or more apart):", { far: spec.far });
    blocks.push([line, apart.map(([, , pair]) => both(pair))]);
  }
  if (!strengths.length && !worries.length && !apart.length) {
    blocks.push([t("You gave no item the same high or low answer, and no item is far apart."), []]);
  }
  const written = ws.fields.filter((f) => f.type === "text").map((f) => {
    const [a, b] = [valueAt(mine, f.path).trim(), valueAt(theirs, f.path).trim()];
    const blank = t("(blank)");
    const label = f.label.split(/\s+/).join(" ");
    return a || b ? t("{label}\nYou: {mine}\nYour partner: {theirs}", { label, mine: a || blank, theirs: b || blank }) : null;
  }).filter(Boolean);
  if (written.length) blocks.push([t("What each of you wrote:"), written]);
  const order = [];
  if (strengths.length) order.push(t("Start with a shared strength: {label}", { label: strengths[0] }));
  if (apart.length) order.push(t("Then talk about one difference: {label}", { label: apart[0][2][0].label }));
  order.push(spec.talk);
  blocks.push([t("A suggested order for your talk:"), order]);
  if (histories && histories[0].length && histories[1].length) {
    blocks.push([t("Your weeks side by side:"),
      [changeLine(ws, histories[0], "you"), changeLine(ws, histories[1], "partner")]]);
  }
  return blocks;
}

// Only what both chose: the same lines whichever partner's page shows them.
function mutualBlocks(spec, pairs) {
  const both = pairs.filter(([, a, b]) => a !== null && b !== null)
    .map(([f, a, b]) => [f.label, Math.min(numberOf(a), numberOf(b))]);
  const yes = both.filter(([, least]) => least === spec.high).map(([label]) => label);
  const maybe = both.filter(([, least]) => least > spec.low && least < spec.high).map(([label]) => label);
  const blocks = [];
  if (yes.length) {
    blocks.push([ticksOnly(spec) ? t("You both ticked:")
      : t("You both said {anchor} to:", { anchor: spec.anchors[String(spec.high)] }), yes]);
  }
  if (maybe.length) blocks.push([t("You both said at least {anchor} to:", { anchor: spec.anchors[String(spec.low + 1)] }), maybe]);
  if (!yes.length && !maybe.length) {
    blocks.push([t("There is nothing you both chose yet. That is fine: closeness has its own pace."), []]);
  }
  blocks.push([t("What this shows:"), [
    t("Only the items you both chose. An answer that only one of you gave is never shown."),
    t("A yes on paper is not a promise. Either of you can take it back at any time."),
  ]]);
  return blocks;
}

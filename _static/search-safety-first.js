/* A search for help puts "Safety first" at the top of the results.
   Sphinx ranks pages by how often and where a word appears, so "988" or
   "crisis line" listed the safety page last, under pages that only mention
   it. When the query holds a word of this list, the safety page comes first;
   other queries rank as Sphinx ranks them. Loaded with `defer` on the search
   page only, after searchtools.js (whose Scorer calls `score`). */
(() => {
  if (typeof Scorer === "undefined") return;
  const HELP_WORDS = new Set([
    "988", "911", "999", "112", "000", "111", "crisis", "hotline", "helpline", "helplines",
    "emergency", "suicide", "suicidal", "abuse", "abused", "violence", "violent", "danger",
    "dangerous", "unsafe", "afraid", "scared", "threat", "threats", "threatened", "hit",
    "police", "stalking", "coercive", "control", "safety", "safe",
  ]);
  const query = new URLSearchParams(window.location.search).get("q") || "";
  const words = query.toLowerCase().split(/[^a-z0-9]+/);
  if (!words.some((word) => HELP_WORDS.has(word))) return;
  const SAFETY_PAGE = "docs/safety";
  const ownScore = Scorer.score;
  Scorer.score = (result) => {
    const score = ownScore ? ownScore(result) : result[4];
    return result[0] === SAFETY_PAGE && !result[2] ? score + 1000 : score;
  };
})();

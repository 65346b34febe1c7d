// The words seam: every string the page shows a reader goes through t() or
// tn(), with double-quoted literals only:
//   t("Your answers to {title}", { title: ws.title })
//   tn("{n} sheet", "{n} sheets", count)
// Never a t() inside a template literal or inside another t()'s values: the
// extractor does not see it there (compute it first, then pass it in).
// The build writes each language's bundle with these literals already
// translated from the kit's catalog (form_script.py), so at run time t()
// only fills in the values, and a page carries no table of words.
function t(text, values) {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function tn(singular, plural, n, values) {
  return t(n === 1 ? singular : plural, Object.assign({ n }, values));
}

/* The keys Sphinx's doctools.js gives every page, without the rest of it
   (conf.py: navigation_with_keys): Left and Right arrows open the previous and
   next page, and / goes to the search box. Not while typing in a form, and
   not with Alt, Ctrl or Meta (Shift is the quick exit's key). The search page
   loads doctools.js itself (_ext/page_assets.py). */
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  if (["TEXTAREA", "INPUT", "SELECT", "BUTTON"].includes(document.activeElement?.tagName)) return;
  const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  const link = rel && !event.shiftKey && document.querySelector(`link[rel="${rel}"]`);
  if (link?.href) {
    event.preventDefault();
    window.location.href = link.href;
  } else if (event.key === "/") {
    const search = document.querySelector("input[name=q]");
    if (search) {
      event.preventDefault();
      search.focus();
    }
  }
});

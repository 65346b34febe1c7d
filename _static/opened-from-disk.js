/* A book opened as a file (file://) cannot do two things: the browser shows a
   notebook download as text instead of saving it, and search cannot read the
   pages to show a preview of each result (the browser blocks those reads).
   Search still finds words in the text, from its index: it is told not to try
   the previews, which failed with "Failed to fetch" errors. On pages with a
   download or search results, say so once, and how to open the book so both
   work. */
(() => {
  if (location.protocol !== "file:") return;
  // the note's words, in the page's language (_ext/book_from_disk.py)
  const words = JSON.parse(document.currentScript.dataset.words);
  // documentation_options.js came first; searchtools.js reads this per result
  if (typeof DOCUMENTATION_OPTIONS !== "undefined") DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  const show = () => {
    const downloads = document.querySelector('a[href$=".ipynb"]');
    const search = document.getElementById("search-results");
    const article = document.querySelector("article[role='main']") || document.querySelector("article");
    if (!article || (!downloads && !search)) return;
    const note = document.createElement("div");
    note.className = "admonition note opened-from-disk";
    note.setAttribute("role", "note");
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = words.title;
    const text = document.createElement("p");
    const code = (text) => Object.assign(document.createElement("code"), { textContent: text });
    const places = {
      make: code("make serve"),
      python: code("python3 -m http.server -d _build/html"),
      address: "http://localhost:8000",
    };
    // "... run {make} or {python}, then go to {address}.": the code goes where its name is
    const serve = words.serve
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? places[part.slice(1, -1)] : part));
    text.append(downloads ? words.download : words.search, ...serve);
    note.append(title, text);
    const heading = article.querySelector("h1");
    if (heading) heading.after(note);
    else article.prepend(note);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();

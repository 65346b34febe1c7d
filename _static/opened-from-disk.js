/* A book opened as a file (file://) cannot do two things: the browser shows a
   notebook download as text instead of saving it, and search cannot read the
   pages to show a preview of each result (the browser blocks those reads).
   Search still finds words in the text, from its index: it is told not to try
   the previews, which failed with "Failed to fetch" errors. On pages with a
   download or search results, say so once, and how to open the book so both
   work. */
(() => {
  if (location.protocol !== "file:") return;
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
    title.textContent = "You opened this book as a file";
    const text = document.createElement("p");
    const code = (words) => Object.assign(document.createElement("code"), { textContent: words });
    text.append(
      downloads
        ? "Here, “Download notebook” shows the notebook as text: to save it, right-click the link and choose “Save link as”. "
        : "Here, search lists the pages that hold your words, without a preview of each. ",
      "For downloads and search that work, open the book through a small web server: in the book's folder, run ",
      code("make serve"),
      " or ",
      code("python3 -m http.server -d _build/html"),
      ", then go to http://localhost:8000.",
    );
    note.append(title, text);
    const heading = article.querySelector("h1");
    if (heading) heading.after(note);
    else article.prepend(note);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();

"""What Lighthouse's SEO category checks, read from the built pages: each may be
indexed, has a title, a description, a language and a phone's viewport, and names
its twins only by full URLs (`python bench/run.py --only-lighthouse` runs
Lighthouse itself)."""

from __future__ import annotations

from urllib.parse import urlparse

from bs4 import BeautifulSoup


def book_pages(book_html):
    return sorted(
        page
        for page in book_html.rglob("*.html")
        if not page.relative_to(book_html).parts[0].startswith(("_", "."))
    )


def test_every_page_may_be_indexed_and_says_what_it_is(book_html):
    pages = book_pages(book_html)
    assert {"index.html", "search.html"} <= {p.relative_to(book_html).as_posix() for p in pages}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        robots = [m.get("content", "") for m in soup.find_all("meta", attrs={"name": "robots"})]
        assert not [r for r in robots if "noindex" in r or "none" in r], page  # is-crawlable
        assert soup.title and soup.title.get_text(strip=True), page  # document-title
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), page  # meta-description
        assert soup.html.get("lang"), page
        viewport = soup.find("meta", attrs={"name": "viewport"})
        assert viewport and "width=device-width" in viewport["content"], page
        for link in soup.find_all("link", rel="alternate", hreflang=True):  # hreflang
            assert urlparse(link["href"]).scheme in ("http", "https"), (page, link)

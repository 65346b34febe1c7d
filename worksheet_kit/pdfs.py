"""Publish the PDFs: the book, the packet, and one PDF per worksheet.

    python -m worksheet_kit.pdfs _build/latex _build/html/pdf

Copies the two documents LaTeX built, then splits each worksheet out of the
packet. The split reads the page marks that ``\\wsmark`` wrote into ``workshop-packet.aux``
and cuts the packet with poppler's pdfseparate and pdfunite, so no page is
typeset twice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCUMENTS = ("rebuilding-trust.pdf", "workshop-packet.pdf")
PACKET = "workshop-packet"
MARK = re.compile(r"\\wspage\{([a-z0-9-]+)\}\{(start|end)\}\{(\d+)\}")


def page_ranges(aux_text: str) -> dict[str, tuple[int, int]]:
    """Worksheet id -> (first page, last page), counted from 1."""
    marks: dict[str, dict[str, int]] = {}
    for worksheet_id, which, page in MARK.findall(aux_text):
        marks.setdefault(worksheet_id, {})[which] = int(page)
    return {
        worksheet_id: (pages["start"], pages.get("end", pages["start"]))
        for worksheet_id, pages in marks.items()
        if "start" in pages
    }


def run(command: list[str]) -> None:
    # poppler prints harmless syntax notes about Sphinx's PDFs; show them only on failure
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def split(packet_base: Path, out_dir: Path) -> dict[str, Path]:
    """Write ``<id>.pdf`` for every worksheet in the packet into out_dir."""
    pdf = packet_base.with_suffix(".pdf")
    ranges = page_ranges(packet_base.with_suffix(".aux").read_text(encoding="utf-8"))
    if not ranges:
        raise SystemExit(f"{packet_base}.aux has no worksheet page marks")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for worksheet_id, (first, last) in sorted(ranges.items()):
        target = out_dir / f"{worksheet_id}.pdf"
        with tempfile.TemporaryDirectory() as scratch:
            pattern = str(Path(scratch) / "page-%04d.pdf")
            run(["pdfseparate", "-f", str(first), "-l", str(last), str(pdf), pattern])
            pages = sorted(Path(scratch).glob("page-*.pdf"))
            if len(pages) == 1:
                target.write_bytes(pages[0].read_bytes())
            else:
                run(["pdfunite", *map(str, pages), str(target)])
        written[worksheet_id] = target
    return written


def publish(latex_dir: Path, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in DOCUMENTS:
        shutil.copyfile(latex_dir / name, out_dir / name)
    return split(latex_dir / PACKET, out_dir)


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m worksheet_kit.pdfs LATEX_DIR OUT_DIR")
        return 2
    written = publish(Path(args[0]), Path(args[1]))
    print(f"wrote {', '.join(DOCUMENTS)} and {len(written)} worksheet PDFs to {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

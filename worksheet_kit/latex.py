r"""Render a worksheet as a LaTeX print layout.

    render_latex(worksheet)  # -> LaTeX source using the macros in PREAMBLE

Boxes and write-in lines are drawn with rules (never a font glyph that can
print blank), every point of a scale shows its label, and ruled rows are at
least 9 mm high. PREAMBLE goes into ``latex_elements["preamble"]``.
"""

from __future__ import annotations

from sphinx.util.texescape import escape as _escape

from .html import who_text

PREAMBLE = r"""
% -- worksheet kit: drawn boxes, ruled write-in rows, facilitator box --
\usepackage{tabularx}
\newcommand{\wsbox}{\fbox{\rule{0pt}{0.75em}\rule{0.75em}{0pt}}}
\newcommand{\wswriteline}{\par\noindent\rule{0pt}{8.5mm}\rule{\linewidth}{0.4pt}\par}
\newcommand{\wswritelines}[1]{\foreach\wsn in {1,...,#1}{\wswriteline}}
\newcommand{\wsrowheight}[1]{\rule{0pt}{#1}}
\newenvironment{wsworksheet}[1]{%
  \par\medskip\begingroup\sffamily\fontsize{11.5pt}{15pt}\selectfont
  \noindent{\large\bfseries #1}\par\smallskip}{\par\endgroup\medskip}
\newcommand{\wsfacts}[4]{%
  \par\noindent\fbox{\parbox{\dimexpr\linewidth-2\fboxsep-2\fboxrule}{%
  \textbf{Purpose:} #1\par \textbf{Time:} #2\quad \textbf{Who:} #3\par
  \textbf{Privacy:} #4}}\par\smallskip}
\usepackage{pgffor}
\usepackage{pdflscape}
\setlength{\headheight}{14pt}
% \wsmark{id}{start|end}: write the physical page (counted from 1) into the
% .aux, so a worksheet's pages can be split out of the packet.
\makeatletter
\newcommand{\wsmark}[2]{\protected@write\@auxout{}{%
  \string\wspage{#1}{#2}{\the\numexpr\ReadonlyShipoutCounter+1\relax}}}
\newcommand{\wspage}[3]{}
\makeatother
"""


def tex(text: str) -> str:
    return _escape(text, "xelatex")


SAFETY_LINE = (
    r"\textbf{Safety:} if your partner hurts, threatens or controls you, do not do joint "
    r"exercises. US: call or text 988; Domestic Violence Hotline 1-800-799-7233 "
    r"(text START to 88788). Local help: \rule{4cm}{0.4pt}"
)


def render_latex(ws, mark_pages: bool = False) -> str:
    """A worksheet on a page of its own; wide tables get a landscape page.

    With mark_pages, the first and last pages are written to the .aux (see
    ``\\wsmark``) and the page header names the worksheet.
    """
    body = {
        "checklist": _checklist,
        "rating-scale": _rating_scale,
        "reflection-table": _reflection_table,
        "conversation-guide": _conversation_guide,
    }[ws.kind](ws)
    wide = ws.kind == "reflection-table" and len(ws.columns) > 4
    title = tex(ws.title)
    opening = rf"\wsmark{{{ws.id}}}{{start}}\markboth{{{title}}}{{{title}}}" if mark_pages else ""
    closing = rf"\wsmark{{{ws.id}}}{{end}}" if mark_pages else ""
    return "\n".join(
        [
            r"\begin{landscape}" if wide else r"\clearpage",
            rf"\begin{{wsworksheet}}{{{title}}}{opening}",
            rf"\wsfacts{{{tex(ws.purpose)}}}{{about {ws.minutes} minutes}}"
            rf"{{{tex(who_text(ws))}}}{{{tex(ws.privacy)}}}",
            rf"\noindent {tex(ws.instructions)}\par\medskip",
            body,
            rf"\par\medskip\noindent\textbf{{{tex(ws.next_step_prompt)}}}",
            rf"\wswritelines{{{1 if wide else 2}}}",
            rf"\par\vfill\noindent{{\small {SAFETY_LINE}}}{closing}",
            r"\end{wsworksheet}",
            r"\end{landscape}" if wide else r"\clearpage",
            "",
        ]
    )


def _checklist(ws):
    items = "\n".join(rf"\item[\wsbox] {tex(text)}" for text in ws.items)
    note = rf"\par\smallskip\noindent {tex(ws.if_marked)}" if ws.if_marked else ""
    return (
        r"\begin{list}{}{\setlength{\leftmargin}{2em}\setlength{\itemsep}{2pt}"
        r"\setlength{\parsep}{0pt}\setlength{\topsep}{4pt}}"
        f"\n{items}\n\\end{{list}}{note}"
    )


def _rating_scale(ws):
    # The key names every point once; each item then shows a box per point in
    # a column of its own, so sentence and boxes share a row and a page.
    key = r"\quad ".join(
        rf"\mbox{{\textbf{{{value}}}~=~{tex(label)}}}" for value, label in ws.points
    )
    boxes = r"\enspace ".join(rf"\wsbox~{value}" for value, _ in ws.points)
    rows = "\n".join(
        rf"{number}. & {tex(text)} & {boxes} \\[5pt]"
        for number, text in enumerate(ws.items, start=1)
    )
    return (
        rf"\noindent\fbox{{\parbox{{\dimexpr\linewidth-2\fboxsep-2\fboxrule}}{{"
        rf"\raggedright\textbf{{Scale:}} {key}}}}}\par\smallskip"
        "\n\\noindent\\begin{tabularx}{\\linewidth}"
        "{@{}r@{\\ }>{\\raggedright\\arraybackslash}X@{\\quad}l@{}}"
        f"\n{rows}\n\\end{{tabularx}}"
    )


def _reflection_table(ws):
    columns = len(ws.columns)
    spec = "|" + "|".join([r">{\raggedright\arraybackslash}X"] * columns) + "|"
    size = r"\small" if columns > 4 else ""
    head = " & ".join(rf"\textbf{{{tex(c)}}}" for c in ws.columns)
    height = "12mm"  # wide tables (over 4 columns) get a landscape page instead
    blank = rf"\wsrowheight{{{height}}}" + " &" * (columns - 1) + r" \\ \hline"
    rows = [rf"{size}\noindent\begin{{tabularx}}{{\linewidth}}{{{spec}}}", r"\hline"]
    rows.append(head + r" \\ \hline")
    if ws.example:
        cells = [f"Example: {ws.example[0]}", *ws.example[1:]]
        example = " & ".join(rf"{{\small {tex(v)}}}" for v in cells)
        rows.append(example + r" \\ \hline")
    rows += [blank] * ws.rows
    rows.append(r"\end{tabularx}")
    return "\n".join(rows)


def _conversation_guide(ws):
    steps = "\n".join(
        rf"\item \textbf{{{tex(step.who)}:}} {tex(step.prompt)}\nopagebreak\wswritelines{{2}}"
        for step in ws.steps
    )
    return (
        rf"\noindent\textbf{{Pause rule:}} {tex(ws.pause_rule)}"
        "\n\\begin{enumerate}\\setlength{\\itemsep}{4pt}\n"
        f"{steps}\n\\end{{enumerate}}"
    )

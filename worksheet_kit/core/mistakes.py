"""Plain words for the mistakes a reader makes in a notebook's answers cell.

    from worksheet_kit.core import mistakes
    mistakes.install()   # the kit cell of a downloaded notebook does this

`install` adds an IPython input transformer that looks at the answers cell
(the one that starts with `MARK`) before it runs. When the cell would fail,
it runs one line instead that raises `AnswersMistake`, which IPython shows as
one or two sentences naming the line, with no traceback:

- the cells above were not run (there is no `worksheet` yet);
- a double quote inside an answer, a missing comma, a missing closing quote,
  words without quotes (Python's own SyntaxError says "forgot a comma?");
- a word where a number, True or False goes (Python's NameError);
- a misspelt or unknown key ("next_stpe" instead of "next_step").

Other wrong values (a number off the scale, text too long) are left to
`check_answers`, whose messages are already one line. A NameError for the
worksheet or the answers in any other cell (run before the cells above it)
gets the same plain words, through IPython's custom exception handler.
Nothing here runs outside IPython, and nothing writes any file.
"""

from __future__ import annotations

import ast
import difflib
import re

from .answers import blank_answers
from .errors import WorksheetError
from .words import N_, _

MARK = N_("# Your answers")  # also the cell the web page fills ("# Your answers, filled in")
RUN_ABOVE = N_(
    "Run the cells above this one first (in the menu: Run, then Run All Cells): "
    "they set up the worksheet this cell needs."
)  # translated where shown: the language is chosen after import
NEEDED = ("worksheet", "answers", "history")
_SHELL = []  # the shell `install` hooked: IPython calls transformers outside `get_ipython`


class AnswersMistake(WorksheetError):
    """A mistake in the answers cell, told in words; IPython shows only the words."""

    def _render_traceback_(self):
        return [str(self)]


def install(shell=None) -> None:
    """Explain answers-cell mistakes in this IPython kernel (again: replaces the old hook)."""
    shell = shell or _shell()
    if shell is None:
        return
    _SHELL[:] = [shell]
    posts = [t for t in shell.input_transformers_post if t.__name__ != "explain_answers_cell"]
    shell.input_transformers_post = [*posts, explain_answers_cell]
    shell.set_custom_exc((NameError,), _name_error)


def _shell():
    try:
        return get_ipython()  # noqa: F821 (IPython puts it in builtins)
    except NameError:
        return None


def explain_answers_cell(lines: list[str]) -> list[str]:
    """An IPython transformer: the answers cell as it is, or one line raising its mistake."""
    source = "".join(lines)
    if not source.lstrip().startswith((MARK, _(MARK))):  # English, or the notebook's language
        return lines
    try:
        message = diagnose(source, _SHELL[0].user_ns)
    except Exception:  # a fault here must never stop a reader's cell from running
        return lines
    if message is None:
        return lines
    module = "__import__('worksheet_kit.core.mistakes', fromlist=['mistakes'])"
    return [f"raise {module}.AnswersMistake({message!r})\n"]


def diagnose(source: str, namespace: dict) -> str | None:
    """What is wrong with the answers cell's source, in words, or None."""
    ws = namespace.get("worksheet")
    if not hasattr(ws, "answer_fields"):
        return _(RUN_ABOVE)
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return syntax_mistake(error, source.splitlines())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == [
            "answers"
        ]:
            if isinstance(node.value, ast.Dict):
                found = _dict_mistake(ws, node.value, blank_answers(ws), ())
                if found:
                    return found
    return None


def syntax_mistake(error: SyntaxError, lines: list[str]) -> str:
    number = error.lineno or 1
    line = lines[number - 1] if number <= len(lines) else ""
    code = re.sub(r'\s+#[^"]*$', "", line)  # without a comment at its end
    if "unterminated string" in error.msg:
        return _(
            'Line {line} of your answers: an answer has no closing quote. End it with " '
            "before its comma."
        ).format(line=number)
    if "forgot a comma" not in error.msg:
        return _(
            "Line {line} of your answers is not in the form Python reads ({error}). "
            "Compare it with the lines around it: each answer is written key: value, "
            'with words in "quotes".'
        ).format(line=number, error=error.msg)
    if (error.end_lineno or number) > number:
        missing = error.end_lineno - 1
        while missing > number and not lines[missing - 1].split("#")[0].strip():
            missing -= 1
        return _("Line {line} of your answers needs a comma at its end, after the answer.").format(
            line=missing
        )
    if code.count('"') > 2:
        return _(
            'Line {line} of your answers: a double quote (") inside your words ends the answer '
            "early. Inside the answer, use single quotes (') or curly quotes (“ ”) instead."
        ).format(line=number)
    words = code.split(":", 1)[-1].strip().rstrip(",").strip()
    return _(
        'Line {line} of your answers: words go between double quotes, like "{words}". '
        "Where a number goes, type just the number."
    ).format(line=number, words=words)


def _dict_mistake(ws, node: ast.Dict, blank: dict, path: tuple) -> str | None:
    fields = {tuple(f["path"]): f for f in ws.answer_fields()}
    for key, value in zip(node.keys, node.values, strict=True):
        if not isinstance(key, ast.Constant):
            continue
        name = str(key.value)
        if name not in blank:
            if path and name.isdigit():
                continue  # a number off the list: check_answers names the range
            return _unknown_key(key.lineno, name, blank)
        found = _value_mistake(ws, value, blank[name], (*path, name), fields)
        if found:
            return found
    return None


def _unknown_key(number: int, name: str, blank: dict) -> str:
    close = difflib.get_close_matches(name, list(blank), n=1)
    if close:
        return _("Line {line} of your answers: {name}: did you mean {close}?").format(
            line=number, name=name, close=close[0]
        )
    return _("Line {line} of your answers: {name} is not part of this worksheet ({known}).").format(
        line=number, name=name, known=", ".join(blank)
    )


def _value_mistake(ws, value, blank, path: tuple, fields: dict) -> str | None:
    if isinstance(value, ast.Dict) and isinstance(blank, dict):
        return _dict_mistake(ws, value, blank, path)
    if isinstance(value, ast.List) and isinstance(blank, list) and blank:
        for row, item in enumerate(value.elts):
            if isinstance(item, ast.Dict):
                found = _dict_mistake(ws, item, blank[0], (*path, row))
                if found:
                    return found
        return None
    if not isinstance(value, ast.Name):
        return None
    field = fields.get(path) or fields.get((path[0], 0, *path[2:])) or {"type": "text"}
    line, word = value.lineno, value.id
    if field["type"] == "scale":
        return _(
            "Line {line} of your answers: {word} is a word where a number goes. Type a number "
            "from {low} to {high}, or None to leave it blank."
        ).format(line=line, word=word, low=field["low"], high=field["high"])
    if field["type"] == "bool":
        return _(
            "Line {line} of your answers: {word} should be True (with a capital T) to tick it, "
            "or False."
        ).format(line=line, word=word)
    return _('Line {line} of your answers: words go between double quotes, like "{word}".').format(
        line=line, word=word
    )


def _name_error(shell, kind, value, tb, tb_offset=None):
    """Any cell: a NameError for what the cells above make means they were not run."""
    if getattr(value, "name", None) in NEEDED:
        value._render_traceback_ = lambda: [_(RUN_ABOVE)]  # shown instead of a traceback
    shell.showtraceback((kind, value, tb), tb_offset=tb_offset)

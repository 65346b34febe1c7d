"""A small lexer for the form script: its string literals, and the call each sits in.

Enough JavaScript to read the kit's parts and bundles: comments, strings,
template literals (with code nested in ``${}``), regular expression literals,
and parentheses. It raises ``SyntaxError`` on what it cannot close (a string,
template, comment, regular expression or bracket), so a bundle it reads whole
is well-formed at this level::

    for literal in literals('say(ws, t("Saved."), "a b c");'):
        literal.text, literal.calls  # "Saved.", ("say", "t"); then "a b c", ("say",)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IDENT = re.compile(r"[A-Za-z_$][\w$]*")
# after these a slash starts a regular expression, not a division
REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {""}
REGEX_KEYWORDS = {"return", "typeof", "case", "in", "of", "delete", "void", "throw", "else"}
CLOSERS = {"(": ")", "[": "]", "{": "}"}


@dataclass
class Literal:
    text: str  # a string's value as written (escapes kept); a template's static parts
    start: int
    calls: tuple[str, ...]  # the callees of the calls it sits in, outermost first
    template: bool = False


class Lexer:
    def __init__(self, source: str):
        self.s = source
        self.found: list[Literal] = []
        self.stack: list[tuple[str, str]] = []  # (bracket, callee)

    def calls(self) -> tuple[str, ...]:
        return tuple(callee for bracket, callee in self.stack if bracket == "(" and callee)

    def fail(self, what: str, at: int):
        line = self.s.count("\n", 0, at) + 1
        raise SyntaxError(f"{what} at line {line}: {self.s[at : at + 60]!r}")

    def string(self, i: int) -> int:
        quote, j = self.s[i], i + 1
        while j < len(self.s) and self.s[j] != quote:
            if self.s[j] == "\n":
                self.fail("a string runs past its line", i)
            j += 2 if self.s[j] == "\\" else 1
        if j >= len(self.s):
            self.fail("an unterminated string", i)
        self.found.append(Literal(self.s[i + 1 : j], i, self.calls()))
        return j + 1

    def template(self, i: int) -> int:
        j, parts = i + 1, []
        start = j
        while True:
            if j >= len(self.s):
                self.fail("an unterminated template literal", i)
            c = self.s[j]
            if c == "\\":
                j += 2
            elif c == "`":
                parts.append(self.s[start:j])
                self.found.append(Literal(" ".join(parts), i, self.calls(), template=True))
                return j + 1
            elif self.s.startswith("${", j):
                parts.append(self.s[start:j])
                j = self.code(j + 2, in_template=True)
                start = j
            else:
                j += 1

    def regex(self, i: int) -> int:
        j, in_class = i + 1, False
        while j < len(self.s) and (in_class or self.s[j] != "/"):
            if self.s[j] == "\n":
                self.fail("a regular expression runs past its line", i)
            if self.s[j] == "\\":
                j += 1
            elif self.s[j] == "[":
                in_class = True
            elif self.s[j] == "]":
                in_class = False
            j += 1
        return IDENT.match(self.s, j + 1).end() if IDENT.match(self.s, j + 1) else j + 1

    def code(self, i: int = 0, in_template: bool = False) -> int:
        """Read code from i; inside a template's ``${``, up to its closing brace."""
        depth = len(self.stack)
        last = ""  # the last significant token
        while i < len(self.s):
            c = self.s[i]
            if c.isspace():
                i += 1
            elif self.s.startswith("//", i):
                i = self.s.find("\n", i) if "\n" in self.s[i:] else len(self.s)
            elif self.s.startswith("/*", i):
                end = self.s.find("*/", i + 2)
                if end < 0:
                    self.fail("an unterminated comment", i)
                i = end + 2
            elif c in "\"'":
                i, last = self.string(i), "str"
            elif c == "`":
                i, last = self.template(i), "str"
            elif c == "/" and (last in REGEX_AFTER or last in REGEX_KEYWORDS):
                i, last = self.regex(i), "re"
            elif (word := IDENT.match(self.s, i)) and not (i and self.s[i - 1].isdigit()):
                i, last = word.end(), word.group()
            elif c in CLOSERS:
                callee = last if c == "(" and IDENT.fullmatch(last or "-") else ""
                if callee in REGEX_KEYWORDS or callee in {"if", "for", "while", "switch", "catch"}:
                    callee = ""
                self.stack.append((c, callee))
                i, last = i + 1, c
            elif c in ")]}":
                if in_template and c == "}" and len(self.stack) == depth:
                    return i + 1
                if not self.stack or CLOSERS[self.stack[-1][0]] != c:
                    self.fail(f"an unmatched {c!r}", i)
                self.stack.pop()
                i, last = i + 1, c
            else:
                i, last = i + 1, c
        if in_template:
            self.fail("an unterminated ${", i)
        return i


def literals(source: str) -> list[Literal]:
    """Every string and template literal of `source`, in order; SyntaxError when
    a literal, comment or bracket is left open."""
    lexer = Lexer(source)
    lexer.code()
    if lexer.stack:
        lexer.fail(f"an unclosed {lexer.stack[-1][0]!r}", len(source) - 1)
    return sorted(lexer.found, key=lambda literal: literal.start)

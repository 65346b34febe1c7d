"""The notebook's clickable form: the worksheet's answer fields as ipywidgets.

    form = worksheet.form()            # the worksheet cell of a downloaded notebook
    form.controls["next_step"].value = "Ask for a walk"   # what a click or a key does
    # weekly-check-in-answers.json beside the notebook now holds the answers

A third renderer of `Worksheet.answer_fields` (after the web page and the
answers cell): one control per field, by its type (a tick, a row of scale
buttons, a text box) and labelled with its label, so it follows the fields
whatever their keys. Every change is checked with `check_answers` and, when
valid, written atomically to ``<id>-answers.json``, the envelope the web
page's Export writes and `load_answers` reads. The form starts from that file
when it is there; a file it cannot read is left as it is, and the form says so
and saves nothing. A sheet made with ``keep="nothing"`` is never saved
here either. A weekly sheet adds "Save today's entry" and the chart.

Only `Worksheet.form` imports this module, and only when ipywidgets imports;
it reaches ipywidgets and IPython through importlib, so the portable kit
imports nothing outside the standard library.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import io
from html import escape
from pathlib import Path

from .answers import blank_answers, check_answers, read_answers_file, write_answers
from .editions import carry, envelope
from .errors import WorksheetError
from .html import facts_html, kind_notes
from .progress import chart, save_entry
from .summary import summarise, value_at
from .wording import worded
from .words import _


class WidgetForm:
    """A live form; `controls` maps each field's name to its widget."""

    def __init__(self, ws, path, widgets):
        self.ws, self.path, self.widgets = ws, Path(path), widgets
        self.fields = ws.answer_fields()
        self.history: list[dict] = []
        self.earlier: list[dict] = []
        self.writable = True
        self.status = widgets.HTML()
        self.summary = widgets.HTML()
        self.chart = widgets.Output()
        answers = self.load()
        self.controls = {
            f["name"]: self.control(f, value_at(answers, f["path"])) for f in self.fields
        }
        for control in self.controls.values():
            control.observe(self.changed, names="value")
        shown = worded(ws, "notebook")  # the sheet's own words for a notebook, no [web: ...]
        header = f"<h2>{escape(shown.title)}</h2>{facts_html(shown)}{kind_notes(shown)}"
        parts = [widgets.HTML(header)]
        for f in self.fields:
            label = widgets.HTML(f"<strong>{escape(f['label'])}</strong>")
            parts += (
                [self.controls[f["name"]]]
                if f["type"] == "bool"
                else [label, self.controls[f["name"]]]
            )
        if ws.repeat:
            save = widgets.Button(description=_("Save today's entry"), disabled=not self.writable)
            save.on_click(self.save_today)
            self.save_button = save
            parts.append(save)
        parts += [self.status, self.summary, self.chart]
        self.box = widgets.VBox(parts, layout=widgets.Layout(max_width="60rem"))
        self.answers = check_answers(ws, answers)
        self.show()

    def load(self) -> dict:
        """The answers (and entries) in the file, or blank ones when there is none."""
        if self.ws.keep == "nothing":  # a sheet that must leave no trace (the safety check)
            self.writable = False
            self.say(_("This sheet is never saved: your answers go when you close this notebook."))
            return blank_answers(self.ws)
        if not self.path.exists():
            saved = _("Your answers will be saved in {file}, beside this notebook.")
            self.say(saved.format(file=self.path.name))
            return blank_answers(self.ws)
        try:
            found = carry(self.ws, read_answers_file(self.ws, self.path))  # any edition's file
            answers = found.answers
            self.earlier = found.earlier  # answers to retired questions stay in the file
            if self.ws.repeat:
                self.history = found.history
        except WorksheetError as error:
            self.writable = False
            unread = _(
                "{file} could not be read, so this form starts blank and saves "
                "nothing, to keep that file as it is. {error}"
            )
            self.say(unread.format(file=self.path.name, error=error))
            return blank_answers(self.ws)
        self.say(_("Filled in from {file}; changes are saved there.").format(file=self.path.name))
        return answers

    def control(self, field, value):
        w = self.widgets
        if field["type"] == "bool":
            return w.Checkbox(
                value=value,
                description=field["label"],
                indent=False,
                layout=w.Layout(width="auto"),
            )
        if field["type"] == "scale":
            anchors = self.ws.summary_spec().get("anchors", {})
            points = range(field["low"], field["high"] + 1)
            options = [(f"{n} {anchors.get(str(n), '')}".strip(), n) for n in points]
            return w.ToggleButtons(options=options, value=value, style={"button_width": "auto"})
        return w.Textarea(value=value, rows=3, layout=w.Layout(width="100%"))

    def read(self) -> dict:
        """The answers as the controls hold them now."""
        answers = blank_answers(self.ws)
        for f in self.fields:
            node = answers
            for key in f["path"][:-1]:
                node = node[key]
            node[f["path"][-1]] = self.controls[f["name"]].value
        return answers

    def changed(self, _change=None):
        try:
            self.answers = check_answers(self.ws, self.read())
        except WorksheetError as error:
            self.say(_("Not saved: {error}").format(error=error))
            return
        self.show()
        if self.writable:
            self.write()

    def write(self):
        """Write the answers, keeping the entries the file holds (another cell may add one)."""
        history = self.history
        try:
            if self.ws.repeat and self.path.exists():
                history = carry(self.ws, read_answers_file(self.ws, self.path)).history
        except WorksheetError as error:
            changed = _("Not saved: {file} changed and cannot be read. {error}")
            self.say(changed.format(file=self.path.name, error=error))
            return
        history_kept = history if self.ws.repeat else None
        write_answers(self.path, envelope(self.ws, self.answers, self.earlier, history_kept))
        self.history = history
        now = f"{datetime.datetime.now():%H:%M:%S}"
        self.say(_("Saved in {file} at {time}.").format(file=self.path.name, time=now))

    def save_today(self, _button=None):
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                self.history = save_entry(self.ws, self.answers, self.path)
        except WorksheetError as error:
            self.say(_("Not saved: {error}").format(error=error))
            return
        self.say(printed.getvalue().strip())
        self.show()

    def show(self):
        """The summary, and for a weekly sheet the chart, as the answers stand."""
        self.summary.value = summarise(self.ws, self.answers, self.history or None)._repr_html_()
        if not self.ws.repeat:
            return
        display = importlib.import_module("IPython.display").display
        self.chart.clear_output(wait=True)
        with self.chart:
            figure = chart(self.ws, self.history)
            if figure is not None:
                display(figure)

    def say(self, text: str):
        self.status.value = f"<p>{escape(text)}</p>"

    def _repr_mimebundle_(self, **kwargs):
        return self.box._repr_mimebundle_(**kwargs)

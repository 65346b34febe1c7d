"""The one error the kit raises for a bad worksheet or bad answers."""


class WorksheetError(ValueError):
    """A worksheet or a reader's answers broke a rule; the message says which."""

    def _render_traceback_(self):
        # IPython shows these lines instead of a traceback through the kit's
        # code: a writer or reader sees the problem, not our internals.
        return [f"WorksheetError: {self}"]

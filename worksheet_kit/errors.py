"""The one error the kit raises for a bad worksheet or bad answers."""


class WorksheetError(ValueError):
    """A worksheet or a reader's answers broke a rule; the message says which."""

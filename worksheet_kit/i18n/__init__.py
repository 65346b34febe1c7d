"""The book's catalogs: one .po file per page (and the kit's own) per language."""

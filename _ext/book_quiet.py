"""A quiet book build: one line per step, and every warning that matters.

Each kind of noise is stopped where it starts; nothing else is hidden.

* ipykernel 7.4 logs "Kernel is running over TCP without encryption" each time
  a kernel starts, unless the kernel manager gives it CurveZMQ keys. MyST-NB
  and jupyter-cache start kernels with a default manager and have no setting
  for its transport or encryption. So the build's own kernel spec
  (``_ext/jupyter/kernels/python3``, found first through ``JUPYTER_PATH``) is
  ipykernel's, with the kernel's own log at CRITICAL: at ERROR, a cell stopped
  at the time limit added a ZMQ traceback from the kernel's shutdown. A failing
  cell still fails the build with its traceback: that comes back as a message,
  not a log line.
  Downloaded notebooks use the reader's own kernel, untouched.
* MyST-Parser and MyST-NB log their whole configuration (INFO) on every build:
  those two records are dropped. Their warnings still show.
* accessible-pygments (a furo dependency) calls ``logging.basicConfig(INFO)``
  when imported, so every library's INFO lines reached the console (such as
  "INFO traitlets ... Executing notebook with kernel"). The root logger goes
  back to Python's default level, WARNING: library warnings still show.

* furo registers ``pygments_dark_style`` only when the HTML builder loads the
  theme: after Sphinx has compared this build's configuration with the one
  saved with the last build's environment. So every rebuild (each save under
  ``make serve``) said "The configuration has changed (1 option:
  'pygments_dark_style')". furo reads the option once, when the builder
  starts; after that it is dropped from the options saved with the
  environment, and the next build compares like with like. (furo refuses to
  be listed in ``extensions``, which would register it in time.)

Not here: conf.py writes ``html_css_files`` with the priority Sphinx would add
in place, so a rebuild does not report that option as changed either.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter"
CONFIG_DUMP_LOGGERS = ("sphinx.myst_parser.sphinx_ext.main", "sphinx.myst_nb.sphinx_ext")


def _is_config_dump(record: logging.LogRecord) -> bool:
    args = record.args if isinstance(record.args, tuple) else ()
    return record.levelno == logging.INFO and any(
        type(arg).__name__ in {"MdParserConfig", "NbParserConfig"} for arg in args
    )


def drop_config_dumps(record: logging.LogRecord) -> bool:
    return not _is_config_dump(record)


def use_quiet_kernel_spec() -> None:
    paths = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if str(JUPYTER_DATA) not in paths:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([str(JUPYTER_DATA), *filter(None, paths)])


THEME_ONLY_OPTIONS = ("pygments_dark_style",)


def forget_theme_only_options(app) -> None:
    """Keep furo's late option out of the saved environment (see above).

    Runs after furo's own ``builder-inited`` handler, the option's one reader.
    """
    for name in THEME_ONLY_OPTIONS:
        app.config._options.pop(name, None)


def setup(app):
    use_quiet_kernel_spec()
    app.connect("builder-inited", forget_theme_only_options, priority=900)
    for name in CONFIG_DUMP_LOGGERS:
        logger = logging.getLogger(name)
        if drop_config_dumps not in logger.filters:
            logger.addFilter(drop_config_dumps)
    with contextlib.suppress(ImportError):
        import a11y_pygments  # noqa: F401  (imported first here: it sets the root logger to INFO)
    logging.getLogger().setLevel(logging.WARNING)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

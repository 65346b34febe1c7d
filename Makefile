# Rebuilding Trust workbook. `make book` builds everything; `make test` tests.
# Every target installs requirements.txt into .venv first when it is missing
# or older than requirements.txt / pyproject.toml.

VENV       := .venv
BIN        := $(VENV)/bin
STAMP      := $(VENV)/.installed
BUILD      := _build
# The one strict build: warnings are errors, broken references too. No -j:
# with a parallel read, a failing worksheet's own message (e.g. "item 7
# repeats item 3") reaches only Sphinx's crash log, not the console. The
# worksheets still run in parallel, one kernel per core, before the read
# (worksheet_kit/sphinxext/run_ahead.py), in the cache the read then uses.
SPHINXOPTS ?= -nW --keep-going
SPHINXBUILD = $(BIN)/sphinx-build

.PHONY: book html notebooks pdf serve test bench clean gettext

book: html
	@echo
	@echo "The book is built, in English and in each of [$(LANGUAGES)] under $(BUILD)/html/<language>/:"
	@echo "  HTML       $(BUILD)/html/index.html $(foreach lang,$(LANGUAGES),$(BUILD)/html/$(lang)/index.html)"
	@echo "  notebooks  $(BUILD)/html/notebooks/ (one .ipynb per worksheet, and a zip)"
	@echo "  PDFs       $(BUILD)/html/pdf/ (book, facilitator and participant packets, one per"
	@echo "             worksheet; A4, and US Letter as *-letter.pdf)"

# The stamp is made only after a full install. A stamped venv is checked on
# every `make` (about 0.06 s): its python runs, pip is there, and every pin in
# requirements.txt and the kit are installed. If not, the stamp goes and the
# rule below repairs the venv.
VENV_OK = $(BIN)/python -c "import sys, importlib.metadata as m, importlib.util as u; \
	pins = [l.split('\#')[0].strip().split('==') for l in open('requirements.txt') if '==' in l.split('\#')[0]]; \
	sys.exit(u.find_spec('pip') is None or any(m.version(n) != v for n, v in pins) or not m.version('worksheet-kit'))"
ifneq ($(wildcard $(STAMP)),)
ifneq ($(shell $(VENV_OK) >/dev/null 2>&1 && echo ok),ok)
$(info .venv is missing a package or pip: reinstalling)
$(shell rm -f $(STAMP))
endif
endif

# A venv cut short while being made (python there, pip not) is made again.
$(STAMP): requirements.txt pyproject.toml
	$(BIN)/python -m pip --version >/dev/null 2>&1 || python3 -m venv --clear $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

# Every language of the book: English at today's paths, each other one in a
# folder of its own ($(BUILD)/html/es/, its PDFs in es/pdf/, its notebooks in
# es/notebooks/), each with its own doctrees. All share the execution cache
# (conf.py): a worksheet's code is the same in every language, so it runs
# once. A translated build fails, listing them, while a catalog has an
# untranslated or fuzzy entry (worksheet_kit/sphinxext/catalog_check.py).
LANGUAGES := es
# Where the site will live, e.g. `make book BASEURL=https://example.org/book/`:
# then each page names its twins with hreflang alternates, which must be full
# URLs (_ext/book_languages.py). Each build gets its own address (html_baseurl).
BASEURL ?=
BASEURL_IN = $(if $(BASEURL),-D html_baseurl=$(BASEURL)$(1))
HTML_IN = $(SPHINXBUILD) $(SPHINXOPTS) -b html -D language=$(1) $(call BASEURL_IN,$(1)/) -d $(BUILD)/doctrees/$(1) . $(BUILD)/html/$(1)
TYPST_IN = $(SPHINXBUILD) $(SPHINXOPTS) -q -b typst -D language=$(1) -d $(BUILD)/doctrees/typst-$(1) . $(BUILD)/html/$(1)/pdf

# The pages link every PDF ("Printable worksheet (PDF)"), so the HTML build
# makes them too: a page never links a PDF older than its source.
html: $(STAMP)
	$(SPHINXBUILD) $(SPHINXOPTS) -b html $(call BASEURL_IN,) . $(BUILD)/html
	$(TYPST_BUILD)
	$(foreach lang,$(LANGUAGES),$(call HTML_IN,$(lang)) && $(call TYPST_IN,$(lang)) &&) true

notebooks: $(STAMP)
	$(BIN)/python -m worksheet_kit.sphinxext.downloads worksheets $(BUILD)/html/notebooks

# Typst, in-process (pip's typst wheel; no TeX): every PDF straight into the
# site, A4 and US Letter. Its own doctrees, outside the published folder.
TYPST_BUILD = $(SPHINXBUILD) $(SPHINXOPTS) -q -b typst -d $(BUILD)/doctrees/typst . $(BUILD)/html/pdf
pdf: $(STAMP)
	$(TYPST_BUILD)
	$(foreach lang,$(LANGUAGES),$(call TYPST_IN,$(lang)) &&) true

# The catalogs follow the English text: Sphinx's gettext builder writes a
# template per page (the worksheets' own words included), and each
# locale/<lang>/LC_MESSAGES/<page>.po takes in what changed. Then it lists
# what is left to translate.
gettext: $(STAMP)
	$(SPHINXBUILD) $(SPHINXOPTS) -q -b gettext -d $(BUILD)/doctrees/gettext . $(BUILD)/gettext
	$(BIN)/python -m worksheet_kit.i18n.extract $(BUILD)/gettext
	$(foreach lang,$(LANGUAGES),$(BIN)/python -m worksheet_kit.i18n.catalogs update $(BUILD)/gettext locale $(lang) &&) true
	-$(foreach lang,$(LANGUAGES),$(BIN)/python -m worksheet_kit.i18n.catalogs check locale $(lang);)

serve: $(STAMP)
	$(BIN)/sphinx-autobuild $(SPHINXOPTS) . $(BUILD)/preview \
		--ignore "$(BUILD)/*" --ignore "$(VENV)/*" --watch worksheet_kit

# One worker (pytest-xdist) more than the machine has cores: much of a test is
# waiting on a kernel, a browser or Typst, and then the others work. On CI's two
# cores, three workers took 201 s, two 256 s and four 232 s. The book, its PDFs
# and each PDF's text are still made once a run (tests/shared.py). --dist
# loadgroup hands each test alone to the worker that is free, in the order
# tests/conftest.py sorts them (its groups do nothing under pytest 9).
# TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(BUILD) jupyter_execute

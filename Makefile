# The two commands: `make run` serves the bot (or the offline console without a token), `make test` runs the suite.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench clean i18n

$(PY):
	python3 -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# Without a token (environment or .env) `newsbrief run` refuses to start, so `make run` opens the console.
run: $(STAMP)
	@$(PY) -c 'import sys; from bot.config import load_settings; sys.exit(0 if load_settings().token else 3)' \
		2>/dev/null; \
	if [ $$? -eq 3 ]; then \
		echo "TELEGRAM_BOT_TOKEN is not set: opening the offline console (newsbrief console) instead."; \
		exec $(VENV)/bin/newsbrief console; \
	fi; \
	exec $(VENV)/bin/newsbrief run

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -q -n 4 --dist worksteal  # pytest-xdist; 4 workers on 2 cores: the suite waits (process starts, per-chat pacing) more than it computes

bench: $(STAMP)
	$(PY) tests/benchmarks/summarize.py

# Interface text catalogs (bot/i18n.py): re-extract the marked strings, merge them into each .po.
# The .po files are shipped and compiled in memory when the bot starts; no .mo to build.
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract --no-location --omit-header -w 110 -k tr -k N_ -k n:1,2 -o bot/locale/newsbrief.pot bot
	for lang in fr de es ru; do \
		$(VENV)/bin/pybabel update -w 110 -D newsbrief -i bot/locale/newsbrief.pot -d bot/locale -l $$lang; done

clean:
	rm -rf $(VENV) *.egg-info

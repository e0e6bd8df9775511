# The two commands: `make run` serves the bot (or the offline console without a token), `make test` runs the suite.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench clean

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
	$(PY) -m pytest -q -n 2 --dist worksteal  # two workers, one per core (pytest-xdist); idle one takes over queued tests

bench: $(STAMP)
	$(PY) tests/benchmarks/summarize.py

clean:
	rm -rf $(VENV) *.egg-info

"""``python -m bot`` is ``newsbrief run`` (``python -m bot --webhook`` is ``newsbrief run --webhook``)."""

import sys

from bot.cli import main

raise SystemExit(main(["run", *sys.argv[1:]]))

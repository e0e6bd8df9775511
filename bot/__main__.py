"""``python -m bot`` is ``newsbrief run``."""

from bot.cli import main

raise SystemExit(main(["run"]))

"""The stand-in as its own process (``python -m tests.standin``), as Telegram is to a real bot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tests.benchmarks.machine import ROOT


@contextmanager
def standin_process(token: str) -> Iterator[str]:
    """Serve the stand-in (every chat id known) in a child process; yields its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.standin", "--any-chat", "--token", token],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        yield server.stdout.readline().strip().split("=", 1)[1]  # type: ignore[union-attr]
    finally:
        server.terminate()
        server.wait(10)

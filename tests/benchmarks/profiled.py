"""Run a module or script under cProfile with a CPU-time clock, profiling only between two signals.

Usage: python tests/benchmarks/profiled.py OUT.prof (-m MODULE | SCRIPT) [ARGS...]

SIGUSR1 starts profiling (after start-up and warm-up, so imports are left out); the profile is
written to OUT.prof when the program ends (SIGTERM or SIGINT end run_polling cleanly). A CPU clock
means idle waits in epoll cost nothing. Only the main thread is profiled (aiosqlite's SQL thread
is not).
"""

from __future__ import annotations

import cProfile
import runpy
import signal
import sys
import time


def main(path: str, target: list[str]) -> None:
    profile = cProfile.Profile(time.process_time)
    signal.signal(signal.SIGUSR1, lambda *_: profile.enable())
    try:
        if target[0] == "-m":
            sys.argv = [target[1], *target[2:]]
            runpy.run_module(target[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = target
            runpy.run_path(target[0], run_name="__main__")
    except SystemExit:
        pass
    finally:
        profile.disable()
        profile.dump_stats(path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

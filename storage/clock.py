"""Timestamps as storage writes them: UTC, ISO 8601 with microseconds and a ``Z``.

One format for every table, so SQL can compare and order the stored text directly.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

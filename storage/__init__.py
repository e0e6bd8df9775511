"""SQLite storage through aiosqlite: schema, migrations, one module per table family."""

from storage.db import Database

__all__ = ["Database"]

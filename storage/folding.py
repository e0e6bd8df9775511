"""Words as full-text search sees them: SQLite's own FTS5 tokenizer, the one /search uses.

Topics and new articles are folded here (case- and accent-folded, Porter-stemmed) so that a
followed topic matches exactly what ``/search`` would find with the same words: nothing is
re-implemented in Python that could drift from the search index.
"""

from __future__ import annotations

from storage.db import Database

#: The tokenizer of ``articles_fts`` (migration 6): keep the two the same.
TOKENIZER = "porter unicode61 remove_diacritics 2"
COLUMNS = ("title", "briefing")

_SETUP = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.fold_scratch USING fts5 (title, briefing, tokenize='{TOKENIZER}')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fold_terms USING fts5vocab (temp, fold_scratch, instance)",
)

Folded = dict[str, list[str]]  # column -> its terms in text order


async def fold_many(db: Database, texts: list[tuple[str, str]]) -> list[Folded]:
    """Fold (title, briefing) pairs; returns each pair's terms per column, in text order.

    The texts go through a scratch FTS5 table in the connection's private temp schema, as values,
    never as query syntax: whatever a user typed, it can only ever become a list of words.
    """
    if not texts:
        return []
    found: list[Folded] = [{column: [] for column in COLUMNS} for _ in texts]
    async with db.transaction() as conn:  # the write lock keeps two callers' scratch rows apart
        for statement in _SETUP:
            await conn.execute(statement)
        await conn.executemany(
            "INSERT INTO fold_scratch (rowid, title, briefing) VALUES (?, ?, ?)",
            [(i + 1, title, briefing) for i, (title, briefing) in enumerate(texts)],
        )
        async with conn.execute("SELECT doc, col, term FROM fold_terms ORDER BY doc, col, offset") as cursor:
            async for doc, column, term in cursor:
                found[doc - 1][column].append(term)
        await conn.execute("DELETE FROM fold_scratch")
    return found


async def fold(db: Database, text: str) -> list[str]:
    """The terms of one piece of text, in order."""
    return (await fold_many(db, [(text, "")]))[0]["title"]

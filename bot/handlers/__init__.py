"""Telegram handlers, one small async function each: parse, call storage or ingestion, render."""

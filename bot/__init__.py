"""The newsbrief Telegram bot: handlers, rendering, scheduling, ingestion, config and CLI."""

"""Every string that goes to Telegram is built here: HTML-escaped, and split to Telegram's limit."""

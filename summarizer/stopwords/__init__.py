"""Stop-word lists for languages sumy ships none for (read by summarizer.language_rules)."""

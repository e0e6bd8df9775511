"""Pure text work: article parsing, offline tokenizing, briefings and key quotes."""

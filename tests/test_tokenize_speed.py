"""Sentence splitting with the faster spelling of Punkt's dash-and-dot pattern splits exactly as Punkt does."""

from __future__ import annotations

import re

import punkt

from summarizer import tokenize

TRICKY = [
    "Wait . . . what? He paused... Then spoke. Dr. Smith -- the mayor -- left.",
    "Scores: 3--2. Ellipses . . . and . . and .. and . . . . all. Then ..... end.",
    "A dash - and -- and --- ok.\tNext. . . x. ' . . .' \". . . \" (. . .) Done.",
    "U.S. officials said Mr. Brown arrived at 5 p.m. on Jan. 5. She met A.J. Smith.",
    "« Il est parti . . . » dit-il.. Puis -- rien. M. Dupont l'a dit.",
]


def test_the_faster_pattern_matches_the_same_text_at_the_same_places():
    slow, fast = re.compile(tokenize._SLOW_MULTI_CHAR), re.compile(tokenize._FAST_MULTI_CHAR)
    for text in TRICKY:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        for at in range(len(text)):
            found, expected = fast.match(text, at), slow.match(text, at)
            assert (found and found.span()) == (expected and expected.span())


def test_sentences_split_as_punkt_splits_them():
    # The pattern we replace is still the package's (else ``_punkt`` keeps the package's rules).
    assert punkt.DEFAULT_LANGUAGE_VARS.multi_char_punct_pattern == tokenize._SLOW_MULTI_CHAR
    for language in ("english", "french", "german"):
        ours = tokenize._punkt(language)
        original = punkt.tokenizer_for(language, prefixes=language in punkt.PREFIX_LANGUAGES)
        # The same model (French titles included), the package's rules.
        package = punkt.PunktSentenceTokenizer(
            ours.params, rules=original.rules, line_breaks=original.line_breaks
        )
        for text in TRICKY:
            assert tokenize.split_sentences(text, language) == [
                s.strip() for s in package.tokenize(text) if s.strip()
            ]


def test_words_split_as_the_word_pattern_finds_them_underscores_included():
    texts = [*TRICKY, "snake_case and _under_ scores__ l'école d’été U.S.-led co-op 3.5 x_1 _", "__", "a_b"]
    for text in texts:
        assert tokenize.split_words(text) == [m.group() for m in tokenize.word_spans(text)]

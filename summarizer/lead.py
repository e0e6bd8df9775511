"""Lead-N: the first sentences of the article, the newspaper's own briefing and our baseline."""

from __future__ import annotations

from sumy.models.dom import ObjectDocumentModel, Sentence
from sumy.summarizers._summarizer import AbstractSummarizer


class LeadSummarizer(AbstractSummarizer):
    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        return tuple(document.sentences[:sentences_count])

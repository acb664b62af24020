"""Answering questions in plain English from the evidence, every sentence cited, offline.

    answer(store, "How are Kazakhstan's relations with Russia?") -> Answer

The question is read by rules (`parse_question`), the evidence gathered by bounded reads of
the store (claims, events, passages) and the reference data (memberships), and the answer
composed sentence by sentence from cited evidence, with a confidence level.
"""

from bilat.answer.cite import REFERENCE, Citation, check_cited, split_sentences
from bilat.answer.confidence import Basis, Confidence, assess
from bilat.answer.engine import Answer, answer
from bilat.answer.question import KINDS, Kind, Mention, Question, parse_question

__all__ = [
    "KINDS",
    "REFERENCE",
    "Answer",
    "Basis",
    "Citation",
    "Confidence",
    "Kind",
    "Mention",
    "Question",
    "answer",
    "assess",
    "check_cited",
    "parse_question",
    "split_sentences",
]

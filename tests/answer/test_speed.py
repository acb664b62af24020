"""One question takes milliseconds: bounded, indexed reads (see bilat/answer/retrieve.py)."""

from __future__ import annotations

import statistics
import time

from bilat.answer import answer
from bilat.store import Store

QUESTIONS = (
    "How are Kazakhstan's relations with Russia?",
    "How much of Tajikistan's GDP comes from remittances?",
    "Who has troops in Kyrgyzstan?",
    "When did Uzbekistan leave the CSTO?",
    "Is China or Russia the bigger trade partner of Turkmenistan?",
    "How many troops does Chile keep in Mongolia?",
)


def test_each_reference_question_is_answered_well_under_100_ms(starter_store: Store) -> None:
    answer(starter_store, QUESTIONS[0])  # the gazetteer is built once per process
    for question in QUESTIONS:
        times = []
        for _ in range(5):
            began = time.perf_counter()
            answer(starter_store, question)
            times.append(time.perf_counter() - began)
        assert statistics.median(times) < 0.1, question

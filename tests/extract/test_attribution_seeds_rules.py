"""Attribution rules learnt from the seed analyses, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from bilat.extract.pipeline import contract_row, extract_document
from bilat.model import Document


def extract(text: str, published: str | None = "2020-03-01") -> list[dict[str, Any]]:
    doc = Document(Document.make_id(text), "test-src", "t.txt", "t", text, published)
    return [contract_row(c, "t.txt", text) for c in extract_document(doc).claims]


def one(rows: list[dict[str, Any]], text: str) -> dict[str, Any]:
    found = [r for r in rows if r["text"].startswith(text)]
    assert len(found) == 1, (text, rows)
    return found[0]


def test_a_figure_in_a_cited_title_takes_the_month_of_the_article_after_it() -> None:
    text = (
        "Armenia expanded its imports from Georgia.\n\n"
        "14 Jane Roe, “Armenia Borrows $300 Million From Georgia,” Caucasus Daily, "
        "March 3, 2011,; Ann Doe, “Georgia Lends Armenia $70 Million More,” "
        "Tbilisi Times, July 21, 2012,\n"
    )
    rows = extract(text)
    assert one(rows, "$300 Million")["time"] == "2011-03"
    assert one(rows, "$70 Million")["time"] == "2012-07"


def test_a_dated_figure_outside_a_citation_keeps_its_day() -> None:
    rows = extract("On March 3, 2011, Armenia borrowed $300 million from Georgia.")
    assert one(rows, "$300 million")["time"] == "2011-03-03"

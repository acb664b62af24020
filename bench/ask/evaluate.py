"""Answer quality of `bilat ask`: `python -m bench.ask.evaluate`.

Each question of questions.yaml is put to `answer(store, question)` over the starter store.
Correct: every expected fact is in the answer text (or, for a refusal, the answer refuses).
Fully cited: every sentence carries a [n] marker and every marker resolves to a citation
with a source and non-empty evidence.
"""

from __future__ import annotations

import importlib
import math
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from bilat.starter import load_starter
from bilat.store import Store

QUESTIONS = Path(__file__).with_name("questions.yaml")
KINDS = ("overview", "figure", "comparison", "date", "list", "none")
DIMENSIONS = ("security", "economy", "energy", "people", "diplomacy", "all")

Fact = str | float
FactSpec = Fact | tuple[Fact, ...]  # a tuple is a set of alternatives
AnswerFn = Callable[[Store, str], Any]  # returns an Answer (with to_dict()) or its dict


@dataclass(frozen=True, slots=True)
class Question:
    question: str
    kind: str
    facts: tuple[FactSpec, ...] = ()
    refusal: bool = False
    dimension: str | None = None


def _fact(value: Any, where: str) -> Fact:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"{where}: a fact must be a string or a number, got {value!r}")
    return value if isinstance(value, str) else float(value)


def _question(record: Any, where: str) -> Question:
    if not isinstance(record, dict) or not isinstance(record.get("question"), str):
        raise ValueError(f"{where}: expected a mapping with a 'question'")
    unknown = set(record) - {"question", "kind", "facts", "refusal", "dimension"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    if record.get("kind") not in KINDS:
        raise ValueError(f"{where}: kind must be one of {KINDS}")
    if record.get("dimension", "all") not in DIMENSIONS:
        raise ValueError(f"{where}: dimension must be one of {DIMENSIONS}")
    facts: list[FactSpec] = []
    for item in record.get("facts") or []:
        if isinstance(item, list):
            facts.append(tuple(_fact(alt, where) for alt in item))
        else:
            facts.append(_fact(item, where))
    return Question(
        question=record["question"],
        kind=record["kind"],
        facts=tuple(facts),
        refusal=bool(record.get("refusal", False)),
        dimension=record.get("dimension"),
    )


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a list of questions")
    return [_question(r, f"{path.name} question {i + 1}") for i, r in enumerate(data)]


# -- facts ---------------------------------------------------------------------------------

# A number with thousands separators (comma, no-break or thin space) or a plain one.
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:[,\u00a0\u2009\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE = re.compile(r"\s*(thousand|million|billion|trillion|bn|mn|m|k)\b", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6}
_SCALES |= {"billion": 1e9, "bn": 1e9, "trillion": 1e12}
_SEPARATORS = str.maketrans("", "", ",\u00a0\u2009\u202f ")


def as_number(fact: Fact) -> float | None:
    """The fact as a number ("7,000" -> 7000.0, "30.4%" -> 30.4), or None for a word."""
    if isinstance(fact, float | int):
        return float(fact)
    text = fact.strip().rstrip("%").translate(_SEPARATORS)
    try:
        return float(text)
    except ValueError:
        return None


def numbers_in(text: str) -> set[float]:
    """Every number in the text, also multiplied out by a scale word after it."""
    found: set[float] = set()
    for match in _NUMBER.finditer(text):
        value = float(match.group().translate(_SEPARATORS))
        found.add(value)
        scale = _SCALE.match(text, match.end())
        if scale:
            found.add(value * _SCALES[scale.group(1).lower()])
    return found


def _number_present(value: float, numbers: set[float]) -> bool:
    # "2.2" is also present as 2,200 (million) or 2,200,000,000
    targets = [value * 10**k for k in (0, 3, 6, 9)]
    return any(math.isclose(n, t, rel_tol=1e-9, abs_tol=1e-9) for n in numbers for t in targets)


def fact_present(fact: FactSpec, text: str, numbers: set[float] | None = None) -> bool:
    if isinstance(fact, tuple):
        return any(fact_present(alt, text, numbers) for alt in fact)
    value = as_number(fact)
    if value is not None:
        return _number_present(value, numbers if numbers is not None else numbers_in(text))
    pattern = r"(?<!\w)" + re.escape(str(fact).casefold())
    return re.search(pattern, text.casefold()) is not None


def missing_facts(facts: Sequence[FactSpec], text: str) -> list[FactSpec]:
    numbers = numbers_in(text)
    return [f for f in facts if not fact_present(f, text, numbers)]


# -- refusals and citations ----------------------------------------------------------------

_NO_EVIDENCE = re.compile(
    r"\bno (?:\w+ )?(?:evidence|data|information|figures?|claims?|records?|answer|sources?"
    r"|dates?|events?|memberships?)\b"
    r"|\bnot (?:found|known)\b|\bnothing (?:in|about|on)\b|\bcannot (?:answer|find|tell)\b"
    r"|\bcould not (?:find|answer)\b|\bdoes not (?:hold|contain|say)\b",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\[(\d+(?:\s*[,;–-]\s*\d+)*)\]")
# A sentence ends at . ! or ? (with any markers after it) before a capital, a digit or the end.
_END = re.compile(r"[.!?](?:\s*\[[\d,;–\- ]+\])*(?=\s+[\"“(\[A-Z0-9]|\s*$)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\be\.g|\bi\.e|\betc|\bvs|\bapprox|\bca|\bSt|\bNo)$")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")


def refuses(answer: Mapping[str, Any]) -> bool:
    """Kind "none" or a no-evidence statement, with low confidence."""
    confidence = answer.get("confidence") or {}
    low = isinstance(confidence, Mapping) and confidence.get("level") == "low"
    says_none = answer.get("kind") == "none" or bool(
        _NO_EVIDENCE.search(str(answer.get("answer") or ""))
    )
    return low and says_none


def sentences(text: str) -> list[str]:
    """The sentences of an answer; list items are sentences, headings are not."""
    out: list[str] = []
    for raw in text.splitlines():
        line = _BULLET.sub("", raw).strip()
        if not line or line.startswith("#") or line.endswith(":"):
            continue
        start = 0
        for end in _END.finditer(line):
            if _ABBREVIATION.search(line, start, end.start()):
                continue
            out.append(line[start : end.end()].strip())
            start = end.end()
        out.append(line[start:].strip())
    return [s for s in out if re.search(r"[^\W\d_]", _MARKER.sub("", s))]


def markers(text: str) -> list[int]:
    """Citation numbers in [n] markers; [1, 2] and [1-3] count each number."""
    found: list[int] = []
    for match in _MARKER.finditer(text):
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            low, _, high = part.replace("–", "-").partition("-")
            found.extend(range(int(low), int(high or low) + 1))
    return found


def citation_problems(answer: Mapping[str, Any]) -> list[str]:
    """Why the answer is not fully cited; empty when it is."""
    text = str(answer.get("answer") or "")
    found = sentences(text)
    if not found:
        return ["empty answer"]
    problems = [f"uncited sentence: {s!r}" for s in found if not _MARKER.search(s)]
    citations: dict[int, Mapping[str, Any]] = {}
    for c in answer.get("citations") or []:
        if isinstance(c, Mapping) and isinstance(c.get("n"), int):
            citations[c["n"]] = c
    for n in sorted(set(markers(text))):
        c = citations.get(n)
        if c is None:
            problems.append(f"marker [{n}] has no citation")
        elif not str(c.get("source") or "").strip():
            problems.append(f"citation [{n}] has no source")
        elif not c.get("evidence") or not str(c.get("evidence")).strip():
            problems.append(f"citation [{n}] has no evidence")
    return problems


# -- scoring -------------------------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    question: Question
    answer: dict[str, Any] = field(default_factory=dict)
    correct: bool = False
    missing: list[FactSpec] = field(default_factory=list)
    cited: bool | None = None  # None for refusals: nothing to cite
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def kind_ok(self) -> bool:
        return self.answer.get("kind") == self.question.kind


def as_dict(result: Any) -> dict[str, Any]:
    data = result.to_dict() if hasattr(result, "to_dict") else result
    if not isinstance(data, Mapping):
        raise TypeError(f"answer() returned {type(result).__name__}, not an Answer or a dict")
    return dict(data)


def score(question: Question, answer: Mapping[str, Any]) -> Outcome:
    """Score one answer dict against its question."""
    out = Outcome(question, dict(answer))
    text = str(answer.get("answer") or "")
    if question.refusal:
        out.correct = refuses(answer)
        return out
    out.missing = missing_facts(question.facts, text)
    out.correct = not out.missing and answer.get("kind") != "none"
    out.problems = citation_problems(answer)
    out.cited = not out.problems
    return out


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _fact_text(fact: FactSpec) -> str:
    if isinstance(fact, tuple):
        return " | ".join(_fact_text(f) for f in fact)
    return f"{fact:g}" if isinstance(fact, float) else fact


@dataclass(slots=True)
class EvalReport:
    outcomes: list[Outcome]

    @property
    def correct_share(self) -> float:
        return _share([o.correct for o in self.outcomes])

    @property
    def cited_share(self) -> float:
        """Over the questions that have an answer to cite (not the refusals)."""
        return _share([bool(o.cited) for o in self.outcomes if o.cited is not None])

    @property
    def kind_share(self) -> float:
        return _share([o.kind_ok for o in self.outcomes])

    def per_kind(self) -> dict[str, tuple[int, float, float | None]]:
        """kind -> (questions, share correct, share fully cited or None for refusals)."""
        table: dict[str, tuple[int, float, float | None]] = {}
        for kind in KINDS:
            mine = [o for o in self.outcomes if o.question.kind == kind]
            if mine:
                cited = [bool(o.cited) for o in mine if o.cited is not None]
                correct = _share([o.correct for o in mine])
                table[kind] = (len(mine), correct, _share(cited) if cited else None)
        return table

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct or o.cited is False]

    def lines(self, *, limit: int = 30) -> list[str]:
        n = len(self.outcomes)
        lines = [
            f"questions: {n}; correct {self.correct_share:.0%}, fully cited "
            f"{self.cited_share:.0%} (of answers to cite), kind as expected {self.kind_share:.0%}",
            f"  {'kind':<11} {'n':>3} {'correct':>8} {'cited':>7}",
        ]
        for kind, (count, correct, cited) in self.per_kind().items():
            shown = "-" if cited is None else f"{cited:.0%}"
            lines.append(f"  {kind:<11} {count:>3} {correct:>8.0%} {shown:>7}")
        failures = self.failures
        if failures:
            lines.append(f"failures ({len(failures)}, first {min(limit, len(failures))}):")
        for o in failures[:limit]:
            q = o.question
            expected = "a refusal" if q.refusal else ", ".join(map(_fact_text, q.facts))
            got = " ".join(str(o.answer.get("answer") or "").split())
            lines.append(f"  - {q.question}  [{q.kind} -> {o.answer.get('kind')}]")
            lines.append(f"    expected: {expected}")
            if o.missing:
                lines.append(f"    missing: {', '.join(map(_fact_text, o.missing))}")
            if o.error:
                lines.append(f"    error: {o.error}")
            lines.append(f"    answered: {got[:300] + ('…' if len(got) > 300 else '')}")
            lines += [f"    not cited: {p[:200]}" for p in o.problems[:2]]
        return lines


@contextmanager
def starter_store() -> Iterator[Store]:
    """The starter dataset in a temporary SQLite file."""
    with tempfile.TemporaryDirectory(prefix="bilat-ask-") as tmp:
        store = Store(Path(tmp) / "starter.db")
        try:
            store.write(load_starter())
            yield store
        finally:
            store.close()


def evaluate(
    answer_fn: AnswerFn, store: Store | None = None, questions: Sequence[Question] | None = None
) -> EvalReport:
    """Ask every question; `store` defaults to the starter dataset in a temporary file."""
    if store is None:
        with starter_store() as built:
            return evaluate(answer_fn, built, questions)
    outcomes = []
    for q in questions if questions is not None else load_questions():
        began = time.perf_counter()
        try:
            result = as_dict(answer_fn(store, q.question))
        except Exception as exc:  # one broken answer must not hide the others
            outcome = Outcome(q, error=f"{type(exc).__name__}: {exc}")
        else:
            outcome = score(q, result)
        outcome.seconds = time.perf_counter() - began
        outcomes.append(outcome)
    return EvalReport(outcomes)


def find_answer() -> tuple[AnswerFn | None, str]:
    """bilat's answer function, or None and why not."""
    try:
        module = importlib.import_module("bilat.answer")
    except ImportError as exc:
        return None, f"bilat.answer cannot be imported: {exc}"
    answer = getattr(module, "answer", None)
    if not callable(answer):
        return None, "bilat.answer has no function answer(store, question)"
    return cast(AnswerFn, answer), "bilat.answer.answer"


def report() -> tuple[list[str], bool]:
    lines = ["== Answer quality (bench/ask/questions.yaml over the starter store) =="]
    answer_fn, why = find_answer()
    if answer_fn is None:
        return [*lines, "bilat ask cannot be run yet, so it is not evaluated:", f"  - {why}"], False
    lines += evaluate(answer_fn).lines()
    return lines, True


def main() -> int:
    lines, ran = report()
    print("\n".join(lines))
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())

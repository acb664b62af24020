"""A synthetic store for latency runs: 100,000 short generated reports with their claims.

Each document is 2–6 sentences about a pair of countries: figures from templates over the
indicator vocabulary (each with its Claim, span on the figure), now and then a dated event,
and filler. Half the documents are about a focus set (Central Asia and its partners), so the
pairs the evaluation asks about are crowded, as in a real corpus. The starter data is written
on top. The store is written once under bench/corpus/ (gitignored), streamed in one
transaction per batch, and reused while its marker row (written last) matches.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bilat.model import Claim, Document, Event, Passage, Qualifier, Source, TimeRef
from bilat.reference import countries
from bilat.starter import load_starter
from bilat.store import Batch, Store, schema

DB_PATH = Path(__file__).resolve().parents[1] / "corpus" / "ask-100k.db"
DOCUMENTS = 100_000
BATCH_DOCUMENTS = 2_000
SEED = 20261105
VERSION = 1  # bump when the generator changes: an older store is rebuilt
MARKER_KEY = "bench.ask.synthetic"
FOCUS = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "CHN", "USA", "TUR", "IRN", "AFG", "IND")
FOCUS_SHARE = 0.5
EVENT_SHARE = 0.15
YEARS = range(2000, 2024)
PUBLISHERS = (
    "Steppe Monitor", "Eurasia Ledger", "Caspian Review", "Silk Road Observer",
    "Pamir Dispatch", "Tien Shan Times", "Oxus Analytics", "Aral Policy Notes",
    "Ferghana Weekly", "Volga Economic Digest", "Border Affairs Quarterly",
    "Continental Trade Brief", "Meridian Security Review", "Northern Gas Report",
    "Crossroads Institute", "Harbour Street Research", "Global Remittance Watch",
    "Defence Ledger", "Atlas Diplomatic Bulletin", "Open Markets Survey",
)  # fmt: skip
GRADES = "BBCCCDDE"
TOPICS = (
    "energy transit", "border security", "labour migration", "customs procedures",
    "water sharing", "investment protection", "education", "air links", "digital trade",
)  # fmt: skip

Quantity = tuple[str, float, str]  # as written, value in base units, unit


def _money(rng: random.Random) -> Quantity:
    if rng.random() < 0.5:
        v = round(rng.uniform(0.2, 40.0), 1)
        form = rng.choice(("${} billion", "US${} billion", "{} billion dollars"))
        return form.format(f"{v:g}"), float(round(v * 1e9)), "USD"
    n = rng.randrange(5, 950)
    if rng.random() < 0.15:
        return f"€{n} million", n * 1e6, "EUR"
    return rng.choice(("${} million", "{} million dollars")).format(n), n * 1e6, "USD"


def _millions_of_money(rng: random.Random) -> Quantity:
    n = rng.randrange(2, 600)
    return rng.choice(("${} million", "{} million dollars")).format(n), n * 1e6, "USD"


def _percent_up_to(high: float) -> Callable[[random.Random], Quantity]:
    def make(rng: random.Random) -> Quantity:
        v = round(rng.uniform(0.5, high), 1)
        return rng.choice(("{}%", "{} percent")).format(f"{v:g}"), v, "percent"

    return make


_percent = _percent_up_to(60.0)
_small_percent = _percent_up_to(12.0)


def _persons(rng: random.Random) -> Quantity:
    n = rng.randrange(500, 900_000, 100)
    return f"{n:,}", float(n), "persons"


def _troops(rng: random.Random) -> Quantity:
    n = rng.randrange(100, 12_000, 50)
    return f"{n:,}", float(n), "persons"


def _count(rng: random.Random) -> Quantity:
    n = rng.randint(2, 60)
    return str(n), float(n), "count"


def _km(rng: random.Random) -> Quantity:
    n = rng.randrange(50, 7_600, 5)
    return rng.choice(("{:,} km", "{:,} kilometres")).format(n), float(n), "km"


def _bcm(rng: random.Random) -> Quantity:
    v = round(rng.uniform(0.5, 45.0), 1)
    return rng.choice(("{} bcm", "{} billion cubic metres")).format(f"{v:g}"), v, "bcm"


def _millions(rng: random.Random) -> Quantity:
    v = round(rng.uniform(0.5, 150.0), 1)
    return f"{v:g} million", float(round(v * 1e6)), "persons"


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence stating one figure; {q} is the quantity, {y} its year."""

    indicator: str
    text: str
    quantity: Callable[[random.Random], Quantity]
    paired: bool = True  # has an object
    timed: bool = True
    qualifier: Qualifier = "exact"


TEMPLATES = (
    Template("trade_volume", "Trade between {s} and {o} reached {q} in {y}.", _money),
    Template("trade_volume", "Trade between {s} and {o} fell by {q} in {y}.", _small_percent,
             qualifier="change"),
    Template("trade_share", "{o} accounted for {q} of {s_pos} foreign trade in {y}.", _percent),
    Template("exports", "{s} exported goods worth {q} to {o} in {y}.", _money),
    Template("imports", "{s} imported goods worth {q} from {o} in {y}.", _money),
    Template("investment", "{o_adj} companies invested {q} in {s} in {y}.", _money),
    Template("investment_share", "{o} supplied {q} of the foreign investment in {s} in {y}.",
             _percent),
    Template("aid", "{s} received {q} in aid from {o} in {y}.", _millions_of_money),
    Template("debt_relief", "{o} wrote off {q} of debt owed by {s} in {y}.",
             _millions_of_money),
    Template("external_debt_share", "{o} held {q} of {s_pos} external debt at the end of {y}.",
             _percent),
    Template("loans", "{o} lent {s} {q} in {y}.", _money),
    Template("remittances", "Migrants from {s} working in {o} sent home {q} in {y}.", _money),
    Template("remittances_gdp_share", "Remittances from {o} equalled {q} of {s_pos} GDP in {y}.",
             _percent_up_to(35.0)),
    Template("migrants", "Some {q} migrant workers from {s} were living in {o} in {y}.",
             _persons),
    Template("students", "In {y}, {q} students from {s} were enrolled at universities in {o}.",
             _persons),
    Template("troops_stationed", "{o} kept {q} troops in {s} in {y}.", _troops),
    Template("exercise_troops", "In {y}, {q} soldiers from {s} and {o} held a joint exercise.",
             _troops),
    Template("arms_import_share", "{o} supplied {q} of {s_pos} arms imports in {y}.", _percent),
    Template("oil_transit_share", "In {y}, {q} of {s_pos} oil exports crossed {o}.", _percent),
    Template("gas_exports", "{s} exported {q} of natural gas to {o} in {y}.", _bcm),
    Template("energy_investment", "{o_adj} energy firms committed {q} to {s} in {y}.", _money),
    Template("ethnic_share", "People of {o_adj} descent made up {q} of {s_pos} population in {y}.",
             _small_percent),
    Template("public_support", "A poll in {y} found {q} of respondents in {s} favour {o}.",
             _percent),
    Template("agreements", "{s} and {o} signed {q} agreements in {y}.", _count),
    Template("joint_ventures", "By {y}, {q} joint ventures with {o_adj} capital were in {s}.",
             _count),
    Template("border_length", "{s} and {o} share a border {q} long.", _km, timed=False),
    Template("military_spending_gdp_share", "{s} spent {q} of its GDP on defence in {y}.",
             _small_percent, paired=False),
    Template("gdp_growth", "{s_pos} economy grew by {q} in {y}.", _small_percent, paired=False),
    Template("population", "{s} had a population of {q} in {y}.", _millions, paired=False),
    Template("external_debt", "{s_pos} external debt stood at {q} at the end of {y}.", _money,
             paired=False),
)  # fmt: skip

# (PLOVER type, subtype, sentence, actors as "so" or "os": who acts first)
EVENTS = (
    ("AGREE", "signs", "{s} and {o} signed an agreement on {topic} in {month} {y}.", "so"),
    ("CONSULT", "visit", "The foreign minister of {o} visited {s_cap} in {month} {y}.", "os"),
    ("COOPERATE", "exercise", "Troops from {s} and {o} held a joint drill in {month} {y}.", "so"),
    ("DISAPPROVE", "statement", "{s} criticised {o} over {topic} in {month} {y}.", "so"),
    ("AID", "aid", "{o} delivered humanitarian aid to {s} in {month} {y}.", "os"),
    ("SANCTION", "sanctions", "{o} restricted imports from {s} in {month} {y}.", "os"),
)
FILLERS = (
    "Officials in {s_cap} described relations with {o} as {mood}.",
    "Analysts expect ties between {s} and {o} to {trend} in the coming years.",
    "The figures come from official statistics and interviews in {s_cap}.",
    "Diplomats in {o_cap} declined to comment on the report.",
)
MOODS = ("stable", "pragmatic", "strained", "close", "improving", "uneven")
TRENDS = ("deepen", "cool", "hold steady", "broaden")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _names() -> dict[str, dict[str, str]]:
    """Country id -> the words the templates use for it."""
    out = {}
    for c in countries().values():
        if c.kind != "country":
            continue
        name = c.name
        out[c.id] = {
            "name": name,
            "pos": _possessive(name),
            "adj": c.demonyms[0] if c.demonyms else name,
            "cap": c.capitals[0] if c.capitals else name,
        }
    return out


@dataclass(slots=True)
class _Sentence:
    text: str
    claim: tuple[Template, Quantity, int, tuple[int, int]] | None = None  # year, span in text
    event: tuple[str, str, tuple[str, ...], str] | None = None  # type, subtype, actors, date


class Generator:
    """Documents with their records; the same seed gives the same store."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.names = _names()
        self.ids = sorted(self.names)
        self.focus = [c for c in FOCUS if c in self.names]
        self.sources: set[str] = set()
        self.documents: set[str] = set()

    def _pair(self) -> tuple[str, str]:
        pool = self.focus if self.rng.random() < FOCUS_SHARE else self.ids
        s, o = self.rng.sample(pool, 2)
        return s, o

    def _words(self, s: str, o: str) -> dict[str, str]:
        rng, a, b = self.rng, self.names[s], self.names[o]
        return {
            "s": a["name"], "o": b["name"], "s_pos": a["pos"], "o_adj": b["adj"],
            "s_cap": a["cap"], "o_cap": b["cap"], "topic": rng.choice(TOPICS),
            "mood": rng.choice(MOODS), "trend": rng.choice(TRENDS),
        }  # fmt: skip

    def _figure(self, template: Template, words: dict[str, str], year: int) -> _Sentence:
        quantity = template.quantity(self.rng)
        before, after = template.text.split("{q}")
        before = before.format(y=year, **words)
        text = before + quantity[0] + after.format(y=year, **words)
        text = text[0].upper() + text[1:]
        span = (len(before), len(before) + len(quantity[0]))
        return _Sentence(text, (template, quantity, year, span))

    def _event(self, s: str, o: str, words: dict[str, str], year: int) -> _Sentence:
        kind, subtype, pattern, order = self.rng.choice(EVENTS)
        month = self.rng.randrange(12)
        text = pattern.format(y=year, month=MONTHS[month], **words)
        actors = (s, o) if order == "so" else (o, s)
        return _Sentence(text, event=(kind, subtype, actors, f"{year}-{month + 1:02d}"))

    def _sentences(self, s: str, o: str) -> list[_Sentence]:
        rng = self.rng
        words = self._words(s, o)
        year = rng.choice(YEARS)
        parts = [
            self._figure(t, words, year - rng.randint(0, 2))
            for t in rng.sample(TEMPLATES, rng.randint(1, 4))
        ]
        if rng.random() < EVENT_SHARE:
            parts.append(self._event(s, o, words, year))
        fillers = rng.randint(max(0, 2 - len(parts)), max(0, min(2, 6 - len(parts))))
        parts += [_Sentence(f.format(**words)) for f in rng.sample(FILLERS, fillers)]
        rng.shuffle(parts)
        return parts

    def _source(self, batch: Batch, year: int) -> str:
        index = self.rng.randrange(len(PUBLISHERS))
        publisher = PUBLISHERS[index]
        source_id = f"syn-{publisher.lower().replace(' ', '-')}-{year}"
        if source_id not in self.sources:
            self.sources.add(source_id)
            grade = GRADES[index % len(GRADES)]
            title = f"{publisher}: reports of {year}"
            batch.sources.append(Source(source_id, title, None, publisher, year, grade))
        return source_id

    def add(self, batch: Batch, number: int) -> None:
        """One new document, its source, passages, claims and events, added to the batch."""
        while True:
            s, o = self._pair()
            parts = self._sentences(s, o)
            text = " ".join(p.text for p in parts)
            doc_id = Document.make_id(text)
            if doc_id not in self.documents:  # a repeated text would be the same document
                break
        self.documents.add(doc_id)
        years = [p.claim[2] for p in parts if p.claim]
        years += [int(p.event[3][:4]) for p in parts if p.event]
        published = min(max(years) + self.rng.randint(0, 1), 2024)
        source_id = self._source(batch, published)
        day = f"{published}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        title = f"{self.names[s]['name']} and {self.names[o]['name']}: {self.rng.choice(TOPICS)}"
        batch.documents.append(
            Document(doc_id, source_id, f"synthetic/ask/{number:06d}.txt", title, text, day)
        )
        offset = 0
        for part in parts:
            end = offset + len(part.text)
            batch.passages.append(Passage(doc_id, offset, end, part.text))
            if part.claim:
                batch.claims.append(self._claim(part, s, o, source_id, doc_id, offset))
            if part.event:
                kind, subtype, actors, date = part.event
                batch.events.append(
                    Event(
                        type=kind,
                        subtype=subtype,
                        actors=actors,
                        date=TimeRef(date, precision="month"),
                        summary=part.text,
                        source_id=source_id,
                        document_id=doc_id,
                        span=(offset, end),
                        sentence=part.text,
                        method="synthetic",
                        confidence=0.8,
                    )
                )
            offset = end + 1

    def _claim(
        self, part: _Sentence, s: str, o: str, source_id: str, doc_id: str, offset: int
    ) -> Claim:
        assert part.claim is not None
        template, (_, value, unit), year, (start, end) = part.claim
        change = template.qualifier == "change"
        return Claim(
            indicator=template.indicator,
            subject=s,
            object=o if template.paired else None,
            value=-value if change else value,
            unit=unit,
            source_id=source_id,
            time=TimeRef(str(year)) if template.timed else None,
            qualifier=template.qualifier,
            document_id=doc_id,
            span=(offset + start, offset + end),
            sentence_span=(offset, offset + len(part.text)),
            sentence=part.text,
            method="synthetic",
            confidence=round(self.rng.uniform(0.6, 0.95), 2),
        )


def batches(
    total: int, size: int = BATCH_DOCUMENTS, seed: int = SEED
) -> Iterator[tuple[int, Batch]]:
    """(documents so far, batch) for `total` documents, `size` per batch."""
    generator = Generator(seed)
    batch = Batch()
    for number in range(1, total + 1):
        generator.add(batch, number)
        if number % size == 0 or number == total:
            yield number, batch
            batch = Batch()


@dataclass(frozen=True, slots=True)
class BuildInfo:
    path: Path
    documents: int
    seconds: float  # time it took to build (when reused: the time it took back then)
    reused: bool


def marker(path: Path) -> dict[str, object] | None:
    """The marker of a finished build, or None (no file, unfinished, not a store)."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (MARKER_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    found = json.loads(row[0]) if row else None
    return found if isinstance(found, dict) else None


def build(
    path: Path = DB_PATH,
    total: int = DOCUMENTS,
    *,
    size: int = BATCH_DOCUMENTS,
    seed: int = SEED,
    progress: Callable[[int, float], None] | None = None,
) -> BuildInfo:
    """Write the store afresh: generated batches, then the starter data and the marker."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in (path, path.with_name(path.name + "-journal")):
        old.unlink(missing_ok=True)
    began = time.perf_counter()
    with Store(path) as store:
        for done, batch in batches(total, size, seed):
            store.write(batch)
            if progress:
                progress(done, time.perf_counter() - began)
        seconds = time.perf_counter() - began
        stamp = {"version": VERSION, "documents": total, "seed": seed, "seconds": seconds}
        with store.transaction() as conn:
            store.write_in(conn, load_starter())
            conn.execute(schema.meta.insert().values(key=MARKER_KEY, value=json.dumps(stamp)))
    return BuildInfo(path, total, time.perf_counter() - began, reused=False)


def ensure_store(
    path: Path = DB_PATH,
    total: int = DOCUMENTS,
    *,
    progress: Callable[[int, float], None] | None = None,
) -> BuildInfo:
    """The store at `path`, built first unless a finished build of the same kind is there."""
    found = marker(path)
    wanted = {"version": VERSION, "documents": total, "seed": SEED}
    if found and all(found.get(k) == v for k, v in wanted.items()):
        seconds = found.get("seconds")
        took = float(seconds) if isinstance(seconds, int | float) else 0.0
        return BuildInfo(path, total, took, reused=True)
    return build(path, total, progress=progress)

"""The packaged gazetteer and its Aho-Corasick automaton (loaded once)."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

from rasid import lang
from rasid.text import fold_key

#: key kinds stored in the automaton
PLAIN, STRIPPED, BLOCK = 0, 1, 2  # STRIPPED: an "ال" name without its article (after لل)
#: BLOCK: a phrase that holds a place name but names no place ("فيلق القدس")

AREA_FEATURES = {"country", "admin1", "region", "sea", "river", "lake"}
DISTRICT_FEATURES = {"admin2", "district", "countryside"}


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    en: str
    ar: str
    feature: str
    lat: float
    lon: float
    country: str
    admin1: str
    geonames_id: int | None
    population: int
    prio: int
    flags: frozenset[str]
    radius_km: int = 0
    half_km: tuple[int, int] = (0, 0)  # countries: half the north-south and east-west sides

    @property
    def precision(self) -> int:
        """ACLED-like geo precision: 1 point, 2 district/near, 3 region."""
        if self.feature in AREA_FEATURES:
            return 3
        if self.feature in DISTRICT_FEATURES:
            return 2
        return 1


@lru_cache(maxsize=1)
def affixes() -> dict[str, tuple[str, ...]]:
    """Role -> forms of ``data/affixes.tsv``: the proclitics, particles and
    endings the place stages read (matching view), in file order."""
    return {r[0]: tuple(r[1].split("|")) for r in lang.rows("places/data/affixes.tsv", 3, min_cols=2)}


def affix(role: str) -> str:
    """The one form of a single-form role of ``data/affixes.tsv`` ("article": ال)."""
    (form,) = affixes()[role]
    return form


class Gazetteer:
    """Entries plus an automaton from folded keys to ``[(entry index, kind, key)]``."""

    def __init__(self, entries: list[Entry], keys: list[list[str]],
                 blockers: tuple[str, ...] = ()) -> None:
        self.entries = entries
        self.by_id = {e.id: i for i, e in enumerate(entries)}
        table: dict[str, list[tuple[int, int, str]]] = {}
        article = affix("article")
        for i, ks in enumerate(keys):
            for k in ks:
                table.setdefault(k, []).append((i, PLAIN, k))
                if k.startswith(article) and len(k) > 4:
                    table.setdefault(k[len(article):], []).append((i, STRIPPED, k))
        for k in blockers:
            table.setdefault(k, []).append((-1, BLOCK, k))
        self.keys = table
        auto = ahocorasick.Automaton()
        for k, v in table.items():
            auto.add_word(k, (len(k), tuple(v)))
        auto.make_automaton()
        self.automaton = auto

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name folds to ``name`` (a test and debugging helper)."""
        return [self.entries[i] for i, kind, _ in self.keys.get(fold_key(name), ()) if kind == PLAIN]

    def blocked(self, phrase: str) -> bool:
        """Is ``phrase`` a name that holds a place name but names no place?"""
        return any(kind == BLOCK for _, kind, _ in self.keys.get(fold_key(phrase), ()))

    def get(self, pid: str) -> Entry:
        return self.entries[self.by_id[pid]]


def _half(cell: str) -> tuple[int, int]:
    ns, _, ew = cell.partition(",")
    return (int(ns or 0), int(ew or 0))


def parse(tsv: str) -> tuple[list[Entry], list[list[str]]]:
    lines = tsv.splitlines()
    cols = lines[0].split("\t")
    ix = {c: i for i, c in enumerate(cols)}
    entries: list[Entry] = []
    keys: list[list[str]] = []
    for line in lines[1:]:
        r = line.split("\t")
        gid = r[ix["geonames_id"]]
        entries.append(Entry(
            r[ix["id"]], r[ix["en"]], r[ix["ar"]], r[ix["feature"]],
            float(r[ix["lat"]]), float(r[ix["lon"]]), r[ix["country"]], r[ix["admin1"]],
            int(gid) if gid else None, int(r[ix["population"]] or 0), int(r[ix["prio"]]),
            frozenset(f for f in r[ix["flags"]].split(",") if f),
            int(r[ix["radius_km"]] or 0),
            _half(r[ix["half_km"]]) if "half_km" in ix else (0, 0),
        ))
        keys.append([k for k in r[ix["keys"]].split("|") if k])
    return entries, keys


@lru_cache(maxsize=1)
def blockers() -> tuple[str, ...]:
    """Folded phrases of ``data/blockers.tsv`` (organisation and unit names,
    days: "فيلق القدس", "هيئة تحرير الشام", "يوم القدس")."""
    rows = lang.rows("places/data/blockers.tsv", 2, min_cols=1, unique_key=False)
    out = {fold_key(w) for r in rows for w in r[0].split("|") if w.strip()}
    return tuple(sorted(out))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer (``data/gazetteer.tsv.gz``)."""
    raw = resources.files("rasid.places").joinpath("data/gazetteer.tsv.gz").read_bytes()
    tsv = gzip.GzipFile(fileobj=io.BytesIO(raw)).read().decode("utf-8")
    return Gazetteer(*parse(tsv), blockers=blockers())

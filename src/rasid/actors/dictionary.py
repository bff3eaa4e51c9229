"""The actor dictionary (``data/actors.yaml``): loading and validation.

Each entry is a canonical actor (force, group, institution, outlet or person)
with its Arabic and Latin aliases. Aliases are matched folded
(:func:`rasid.text.fold_key`); :func:`validate` checks the required fields and
that every alias key belongs to one entry unless it is listed as ``ambiguous``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml

from rasid.text import fold_key

KINDS = ("actor", "organization", "outlet", "person", "block")
REQUIRED = ("id", "name", "name_ar", "kind", "type", "country", "sector", "inter")
ALIAS_FIELDS = ("aliases", "weak", "anaphoric")


class DictionaryError(ValueError):
    """The actor dictionary is malformed."""


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    name_ar: str
    kind: str
    type: str
    country: str
    sector: str
    inter: int
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    anaphoric: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    licensed_by: tuple[str, ...] = ()  # other entries whose mention also licenses the anaphoric aliases

    def attrs(self) -> dict[str, Any]:
        """The entity attrs for a mention of this entry."""
        d: dict[str, Any] = {
            "actor_id": self.id,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "acled_inter": self.inter,
        }
        if self.parent:
            d["parent"] = self.parent
        return d


@dataclass(frozen=True)
class AliasInfo:
    """One alias key: which entry, and how strictly it must be confirmed."""

    entry_id: str
    mode: str  # "strong" | "weak" | "anaphoric"
    words: int


@dataclass
class ActorDictionary:
    entries: dict[str, ActorEntry] = field(default_factory=dict)
    aliases: dict[str, AliasInfo] = field(default_factory=dict)

    def __len__(self) -> int:
        return sum(1 for e in self.entries.values() if e.kind != "block")

    def get(self, entry_id: str | None) -> ActorEntry | None:
        return self.entries.get(entry_id) if entry_id else None

    def lookup(self, surface: str) -> ActorEntry | None:
        info = self.aliases.get(fold_key(surface))
        return self.entries[info.entry_id] if info else None


def _tuple(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v)


def validate(raw: Iterable[dict[str, Any]]) -> list[str]:
    """Problems in raw dictionary rows (empty list when valid)."""
    problems: list[str] = []
    rows = list(raw)
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for i, row in enumerate(rows):
        where = f"entry {i} ({row.get('id', '?')})"
        for f in REQUIRED:
            if row.get(f) in (None, ""):
                problems.append(f"{where}: missing {f}")
        if row.get("kind") not in KINDS:
            problems.append(f"{where}: bad kind {row.get('kind')!r}")
        if not isinstance(row.get("inter"), int) or not 0 <= row.get("inter", -1) <= 8:
            problems.append(f"{where}: inter must be an ACLED code 0-8")
        rid = row.get("id")
        if rid in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(rid)
        if not _tuple(row.get("aliases")) and not _tuple(row.get("weak")):
            problems.append(f"{where}: no aliases")
        ambiguous = {fold_key(a) for a in _tuple(row.get("ambiguous"))}
        for fld in ALIAS_FIELDS:
            for a in _tuple(row.get(fld)):
                k = fold_key(a)
                if not k:
                    problems.append(f"{where}: empty alias")
                    continue
                prev = owner.get(k)
                if prev is not None and prev != rid and k not in ambiguous:
                    problems.append(f"{where}: alias {a!r} already used by {prev} (mark it ambiguous)")
                owner.setdefault(k, rid)
    for i, row in enumerate(rows):
        p = row.get("parent")
        if p and p not in ids:
            problems.append(f"entry {i} ({row.get('id')}): unknown parent {p!r}")
        for lic in _tuple(row.get("licensed_by")):
            if lic not in ids:
                problems.append(f"entry {i} ({row.get('id')}): unknown licensed_by {lic!r}")
    return problems


def build(raw: Iterable[dict[str, Any]]) -> ActorDictionary:
    """Validate rows and index them; raises :class:`DictionaryError`."""
    rows = list(raw)
    problems = validate(rows)
    if problems:
        raise DictionaryError("actor dictionary: " + "; ".join(problems[:20]))
    d = ActorDictionary()
    for row in rows:
        e = ActorEntry(
            id=row["id"], name=row["name"], name_ar=row["name_ar"], kind=row["kind"],
            type=row["type"], country=str(row["country"]), sector=row["sector"],
            inter=int(row["inter"]), parent=row.get("parent"),
            aliases=_tuple(row.get("aliases")), weak=_tuple(row.get("weak")),
            anaphoric=_tuple(row.get("anaphoric")), ambiguous=_tuple(row.get("ambiguous")),
            licensed_by=_tuple(row.get("licensed_by")),
        )
        d.entries[e.id] = e
        for mode, names in (("weak", e.weak), ("anaphoric", e.anaphoric), ("strong", e.aliases + (e.name_ar,))):
            for a in names:
                k = fold_key(a)
                if k and k not in d.aliases:
                    d.aliases[k] = AliasInfo(e.id, mode, len(k.split()))
    return d


def load_rows(text: str | None = None) -> list[dict[str, Any]]:
    if text is None:
        text = resources.files("rasid.actors").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    rows = yaml.safe_load(text) or []
    if not isinstance(rows, list):
        raise DictionaryError("actor dictionary: top level must be a list")
    return rows


@lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """The packaged dictionary, validated (cached)."""
    return build(load_rows())

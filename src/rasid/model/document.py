"""The document model that every pipeline stage reads and annotates.

The JSON form is the contract in ``../shared/eval/README.md``: offsets are
Python ``str`` indices, end exclusive, into ``Document.text``, which is the
analysed text after Unicode NFKC normalisation (and nothing else).

Tree::

    Document
      entities: [Entity]      kind place/actor/person/organization/outlet
        mentions: [Mention]   start, end, text
        place: PlaceInfo      (kind == "place")
      times:    [TimeExpr]
      claims:   [Claim]       source: ClaimSource, cue: Span, content: Span
      events:   [Event]       trigger: Span, evidence: [Span]

Derived views (matching view, sentences, tokens) are cached on the document and
never serialised; see :mod:`rasid.text`.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Iterable

from rasid.text.span import Span

ENTITY_KINDS = ("place", "actor", "person", "organization", "outlet")
GRANULARITIES = ("day", "week", "month", "year", "range")
STANCES = ("assert", "deny", "speculate")
SOURCE_KINDS = ("named", "anonymous", "organization", "media", "document")
MODALITIES = ("asserted", "planned", "speculated", "denied", "hypothetical", "negated")


def nfkc(text: str) -> str:
    """The one normalisation applied to a document's text."""
    return unicodedata.normalize("NFKC", text)


Mention = Span


@dataclass
class PlaceInfo:
    lat: float
    lon: float
    country: str | None = None
    feature: str | None = None
    geonames_id: int | None = None
    precision: int = 1
    admin1: str | None = None
    gazetteer_id: str | None = None
    metonym: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PlaceInfo":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Entity:
    id: str
    kind: str
    name: str
    name_ar: str = ""
    mentions: list[Span] = field(default_factory=list)
    place: PlaceInfo | None = None
    # Free-form extra facts: actor type, country, parent, PLOVER sector, ACLED
    # inter code, person role/title, confidence, ...
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "name_ar": self.name_ar,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.place is not None:
            d["place"] = self.place.to_dict()
        if self.attrs:
            d["attrs"] = self.attrs
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(
            id=d["id"],
            kind=d["kind"],
            name=d.get("name", ""),
            name_ar=d.get("name_ar", ""),
            mentions=[Span.from_dict(m) for m in d.get("mentions", [])],
            place=PlaceInfo.from_dict(d["place"]) if d.get("place") else None,
            attrs=dict(d.get("attrs") or {}),
        )


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    value_start: str | None = None  # ISO date, None when unresolvable
    value_end: str | None = None
    granularity: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value_start": self.value_start,
            "value_end": self.value_end,
            "granularity": self.granularity,
        }
        if self.attrs:
            d["attrs"] = self.attrs
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TimeExpr":
        return cls(
            int(d["start"]), int(d["end"]), d.get("text", ""),
            d.get("value_start"), d.get("value_end"), d.get("granularity"),
            dict(d.get("attrs") or {}),
        )


@dataclass
class ClaimSource(Span):
    entity: str | None = None
    kind: str = "anonymous"

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update(entity=self.entity, kind=self.kind)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ClaimSource":
        return cls(int(d["start"]), int(d["end"]), d.get("text", ""), d.get("entity"), d.get("kind", "anonymous"))


@dataclass
class Claim:
    id: str
    source: ClaimSource
    cue: Span
    stance: str
    content: Span
    via: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "source": self.source.to_dict(),
            "cue": self.cue.to_dict(),
            "stance": self.stance,
            "content": self.content.to_dict(),
            "via": self.via,
        }
        if self.attrs:
            d["attrs"] = self.attrs
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        return cls(
            id=d["id"],
            source=ClaimSource.from_dict(d["source"]),
            cue=Span.from_dict(d["cue"]),
            stance=d.get("stance", "assert"),
            content=Span.from_dict(d["content"]),
            via=d.get("via"),
            attrs=dict(d.get("attrs") or {}),
        )


@dataclass
class Event:
    id: str
    type: str
    trigger: Span
    evidence: list[Span] = field(default_factory=list)
    mode: str | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    time: dict[str, str] | None = None  # {"value_start": ..., "value_end": ...}
    modality: str = "asserted"
    claim: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    confidence: float = 0.5
    # size, origin/destination place ids, ACLED type/sub-type, count
    # approximations, ...
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
            "actor": self.actor,
            "recipient": self.recipient,
            "place": self.place,
            "time": self.time,
            "modality": self.modality,
            "claim": self.claim,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "arrests": self.arrests,
            "confidence": round(float(self.confidence), 3),
        }
        if self.attrs:
            d["attrs"] = self.attrs
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        ev = d.get("evidence") or []
        if isinstance(ev, dict):
            ev = [ev]
        return cls(
            id=d["id"],
            type=d["type"],
            trigger=Span.from_dict(d["trigger"]),
            evidence=[Span.from_dict(e) for e in ev],
            mode=d.get("mode"),
            actor=d.get("actor"),
            recipient=d.get("recipient"),
            place=d.get("place"),
            time=d.get("time"),
            modality=d.get("modality", "asserted"),
            claim=d.get("claim"),
            fatalities=d.get("fatalities"),
            injuries=d.get("injuries"),
            arrests=d.get("arrests"),
            confidence=float(d.get("confidence", 0.5)),
            attrs=dict(d.get("attrs") or {}),
        )


@dataclass
class Document:
    """One article and everything Rasid found in it."""

    id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source_path: str | None = None
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = nfkc(self.text)

    # -- derived views (lazy, not serialised) ---------------------------------
    @property
    def view(self):
        """The matching view of the text (see :class:`rasid.text.MatchView`)."""
        if "view" not in self._cache:
            from rasid.text.normalize import MatchView

            self._cache["view"] = MatchView(self.text)
        return self._cache["view"]

    @property
    def sentences(self) -> list[Span]:
        if "sentences" not in self._cache:
            from rasid.text.sentences import split_sentences

            self._cache["sentences"] = split_sentences(self.text)
        return self._cache["sentences"]

    @property
    def tokens(self):
        if "tokens" not in self._cache:
            from rasid.text.tokens import tokenize

            self._cache["tokens"] = tokenize(self.text)
        return self._cache["tokens"]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Span | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    # -- entity helpers -------------------------------------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def entities_of(self, *kinds: str) -> list[Entity]:
        return [e for e in self.entities if e.kind in kinds]

    def mentions(self, *kinds: str) -> Iterable[tuple[Entity, Span]]:
        """(entity, mention) pairs sorted by position, optionally by kind."""
        pairs = [(e, m) for e in self.entities if not kinds or e.kind in kinds for m in e.mentions]
        return sorted(pairs, key=lambda p: (p[1].start, -p[1].end))

    def new_id(self, prefix: str, existing: Iterable[str]) -> str:
        taken = set(existing)
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    # -- serialisation --------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        if self.meta:
            d["meta"] = self.meta
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        doc = cls(
            id=str(d["id"]),
            text=d.get("text", ""),
            published=d.get("published"),
            title=d.get("title"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            warnings=list(d.get("warnings") or []),
            meta=dict(d.get("meta") or {}),
        )
        doc.entities = [Entity.from_dict(e) for e in d.get("entities", [])]
        doc.times = [TimeExpr.from_dict(t) for t in d.get("times", [])]
        doc.claims = [Claim.from_dict(c) for c in d.get("claims", [])]
        doc.events = [Event.from_dict(e) for e in d.get("events", [])]
        return doc

    @classmethod
    def from_json(cls, s: str) -> "Document":
        return cls.from_dict(json.loads(s))

    def check_spans(self) -> list[str]:
        """Problems with offsets: every span must equal ``text[start:end]``."""
        bad: list[str] = []

        def chk(where: str, sp: Span, need_text: bool = True) -> None:
            if not (0 <= sp.start <= sp.end <= len(self.text)):
                bad.append(f"{where}: [{sp.start},{sp.end}) out of range")
            elif need_text and self.text[sp.start:sp.end] != sp.text:
                bad.append(f"{where}: {sp.text!r} != {self.text[sp.start:sp.end]!r}")

        for e in self.entities:
            for m in e.mentions:
                chk(f"entity {e.id}", m)
        for t in self.times:
            chk("time", t.span)
        for c in self.claims:
            chk(f"claim {c.id} source", c.source)
            chk(f"claim {c.id} cue", c.cue)
            chk(f"claim {c.id} content", c.content, need_text=bool(c.content.text))
        for ev in self.events:
            chk(f"event {ev.id} trigger", ev.trigger)
            for sp in ev.evidence:
                chk(f"event {ev.id} evidence", sp, need_text=bool(sp.text))
        return bad

"""Hand-built documents for the events tests (sentences written for the tests)."""

from __future__ import annotations

from collections.abc import Callable

from rasid.model.document import Claim, ClaimSource, Document, Entity, PlaceInfo, Span, TimeExpr

#: the ``analyzed`` fixture (tests/events/conftest.py): text -> (analyzed document, entity id -> name)
Analyzed = Callable[[str], "tuple[Document, dict[str, str]]"]

# name -> (lat, lon, country, feature, precision: ACLED-like, 1 point ... 3 region)
PLACES = {
    "Syria": (35.0, 38.5, "SY", "country", 3),
    "Iraq": (33.0, 43.7, "IQ", "country", 3),
    "Nineveh": (36.2, 42.5, "IQ", "admin1", 3),
    "Mosul": (36.34, 43.13, "IQ", "city", 1),
    "Deir ez-Zor": (35.336, 40.14, "SY", "city", 1),
    "Al-Bukamal": (34.453, 40.918, "SY", "city", 1),
    "Al-Qaim": (34.37, 41.08, "IQ", "city", 1),
    "Aleppo": (36.2, 37.16, "SY", "city", 1),
    "Idlib": (35.93, 36.63, "SY", "city", 1),
    "Homs": (34.73, 36.71, "SY", "city", 1),
    "Idlib Governorate": (35.75, 36.6, "SY", "admin1", 3),
    "Saraqib": (35.864, 36.806, "SY", "city", 1),
    "Kurdistan Region": (36.4, 44.3, "IQ", "admin1", 3),
    "Al-Omar oil field": (35.06, 40.48, "SY", "oilfield", 1),
    "Al-Walid crossing": (36.56, 41.93, "SY", "crossing", 1),
}


def _spans(text: str, surface: str) -> list[Span]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append(Span(i, i + len(surface), surface))
        i = text.find(surface, i + 1)
    return out


def make_doc(
    text: str,
    places: dict[str, str] | None = None,
    actors: dict[str, str] | None = None,
    times: dict[str, tuple[str, str]] | None = None,
    claims: list[tuple[str, str, str, str]] | None = None,
    published: str | None = "2024-03-10",
) -> Document:
    """places: surface -> name in PLACES; actors: surface -> English name;
    times: surface -> (start, end); claims: (source, cue, stance, content surface)."""
    doc = Document(id="t", text=text, published=published)
    n = 0
    for surface, name in (places or {}).items():
        lat, lon, cc, feat, prec = PLACES[name]
        n += 1
        doc.entities.append(Entity(f"place-{n}", "place", name, surface, _spans(doc.text, surface), PlaceInfo(lat, lon, cc, feat, None, prec)))
    n = 0
    for surface, name in (actors or {}).items():
        ent = next((e for e in doc.entities if e.name == name and e.kind == "actor"), None)
        if ent is None:
            n += 1
            ent = Entity(f"actor-{n}", "actor", name, surface, [])
            doc.entities.append(ent)
        ent.mentions.extend(_spans(doc.text, surface))
    for surface, (vs, ve) in (times or {}).items():
        for sp in _spans(doc.text, surface):
            doc.times.append(TimeExpr(sp.start, sp.end, surface, vs, ve, "day"))
    for k, (src, cue, stance, content) in enumerate(claims or [], 1):
        s = doc.text.find(src)
        c = doc.text.find(cue)
        b = doc.text.find(content)
        doc.claims.append(
            Claim(f"claim-{k}", ClaimSource(s, s + len(src), src), Span(c, c + len(cue), cue), stance, Span(b, b + len(content), content))
        )
    assert not doc.check_spans()
    return doc


def place_name(doc: Document, eid: str | None) -> str | None:
    e = doc.entity(eid)
    return e.name if e else None


def analyze_text(text: str, published: str = "2024-03-10") -> Document:
    """``text`` through the whole default pipeline (what ``rasid analyze`` runs):
    the eventness decision reads the places, times and claims the earlier
    stages find, which hand-built documents lack."""
    from rasid.pipeline import analyze

    return analyze(Document(id="t", text=text, published=published))


def type_place_date(analyzed: Analyzed, text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, place name, start date) of every event of ``text`` run through the ``analyzed`` fixture."""
    doc, names = analyzed(text)
    return [(e.type, names.get(e.place) if e.place else None, (e.time or {}).get("value_start")) for e in doc.events]

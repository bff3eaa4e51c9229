"""Pipeline stage: places.

Finds the places an article names (gazetteer matching on the matching view,
:mod:`rasid.places.match`), resolves each to a gazetteer entry or to "not a
place" (:mod:`rasid.places.resolve`) and adds one ``Entity(kind="place")`` per
distinct resolved place, with all its mentions, to ``doc.entities``.

Directional phrases ("شمال غرب العراق", "ريف دير الزور الشرقي") become their
own entity: the head place's point moved toward that side, precision 2 (a
town's countryside) or 3 (part of a country or province).

Metonymy: a country or a capital named as an actor ("تستخدمه إيران", "قالت
واشنطن", "العلاقات بين واشنطن وطهران") is not a location. An entity whose every
mention reads so is kept out of ``doc.entities`` and stored, with
``place.metonym=True``, in ``doc.meta["place_metonyms"]``; metonymic mentions of
an entity that is also named as a location are listed by index in
``attrs["metonym_mentions"]``. :func:`metonym_mentions` returns both, for the
actors stage.
"""

from __future__ import annotations

import math

from rasid.model.document import Document, Entity, PlaceInfo, Span
from rasid.places.deictic import deictic
from rasid.places.gazetteer import Entry, Gazetteer, gazetteer
from rasid.places.match import Match, find
from rasid.places.resolve import Resolved, resolve
from rasid.text import MatchView

__all__ = ["annotate", "find_places", "gazetteer", "metonym_mentions"]

def _shift(lat: float, lon: float, dn: float, de: float, dist_km: float) -> tuple[float, float]:
    norm = math.hypot(dn, de)
    if norm == 0 or dist_km <= 0:
        return lat, lon
    dn, de = dn / norm, de / norm
    la = lat + dn * dist_km / 111.0
    lo = lon + de * dist_km / (111.0 * max(0.2, math.cos(math.radians(lat))))
    return round(la, 4), round(lo, 4)


def _variant(e: Entry, m: Match) -> tuple[str, str, float, float, int, str] | None:
    """(suffix for the id, English name, lat, lon, precision, feature) of a
    directional or countryside reading, or None for the plain place."""
    if m.countryside:
        if e.feature not in ("city", "town", "village", "admin1"):
            return None
        if m.direction:
            la, lo = _shift(e.lat, e.lon, m.direction[0], m.direction[1], 20.0)
            lab = m.direction[2]
            return f"countryside-{lab}", f"{e.en} countryside ({lab})", la, lo, 2, "countryside"
        return "countryside", f"{e.en} countryside", e.lat, e.lon, 2, "countryside"
    if m.direction:
        dn, de, lab = m.direction
        if e.feature == "country":
            # halfway to the border on that side: "شرق تركيا" lies far from the centre of a wide country
            ns, ew = e.half_km if all(e.half_km) else (e.radius_km or 100, e.radius_km or 100)
            norm = math.hypot(dn, de)
            dist = 0.5 * (math.hypot(dn * ns, de * ew) / norm if norm else 0.0)
            prec = 3
        elif e.feature == "admin1":
            dist, prec = 40.0, 3
        elif e.feature in ("city", "town", "village"):
            # "شارع فلسطين شرقي بغداد": the eastern part of the city, or just
            # outside it; a small step keeps the point within the town
            dist, prec = 5.0, 2
        else:
            return None
        la, lo = _shift(e.lat, e.lon, dn, de, dist)
        name = f"{lab} {e.en}" if e.feature == "country" or lab == "central" else f"{lab} of {e.en}"
        return f"dir-{lab}", name, la, lo, prec, "region"
    return None


def find_places(view: MatchView, g: Gazetteer | None = None) -> list[Resolved]:
    """Resolved place matches in a matching view."""
    g = g or gazetteer()
    return resolve(g, find(view.text, g, view.source, view.offsets))


def annotate(doc: Document) -> None:
    """Add place entities to ``doc`` in place (replacing those of an earlier run)."""
    doc.entities[:] = [e for e in doc.entities if e.kind != "place"]
    doc.meta.pop("place_metonyms", None)
    view = doc.view
    g = gazetteer()
    found = find_places(view, g)
    # "شرق البلاد"، "في العاصمة": the article's country and its capital
    more = deictic(g, view.text, found)
    if more:
        found = sorted(found + more, key=lambda r: r.match.vs)
    by_key: dict[tuple[str, str], Entity] = {}
    taken = {e.id for e in doc.entities}
    for r in found:
        e, m = r.entry, r.match
        var = _variant(e, m)
        if var:
            suffix, name, lat, lon, prec, feat = var
            vs, ve = m.ext_vs, m.ext_ve
        else:
            suffix, name, lat, lon, prec, feat = "", e.en, e.lat, e.lon, e.precision, e.feature
            vs, ve = m.vs, m.ve
        s, t = view.to_text(vs, ve)
        span = Span(s, t, doc.text[s:t])
        if var:
            metonym = False
        elif e.feature == "country" or "capital" in e.flags:
            # a country or a capital is a place only where named as a location;
            # elsewhere it stands for its state or government ("قالت دمشق")
            metonym = not m.extra.get("locative")
        else:
            metonym = False
        key = (e.id, suffix)
        ent = by_key.get(key)
        if ent is None:
            pid = doc.new_id("place-", taken)
            taken.add(pid)
            ent = Entity(
                id=pid, kind="place", name=name,
                name_ar=e.ar if not var else span.text,
                place=PlaceInfo(lat=lat, lon=lon, country=e.country or None, feature=feat,
                                geonames_id=e.geonames_id, precision=prec,
                                admin1=e.admin1 or None, gazetteer_id=e.id, metonym=metonym),
                attrs={"metonym_mentions": []} if metonym else {},
            )
            by_key[key] = ent
            doc.entities.append(ent)
        ent.mentions.append(span)
        if metonym:
            ent.attrs.setdefault("metonym_mentions", []).append(len(ent.mentions) - 1)
    # An entity is a metonym only when every mention is one (a country or a
    # capital named only as an actor: "تستخدمه إيران", "لم تخفِ واشنطن"); those
    # are kept aside in doc.meta["place_metonyms"], not as places on the map.
    metonyms = []
    for ent in by_key.values():
        mm = ent.attrs.get("metonym_mentions")
        if ent.place is not None:
            ent.place.metonym = False
        if ent.place is not None and mm and len(mm) == len(ent.mentions):
            ent.place.metonym = True
            ent.attrs.pop("metonym_mentions", None)
            metonyms.append(ent)
    if metonyms:
        ids = {e.id for e in metonyms}
        doc.entities[:] = [e for e in doc.entities if e.id not in ids]
        doc.meta.setdefault("place_metonyms", []).extend(e.to_dict() for e in metonyms)


def metonym_mentions(doc: Document) -> list[tuple[Entity, Span]]:
    """Every mention of a place named as an actor (its state or government),
    with its place entity: the entities kept in ``doc.meta["place_metonyms"]``
    (every mention metonymic) and the metonymic mentions of place entities
    that are also named as locations (``attrs["metonym_mentions"]``)."""
    out: list[tuple[Entity, Span]] = []
    for d in doc.meta.get("place_metonyms", []):
        ent = Entity.from_dict(d)
        out += [(ent, m) for m in ent.mentions]
    for ent in doc.entities:
        if ent.kind == "place":
            out += [(ent, ent.mentions[i]) for i in ent.attrs.get("metonym_mentions", [])
                    if i < len(ent.mentions)]
    out.sort(key=lambda t: t[1].start)
    return out

"""An English one-line summary of a merged event, generated from its fields.

For analysts who do not read Arabic, e.g. ``Air/drone strike by US forces on
ISIS near Al-Mayadin (SY), 2024-02-07, 3 killed (7 independent sources via 4
outlets; denied by CENTCOM)``. Nothing is translated: every word comes from a
field (ACLED sub-event type or PLOVER type, canonical English actor and place
names, counts), so the line never says more than the record.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

#: English wording of a PLOVER type when no ACLED sub-event type says more.
TYPE_WORDS = {
    "ASSAULT": "Attack", "MOBILIZE": "Mobilisation", "COERCE": "Coercion", "THREATEN": "Threat",
    "PROTEST": "Protest", "RIOT": "Riot", "CONSULT": "Meeting", "AGREE": "Agreement", "AID": "Aid",
    "SUPPORT": "Support", "REQUEST": "Request", "ACCUSE": "Accusation", "REJECT": "Rejection",
    "SANCTION": "Sanction", "RETREAT": "Withdrawal", "CONCEDE": "Concession", "COOPERATE": "Cooperation",
}
#: Sub-event types that a more specific report of the same event refines.
_GENERIC = {"Attack", "Armed clash"}
#: Place precision -> preposition (a country centre is "in", a point "near").
_PREP = {"point": "near", "area": "in", "country": "in"}


def _latin(s: Any) -> str | None:
    """``s`` when it is a non-empty name in Latin script (Arabic names are left out of the English line)."""
    if not isinstance(s, str) or not s.strip():
        return None
    s = " ".join(s.split())
    return s if not any("\u0600" <= c <= "\u06ff" for c in s) else None


def _most_common(values: Iterable[Any]) -> str | None:
    c = Counter(v for v in (_latin(x) for x in values) if v)
    return c.most_common(1)[0][0] if c else None


def what(merged: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """The kind of event: the most common ACLED sub-event type when it is specific, else the PLOVER type."""
    subs = Counter(e.get("acled_sub_event_type") for e in events
                   if e.get("acled_sub_event_type") and e.get("acled_sub_event_type") != "Other")
    specific = Counter({k: n for k, n in subs.items() if k not in _GENERIC})
    if specific or subs:
        return (specific or subs).most_common(1)[0][0]
    if not any(e.get("acled_event_type") for e in events):
        from rasid.export import acled_types

        mapped = Counter(acled_types(e)[1] for e in events if e.get("type"))
        mapped.pop("Other", None)
        if mapped:
            return mapped.most_common(1)[0][0]
    t = (merged.get("type") or "").upper()
    return TYPE_WORDS.get(t, t.title() or "Event")


def summary_line(merged: dict[str, Any], events: list[dict[str, Any]] | None = None) -> str:
    """One English line for a merged event (the ``merged_events`` JSON or row) and the event
    rows of its reports (``events`` table columns; may be empty)."""
    events = events or []
    asserted = [e for e in events if e.get("modality") not in ("denied", "negated") and e.get("stance") != "deny"]
    pool = asserted or events
    parts = [what(merged, pool)]
    # an event whose actor is also its target has roles the extraction could not tell apart: left out
    clear = [e for e in pool if not (e.get("actor_name") and e.get("actor_name") == e.get("recipient_name"))]
    actor = _most_common(e.get("actor_name") for e in clear)
    target = _most_common(e.get("recipient_name") for e in clear)
    if actor:
        parts.append(f"by {actor}")
    if target and target != actor:
        parts.append(f"on {target}")
    place = merged.get("place") if isinstance(merged.get("place"), dict) else {}
    pname = _latin(place.get("name")) or _latin(merged.get("place_name")) or _latin(merged.get("best_place"))
    country = place.get("country") or merged.get("country")
    if pname:
        prec = merged.get("precision_class") or "point"
        parts.append(f"{_PREP.get(prec, 'in')} {pname}" + (f" ({country})" if country and country != pname else ""))
    head = " ".join(parts)
    when = merged.get("best_date") or merged.get("date_start")
    if when:
        head += f", {when}"
    killed = sorted(e.get("fatalities") for e in pool if isinstance(e.get("fatalities"), int))
    if killed:
        # the lower median of the reports' counts: one report's outlier (7000 for 7) does not set it
        head += f", {killed[(len(killed) - 1) // 2]} killed"
    src = []
    ind, outlets = merged.get("independent_sources"), merged.get("outlets")
    if isinstance(ind, int) and ind:
        src.append(f"{ind} independent source{'s' if ind != 1 else ''}"
                   + (f" via {outlets} outlet{'s' if outlets != 1 else ''}" if isinstance(outlets, int) else ""))
    elif isinstance(outlets, int) and outlets:
        src.append(f"{outlets} outlet{'s' if outlets != 1 else ''}")
    if merged.get("contradicted"):
        sides = merged.get("sides") or {}
        deniers = []
        for d in sides.get("deny", []) if isinstance(sides, dict) else []:
            name = _latin(d.get("source_name")) or _latin(d.get("actor"))
            if name and name not in deniers:
                deniers.append(name)
        names = [n for n in (_latin(e.get("source_name")) for e in events if e.get("stance") == "deny"
                             or e.get("modality") == "denied") if n]
        for n in names:
            if n not in deniers:
                deniers.append(n)
        src.append("denied by " + ", ".join(deniers[:3]) if deniers else "denied by a source")
    if src:
        head += f" ({'; '.join(src)})"
    mods = {e.get("modality") for e in events if e.get("modality")}
    if mods and "asserted" not in mods:
        if mods <= {"denied", "negated"}:
            head = "Denied or did not happen: " + head
        elif "planned" in mods:
            head = "Planned: " + head
        else:
            head = "Unconfirmed: " + head
    return head


__all__ = ["TYPE_WORDS", "summary_line", "what"]

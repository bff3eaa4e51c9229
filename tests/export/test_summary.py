"""The English one-line summary of a merged event (rasid.export.summary)."""

from __future__ import annotations

from rasid.export.summary import summary_line


def _ev(**kw):
    base = {"type": "ASSAULT", "modality": "asserted", "stance": "assert"}
    return {**base, **kw}


MERGED = {"id": "m", "type": "ASSAULT", "place": {"name": "Al-Mayadin", "name_ar": "الميادين", "country": "SY"},
          "best_date": "2024-02-07", "independent_sources": 7, "outlets": 4, "contradicted": True,
          "sides": {"deny": [{"doc_id": "d8", "event_id": "event-1"}]}}


def test_full_line_with_denial():
    evs = [_ev(acled_sub_event_type="Attack", actor_name="US-led coalition", recipient_name="ISIS", fatalities=4),
           _ev(acled_sub_event_type="Air/drone strike", actor_name="US-led coalition", fatalities=3),
           _ev(acled_sub_event_type="Air/drone strike", modality="denied", stance="deny", source_name="CENTCOM")]
    assert summary_line(MERGED, evs) == ("Air/drone strike by US-led coalition on ISIS near Al-Mayadin (SY), 2024-02-07, "
                                         "3 killed (7 independent sources via 4 outlets; denied by CENTCOM)")  # lower median of 4, 3


def test_never_arabic_and_unclear_roles_left_out():
    evs = [_ev(actor_name="Iran", recipient_name="Iran", fatalities=3), _ev(actor_name="فصيل مسلح")]
    line = summary_line({**MERGED, "contradicted": False}, evs)
    assert line.isascii() and " by " not in line and "3 killed" in line
    assert line.startswith("Armed clash near Al-Mayadin")  # PLOVER ASSAULT mapped through the ACLED table


def test_modality_prefix_and_minimal_record():
    assert summary_line({"type": "RETREAT"}, [_ev(type="RETREAT", modality="negated")]).startswith("Denied or did not happen: ")
    assert summary_line({"type": "MOBILIZE"}, [_ev(type="MOBILIZE", modality="planned")]).startswith("Planned: ")
    assert summary_line({"type": "PROTEST"}) == "Protest"
    one = summary_line({"type": "AID", "independent_sources": 1, "outlets": 1, "place_name": "Aleppo",
                        "precision_class": "area", "country": "SY"})
    assert one == "Aid in Aleppo (SY) (1 independent source via 1 outlet)"


def test_one_outlier_does_not_set_the_count():
    evs = [_ev(fatalities=7000), _ev(fatalities=7), _ev(fatalities=8)]
    assert ", 8 killed" in summary_line({"type": "ASSAULT"}, evs)

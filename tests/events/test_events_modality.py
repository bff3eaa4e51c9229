"""Modality from cue words and from the claim that carries the event."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events import extract


@pytest.mark.parametrize(
    "text,modality",
    [
        ("شنت الطائرات الروسية غارات على ريف إدلب.", "asserted"),
        ("تخطط القوات التركية لشن هجوم على مواقع الفصائل.", "planned"),
        ("تستعد القوات لشن هجوم على المدينة.", "planned"),
        ("قد تشن إسرائيل غارات جديدة على مواقع في سوريا.", "speculated"),
        ("ربما يشن الجيش هجوماً واسعاً خلال الأيام المقبلة.", "speculated"),
        ("في حال اندلعت اشتباكات مع الجيش فإن المدنيين سيدفعون الثمن.", "hypothetical"),
        ("لم تقصف الطائرات أي موقع في المنطقة.", "negated"),
        ("وكانت القوات قد قصفت البلدة قبل أسبوع.", "asserted"),
        ("ومن المقرر أن يعقد الوزراء اجتماعاً في بغداد الأسبوع المقبل.", "planned"),
        ("قال القائد إن قواته ستضرب المواقع إذا استمر القصف على المدينة.", "hypothetical"),
    ],
)
def test_cues(text: str, modality: str) -> None:
    evs = extract(make_doc(text))
    assert evs, text
    assert evs[0].modality == modality


def test_denied_inside_deny_claim() -> None:
    text = "نفت وزارة الدفاع أن تكون طائراتها قصفت مستشفى في المدينة."
    doc = make_doc(text, claims=[("وزارة الدفاع", "نفت", "deny", "أن تكون طائراتها قصفت مستشفى في المدينة")])
    (e,) = extract(doc)
    assert e.modality == "denied"
    assert e.claim == "claim-1"


def test_speculated_inside_speculative_claim() -> None:
    text = "يعتقد محللون أن الجيش قصف مواقع المعارضة."
    doc = make_doc(text, claims=[("محللون", "يعتقد", "speculate", "أن الجيش قصف مواقع المعارضة")])
    (e,) = extract(doc)
    assert e.modality == "speculated"


def test_weak_trigger_not_reported_when_only_planned() -> None:
    # a movement that is only intended, told with a weak trigger, is no event
    assert extract(make_doc("يدرس الجيش تحريك قوات نحو الحدود.")) == []


def test_threatened_attack_is_planned() -> None:
    evs = extract(make_doc("وهدد قائد الفصيل بشن هجوم على القاعدة."))
    assert [(e.type, e.modality) for e in evs] == [("THREATEN", "asserted"), ("ASSAULT", "planned")]


def test_could_not_is_negated() -> None:
    from ev_helpers import make_doc

    from rasid.events import extract

    # positive control: told as done, the deployment is an asserted event
    done = extract(make_doc("تمكنت القوات من نشر وحداتها في المدينة أمس."))
    assert [(e.type, e.modality) for e in done] == [("MOBILIZE", "asserted")]
    evs = extract(make_doc("ولم تتمكن القوات من نشر وحداتها في المدينة بسبب الطقس."))
    assert all(e.modality == "negated" for e in evs)  # (none at all at present)


def test_cue_lookup_equals_trying_every_cue() -> None:
    """cue_modality looks the tokens in reach up in a per-word cue index; it finds
    what trying every cue at every token of its window finds (the sample articles
    and the sentences above)."""
    import json
    from importlib import resources

    from rasid.events import modality
    from rasid.events.arguments import fill
    from rasid.events.detect import detect
    from rasid.pipeline import Pipeline

    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()][:8]
    pipe = Pipeline.default()
    n = 0
    for text in texts:
        doc = pipe(make_doc(text))
        doc.events.clear()
        mentions = detect(doc)
        fill(doc, mentions)
        for m in mentions:
            assert modality.cue_modality(doc, m) == modality._cue_modality_slow(doc, m)
            n += modality._cue_modality_slow(doc, m) is not None
    assert n > 0

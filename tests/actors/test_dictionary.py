from __future__ import annotations

import pytest

from rasid.actors import annotate
from rasid.actors.dictionary import DictionaryError, build, load_dictionary, load_rows, validate
from rasid.model.document import Document
from rasid.text import fold_key


def test_packaged_dictionary_is_valid_and_large():
    rows = load_rows()
    assert validate(rows) == []
    d = load_dictionary()
    assert len(d) >= 150


def test_control_the_stage_links_dictionary_aliases():
    """Positive control: the aliases of the dictionary become actor entities."""
    doc = Document(id="t", text="هاجم مقاتلو قسد مواقع داعش قرب مقر الحشد الشعبي.")
    annotate(doc)
    assert [e.attrs.get("actor_id") for e in doc.entities if e.kind == "actor"] == ["sdf", "isis", "pmf"]


@pytest.mark.parametrize(
    "alias, eid",
    [
        ("قسد", "sdf"),
        ("قوات سورية الديمقراطية", "sdf"),
        ("داعش", "isis"),
        ("تنظيم الدولة الإسلامية", "isis"),
        ("الحشد الشعبي", "pmf"),
        ("كتائب حزب الله", "kataib_hezbollah"),
        ("المليشيات الإيرانية", "iran_backed_militias"),
        ("إطار التنسيق", "coordination_framework"),
        ("الحرس الجمهوري", "republican_guard"),
        ("المرصد السوري لحقوق الإنسان", "sohr"),
        ("نداء بوست", "nedaa_post"),
    ],
)
def test_aliases(alias, eid):
    assert load_dictionary().lookup(alias).id == eid


def test_parents_and_attrs():
    d = load_dictionary()
    rg = d.get("republican_guard")
    assert rg.parent == "syrian_gov_forces"
    a = rg.attrs()
    assert a["actor_id"] == "republican_guard" and a["acled_inter"] == 1 and a["country"] == "SY"
    assert d.get("kataib_hezbollah").parent == "pmf"


def test_validation_catches_problems():
    rows = [
        {"id": "a", "name": "A", "name_ar": "أ", "kind": "actor", "type": "militia", "country": "SY",
         "sector": "MIL", "inter": 3, "aliases": ["جماعة ألف"]},
        {"id": "b", "name": "B", "name_ar": "ب", "kind": "actor", "type": "militia", "country": "SY",
         "sector": "MIL", "inter": 3, "aliases": ["جماعة الف"], "parent": "zzz"},
        {"id": "c", "name": "C", "kind": "actor", "type": "militia", "country": "SY", "sector": "MIL", "inter": 9,
         "aliases": ["جيم"]},
    ]
    problems = " ".join(validate(rows))
    assert "already used by a" in problems  # folded duplicate (ألف = الف)
    assert "unknown parent" in problems
    assert "missing name_ar" in problems
    assert "inter" in problems
    with pytest.raises(DictionaryError):
        build(rows)


def test_ambiguous_alias_allowed_when_marked():
    rows = [
        {"id": "a", "name": "A", "name_ar": "أ", "kind": "actor", "type": "militia", "country": "SY",
         "sector": "MIL", "inter": 3, "aliases": ["الجماعة"]},
        {"id": "b", "name": "B", "name_ar": "ب", "kind": "actor", "type": "militia", "country": "IQ",
         "sector": "MIL", "inter": 3, "aliases": ["الجماعة"], "ambiguous": ["الجماعة"]},
    ]
    assert validate(rows) == []
    assert build(rows).aliases[fold_key("الجماعة")].entry_id == "a"


def test_build_script_validates(tmp_path):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_actors.py"
    spec = importlib.util.spec_from_file_location("build_actors", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main([]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, name: X, kind: actor, type: militia, country: SY, sector: MIL, inter: 3, aliases: [س]}\n",
                   encoding="utf-8")
    assert mod.main(["--yaml", str(bad)]) == 1

from __future__ import annotations

from typer.testing import CliRunner

from rasid.actors.ner import default_tagger
from rasid.cli import app


def test_rasid_ner_roundtrip(tmp_path):
    assert default_tagger() is not None, "the packaged NER model is missing (src/rasid/actors/models)"
    src = tmp_path / "in.txt"
    src.write_text("قال O\nوزير O\nالخارجية O\nسامح B-PERS\nشكري I-PERS\nفي O\nالقاهرة B-LOC\n\nزار\nبغداد\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    r = CliRunner().invoke(app, ["ner", "--conll", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    lines = out.read_text(encoding="utf-8").split("\n")
    toks = [ln.split(" ")[0] for ln in lines if ln]
    assert toks == ["قال", "وزير", "الخارجية", "سامح", "شكري", "في", "القاهرة", "زار", "بغداد"]
    tags = [ln.split(" ")[1] for ln in lines if ln]
    assert all(t == "O" or t[:2] in ("B-", "I-") and t[2:] in ("PERS", "LOC", "ORG", "MISC") for t in tags)
    assert lines.count("") >= 2  # sentence break kept


def test_rasid_ner_keeps_tokens_verbatim(tmp_path):
    assert default_tagger() is not None, "the packaged NER model is missing (src/rasid/actors/models)"
    src = tmp_path / "in.txt"
    src.write_text("\ufeff\u200eزار\tO\r\n\u200eبغداد\tB-LOC\r\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    r = CliRunner().invoke(app, ["ner", "--conll", str(src), "-o", str(out), "--eval"])
    assert r.exit_code == 0, r.output
    toks = [ln.split(" ")[0] for ln in out.read_text(encoding="utf-8").split("\n") if ln]
    assert toks == ["\u200eزار", "\u200eبغداد"]

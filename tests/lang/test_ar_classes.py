"""Shared Arabic word classes (rasid.lang.ar): named affixes and particles, the
class files, and the stage lists built from them."""

from __future__ import annotations

import pytest

from rasid import lang
from rasid.lang import ar
from rasid.text import fold


def test_named_affixes_and_particles() -> None:
    assert ar.affixes("wa", "fa") == ("و", "ف")
    assert ar.affix("ta_marbuta", fold=fold) == "ه"  # ة as the matching view writes it
    assert ar.particles("lam", "lan") == ("لم", "لن")
    with pytest.raises(KeyError, match="affixes.tsv: no entry named 'nope'"):
        ar.affix("nope")


def test_every_named_form_is_folded_or_folds_once() -> None:
    for path in (ar.AFFIXES, ar.PARTICLES):
        for row in lang.rows(path, 4, min_cols=2):
            assert fold(fold(row[1])) == fold(row[1]), row


def test_class_files_fold_without_collisions() -> None:
    for path in (ar.NEGATORS, ar.RELATIVES, ar.PLACE_NOUNS, ar.APPROXIMATORS):
        assert lang.words(path, fold=fold)
    assert "الذي" in lang.words(ar.RELATIVES, fold=fold)
    assert fold("حوالى") in lang.words(ar.APPROXIMATORS, fold=fold)


def test_quantity_nouns_by_number() -> None:
    plural = ar.quantity_nouns("plural", fold=fold)
    assert fold("آلاف") in plural and fold("ألف") not in plural
    assert set(plural) < set(ar.quantity_nouns(fold=fold))


def test_punctuation_marks() -> None:
    assert (ar.COMMA, ar.SEMICOLON, ar.QUESTION_MARK) == ("\u060c", "\u061b", "\u061f")

"""Shared Arabic word classes (``data/``), read through :mod:`rasid.lang`.

A stage's own lists stay in its ``data/`` folder; what several stages need is
here. Every file is written in ordinary Arabic; callers fold on load with the
function they match with (``fold`` or ``fold_key`` of :mod:`rasid.text`).

Files (paths as constants below):

- ``negators.txt`` (:data:`NEGATORS`): negation particles, لم لن لا ما ليس غير.
- ``relatives.txt`` (:data:`RELATIVES`): relative pronouns, التي الذي الذين ...
- ``place_nouns.txt`` (:data:`PLACE_NOUNS`): place-type nouns that stand
  between a preposition and a place name (مدينة، بلدة، ريف ...).
- ``approximators.txt`` (:data:`APPROXIMATORS`): words that make a following
  number approximate (حوالي، نحو، ما لا يقل عن ...).
- ``quantity_nouns.tsv`` (:data:`QUANTITY_NOUNS`, :func:`quantity_nouns`):
  nouns of number that head a count (عشرات، مئات، آلاف; ألف، مئة), plural or
  singular.
- ``affixes.tsv`` (:func:`affix`, :func:`affixes`): clitics, affixes and
  letters code tests a word's edges for, by name: ``wa`` و، ``fa`` ف، ``bi``
  ب، ``li`` ل، ``al`` ال، ``lil`` لل، ``at`` ات، ``ta_marbuta`` ة ...
- ``letter_names.txt`` (:data:`LETTER_NAMES`): Latin letters as spelt in dotted
  acronyms (سي، آي، إيه ...), for the sentence splitter.
- ``particles.tsv`` (:func:`particle`, :func:`particles`): single function
  words code compares a word with, by name: ``min`` من، ``an`` عن، ``bayna``
  بين، ``qad`` قد، ``lam`` لم، ``lan`` لن ...

Arabic punctuation marks are the only Arabic in code (:data:`COMMA`,
:data:`SEMICOLON`, :data:`QUESTION_MARK`): single characters, not word lists.

    >>> affixes("wa", "fa")
    ('و', 'ف')
    >>> particle("min")
    'من'
"""

from __future__ import annotations

from functools import lru_cache

from rasid.lang import Fold, rows

NEGATORS = "lang/ar/data/negators.txt"
RELATIVES = "lang/ar/data/relatives.txt"
PLACE_NOUNS = "lang/ar/data/place_nouns.txt"
APPROXIMATORS = "lang/ar/data/approximators.txt"
QUANTITY_NOUNS = "lang/ar/data/quantity_nouns.tsv"
AFFIXES = "lang/ar/data/affixes.tsv"
PARTICLES = "lang/ar/data/particles.tsv"
LETTER_NAMES = "lang/ar/data/letter_names.txt"

#: Arabic punctuation (single marks, kept in code: they are not word lists).
COMMA = "،"
SEMICOLON = "؛"
QUESTION_MARK = "؟"


@lru_cache(maxsize=None)
def _table(path: str, fold: Fold | None) -> dict[str, str]:
    """name -> folded form of a named table (``affixes.tsv``, ``particles.tsv``)."""
    return {r[0]: r[1] for r in rows(path, 4, fold=fold, fold_cols=(1,), min_cols=2)}


def _named(path: str, name: str, fold: Fold | None) -> str:
    try:
        return _table(path, fold)[name]
    except KeyError:
        raise KeyError(f"{path}: no entry named {name!r}") from None


def affix(name: str, fold: Fold | None = None) -> str:
    """The affix named ``name`` in ``affixes.tsv`` (folded with ``fold``)."""
    return _named(AFFIXES, name, fold)


def affixes(*names: str, fold: Fold | None = None) -> tuple[str, ...]:
    """The affixes named ``names``, in that order."""
    return tuple(affix(n, fold) for n in names)


def particle(name: str, fold: Fold | None = None) -> str:
    """The function word named ``name`` in ``particles.tsv`` (folded with ``fold``)."""
    return _named(PARTICLES, name, fold)


def particles(*names: str, fold: Fold | None = None) -> tuple[str, ...]:
    """The function words named ``names``, in that order."""
    return tuple(particle(n, fold) for n in names)


def quantity_nouns(number: str | None = None, fold: Fold | None = None) -> tuple[str, ...]:
    """Nouns of number of ``quantity_nouns.tsv`` (only the ``plural`` or
    ``singular`` ones when ``number`` is given), in file order."""
    return tuple(r[0] for r in rows(QUANTITY_NOUNS, 2, fold=fold) if number in (None, r[1]))

"""Short Arabic forms the actors rules name: the article, proclitic sets, endings.

They live in ``data/forms.tsv`` (name, forms, note), read folded through
:mod:`rasid.lang`, so the code says ``ARTICLE`` or ``forms("surname")`` instead
of spelling Arabic letters::

    >>> ARTICLE == fold("ال") and "وال" in forms("definite")
    True
"""

from __future__ import annotations

from functools import lru_cache

from rasid import lang
from rasid.errors import ModelDataError
from rasid.text import fold

FORMS_FILE = "actors/data/forms.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    rows = lang.rows(FORMS_FILE, 3, fold=fold, fold_cols=(1,), min_cols=2)
    return {name: tuple(col.split()) for name, col, _ in rows}


def forms(name: str) -> tuple[str, ...]:
    """The folded forms listed under ``name``, in file order."""
    try:
        return _table()[name]
    except KeyError:
        raise ModelDataError(f"{FORMS_FILE}: no row {name!r}") from None


def form(name: str) -> str:
    """The one folded form listed under ``name``."""
    got = forms(name)
    if len(got) != 1:
        raise ModelDataError(f"{FORMS_FILE}: row {name!r} holds {len(got)} forms, expected 1")
    return got[0]


#: the definite article (ال), li- (ل) and li- + article (لل), folded.
ARTICLE = form("article")
LI = form("li")
LI_ARTICLE = form("li_article")
#: the masculine and feminine (folded يه) nisba endings.
NISBA = form("nisba")
NISBA_FEM = form("nisba_fem")
#: the conjunction و alone, and the conjunctions و ف.
WA = form("wa")
CONJ = forms("conj")
#: the one-letter proclitics و ف ب ل.
ONE_LETTER = forms("one_letter")

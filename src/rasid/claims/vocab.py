"""The claims stage's small word classes, read from ``data/`` through :mod:`rasid.lang`.

Closed classes the rules test a token against (particles, affixes, function
words) are rows of ``data/particles.tsv``, each under the name the code uses;
the longer classes (openers, prepositions, time words ...) are one ``.txt``
file each, read by :mod:`rasid.claims.grammar` and :mod:`rasid.claims.assemble`.
Words are written in the matching form of token ``norm`` and are not folded
on load, so they compare as they did when they were literals in the code.

Punctuation is not language data: it lives in :mod:`rasid.claims.tokens`.
"""

from __future__ import annotations

from functools import lru_cache

from rasid import lang
from rasid.lang import ar
from rasid.errors import ModelDataError

DATA = "claims/data/"
PARTICLES = DATA + "particles.tsv"


def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/<name>`` (one per line), as they are written."""
    return lang.words(DATA + name)


def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>`` in file order (for ``startswith`` and first-match lists)."""
    return tuple(ln.strip() for _, ln in lang.lines(DATA + name))


@lru_cache(maxsize=1)
def _particles() -> dict[str, tuple[str, ...]]:
    return {name: tuple(forms.split()) for name, forms, _ in lang.rows(PARTICLES, 3, min_cols=2)}


def forms(name: str) -> tuple[str, ...]:
    """The forms of one row of ``particles.tsv``, in their order."""
    try:
        return _particles()[name]
    except KeyError:
        raise ModelDataError(f"{PARTICLES}: no row {name!r}") from None


def form(name: str) -> str:
    """The single form of one row of ``particles.tsv``."""
    out = forms(name)
    if len(out) != 1:
        raise ModelDataError(f"{PARTICLES}: row {name!r} has {len(out)} forms, expected 1")
    return out[0]


# -- proclitics and affixes
CONJ = forms("conj")  # و ف
WA = form("wa")
ARTICLE = form("article")
ARTICLE_WA = forms("article_wa")  # ال وال
ARTICLE_CONJ = forms("article_conj")  # ال وال فال
NOUN_PREFIXES = forms("noun_prefixes")
HEAD_PROCLITICS = forms("head_proclitics")
LI = form("li")
LIL = form("lil")
BI = form("bi")
KA = form("ka")
WASL = form("wasl")
FIRST_PERSON = form("first_person")
FIRST_PERSON_PLURAL = form("first_person_plural")
ACCUSATIVE = form("accusative")
DEFECTIVE_WRITTEN, DEFECTIVE_LEXICON = forms("defective_ending")
PRESENT_PREFIXES = forms("present_prefixes")  # ي ت
PRESENT_M, PRESENT_F = PRESENT_PREFIXES
PAST_F = form("past_feminine")
FEMININE = form("feminine_ending")
PLURAL_OBLIQUE = form("plural_oblique")
PLURAL_ENDINGS = forms("plural_endings")
MASCULINE_PLURAL_ENDINGS = forms("masculine_plural_endings")
PLURAL_PAST = forms("plural_past")
PLURAL_NOUN_ENDINGS = forms("plural_noun_endings")
FEMININE_NOUN_ENDINGS = forms("feminine_noun_endings")
POSSESSED_ENDINGS = forms("possessed_endings")
IYYA = form("iyya")
CONDITIONALS = forms("conditionals")
POST_NOUNS = forms("post_nouns")
FOR_PRONOUNS = forms("for_pronouns")
TA_MARBUTA = ar.affix("ta_marbuta")  # ة as written: folding makes it look like the pronoun ه
MASCULINE_HEAD_ENDINGS = forms("masculine_head_endings")
NISBA_ENDS = forms("nisba_endings")
OBJECT_PRONOUNS = forms("object_pronouns")
POSSESSIVE_3 = forms("possessive_third")
NOT_NAME_ENDINGS = forms("not_name_endings")
POSSESSIVE_1 = forms("possessive_first")

# -- function words
MA = form("ma")
AN = form("an")
MIN = form("min")
QAD = form("qad")
QAD_FORMS = forms("qad_forms")
KANA = frozenset(forms("kana"))
FRONTING = frozenset(forms("fronting"))
KANA_PRESENT = frozenset(forms("kana_present"))
SABAQA = frozenset(forms("sabaqa"))
SAYING = frozenset(forms("saying"))
QAILAN_FORMS = forms("qailan_forms")
BY_AGENT = forms("by_agent")  # من قبل
ALA_HADD = form("ala_hadd")
ALA_MA = form("ala_ma")
MITHLAMA = form("mithlama")
FA = form("fa")
KAMA = form("kama")
CAME_IN = forms("came_in")

# -- positions of the extractor
NOT_BEFORE_OPENER = frozenset(forms("not_before_opener"))
VERBAL_NOUN_PREP = forms("verbal_noun_prep")
SETTING_PREP = forms("setting_prep")
OBJECT_PREFIXES = forms("object_prefixes")
WHAT_PRONOUNS = forms("what_pronouns")
FI_PRONOUN = forms("fi_pronoun")
SETTING_HEADS = forms("setting_heads")
STATEMENT_NOUNS = forms("statement_nouns")
ANNOUNCEMENT_NOUNS = forms("announcement_nouns")
REASON_NOUNS = forms("reason_nouns")
NOT_IN_SOURCE = forms("not_in_source")
RESUMPTIVE = forms("resumptive")
AN_PRONOUNS = forms("an_pronouns")

# -- source phrases
LOOSE_INSIDE = forms("loose_inside")
BISM = form("bism")
NP_LINK_PREPS = forms("np_link_preps")
AFFILIATION_PREPS = forms("affiliation_preps")
NOT_SPEAKER_PREFIXES = forms("not_speaker_prefixes")
PLACE_PREPS = forms("place_preps")
FEATURE_PREPS = forms("feature_preps")
DEMONSTRATIVE_OBJECTS = forms("demonstrative_objects")
MODIFIER_PREFIXES = forms("modifier_prefixes")
FI = form("fi")
SAME_WORDS = frozenset(forms("same_words"))
ABBREV_TITLES = frozenset(forms("abbrev_titles"))
AMMA = form("amma")
TOPIC_PREPS = frozenset(forms("topic_preps"))
IN_IT_OR_THAT = frozenset(forms("in_it_or_that"))
ISSUED_BY = frozenset(forms("issued_by"))
NAME_TIMES = frozenset(forms("name_times"))  # "صباح" as a first name
NOMINATIVE_PLURAL = form("nominative_plural")  # "ناشطون" takes no genitive

"""Word classes and the draft records the attribution rules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.claims.lexicon import lexicon
from rasid.claims.sources import Source
from rasid.claims.tokens import bare
from rasid.claims.vocab import (
    CONJ,
    DEFECTIVE_LEXICON,
    FEMININE,
    MA,
    MASCULINE_HEAD_ENDINGS,
    PAST_F,
    PLURAL_ENDINGS,
    PLURAL_OBLIQUE,
    PRESENT_F,
    PRESENT_M,
    word_set,
)
from rasid.model.document import Span
from rasid.text import fold_key

WINDOW = 24  # tokens searched for a content opener after a cue
PRODROP_SENTENCES = 3  # sentences back a left-out subject is looked for

# Word classes (``data/*.txt``, written as token norm; see :mod:`rasid.claims.vocab`)
GENERIC_OPENERS = word_set("generic_openers.txt")  # أن/إن and their pronoun forms
# words that open direct speech with no mark before it ("قال الوزير نحن مطالبون"): cues with ``direct``
DIRECT_OPENERS = word_set("direct_openers.txt")
# passive verbs that open the words of a left-out speaker ("وقال تم الجلوس مع ...")
IMPERSONAL_OPENERS = word_set("impersonal_openers.txt")
LIKE_PREP = word_set("like_preps.txt")  # "بحسب ما", "مثلما"
#: the same written together with "ما" ("حسبما أفادت X", "وبحسبما ذكرت")
LIKE_PREP_MA = frozenset(p + MA for p in LIKE_PREP if not p.endswith(MA))
# "ب" joined to a word that is not an opener ("المتحدث باسم", "في بغداد")
NOT_BI = word_set("not_bi.txt")
PREPOSITIONS = word_set("prepositions.txt")
ADVERBS = word_set("adverbs.txt")
MANNER_HEADS = word_set("manner_heads.txt")  # "بشكل قاطع", "بصورة واضحة": a two-word manner phrase
TIME_WORDS = word_set("time_words.txt")
# words that open a sentence-initial phrase closed by a comma ("من جهته،", "وفي ريف حلب،")
OPENING_WORDS = word_set("opening_words.txt")
SIDE_WORDS = word_set("side_words.txt")  # "من جهته" with no comma after it
CONTRAST_WORDS = word_set("contrast.txt")  # "لكن", "بينما": a new clause starts
RELATIVES = word_set("relatives.txt")
DEMONSTRATIVES = word_set("demonstratives.txt")
SAYING_NOUNS = tuple(sorted(word_set("saying_nouns.txt")))  # stems, for ``startswith``
FEM_PLURALS = word_set("feminine_plurals.txt")
HONORIFICS = word_set("honorifics.txt")  # "سموه", "معاليه": masculine


def verb_gender(norm: str) -> str | None:
    """"f" for أكدت/تؤكد/مؤكدة, "m" for أكد/يؤكد/تابع/مؤكدا, None when unsure (plurals, duals)."""
    forms = lexicon().forms
    n = norm[1:] if norm[:1] in CONJ and len(norm) > 3 and norm[1:] in forms else norm
    cue = forms.get(n)
    if cue is not None and cue.family == "participle":
        return "f" if n.endswith(FEMININE) else None if n.endswith(PLURAL_OBLIQUE) else "m"
    if n.endswith(PLURAL_ENDINGS):
        return None
    # أكدت، نفت - not لفت
    past_f = n.endswith(PAST_F) and (n[:-1] in forms or n[:-1] + DEFECTIVE_LEXICON in forms)
    if past_f or (n.startswith(PRESENT_F) and PRESENT_M + n[1:] in forms):
        return "f"
    return "m"


def source_gender(src: Source) -> str | None:
    words = src.span.text.split()
    if not words:
        return None
    head = bare(fold_key(words[0]))
    if head in HONORIFICS:
        return "m"
    if head.endswith(FEMININE) or head in FEM_PLURALS:
        return "f"
    if not src.head:
        return None  # a bare name ("إلسا غونزاليس"): no gender known
    if src.kind in ("named", "anonymous") or head.endswith(MASCULINE_HEAD_ENDINGS):
        return "m"
    return None


def relay_dict(src: Source) -> dict:
    """The relaying source of a chain ("نقلت وكالة X عن مصدر"), as claim attrs."""
    return {**src.span.to_dict(), "kind": src.kind, "entity": src.entity}


@dataclass
class Draft:
    cue: Span
    cue_i: int
    lemma: str
    family: str
    stance: str
    source: Source
    content_start: int
    content_end: int | None = None  # None: to the end of the sentence / quotation
    before: bool = False
    negated: bool = False
    via: "Draft | None" = None
    attrs: dict = field(default_factory=dict)
    relay: Source | None = None  # the outlet that relays the source ("نقلت صحيفة X عن مصدر"): attrs["relay"]
    relay_says: bool = False  # "نقل X عن Y": X's own claim too (not "بيان صادر عن", "نقلاً عن")


@dataclass
class Opener:
    k: int  # token index where the content opens
    start: int  # char offset of the content start
    participle: int | None = None  # "قائلة إن": the participle that led to it
    far: bool = False  # the "بـ" of an addressee verb past the one addressed (OpenerRules.far_bi)

"""Word classes and the draft records the attribution rules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.claims.lexicon import lexicon
from rasid.claims.sources import Source
from rasid.claims.tokens import bare
from rasid.model.document import Span
from rasid.text import fold_key

GENERIC_OPENERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بانه",
                             "بانها", "بانهم", "بانهما", "انما"})
WINDOW = 24
PRODROP_SENTENCES = 3
LIKE_PREP = frozenset({"بحسب", "حسب", "وبحسب", "وحسب", "وفق", "وفقا", "ووفق", "مثلما"})
# "ب" joined to a word that is not an opener ("المتحدث باسم", "في بغداد")
NOT_BI = frozenset({"باسم", "بن", "بنت", "بعد", "بين", "بيان", "بلاده", "بلادها", "بدوره", "بدورها",
                    "بل", "بها", "به", "بهم", "بنا", "بكل", "بما", "بلا"})
PREPOSITIONS = frozenset({"مع", "في", "الي", "علي", "عن", "من", "لدي", "امام", "عبر", "خلال", "بين"})
ADVERBS = frozenset({"تماما", "ايضا", "مجددا", "مرارا", "صراحه", "رسميا", "علنا", "سابقا", "لاحقا",
                     "مؤخرا", "حرفيا", "بدوره", "بدورها", "كذلك", "مضيفا", "قائلا"})
TIME_WORDS = frozenset({"امس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                        "السبت", "مساء", "صباح", "ليل", "فجر", "مؤخرا", "سابقا"})
# words that open a sentence-initial phrase closed by a comma ("من جهته،", "وفي ريف حلب،")
OPENING_WORDS = frozenset({"من", "في", "علي", "عقب", "بعد", "قبل", "خلال", "منذ", "الي", "اما", "بدوره",
                           "بدورها", "كذلك", "ايضا", "حول", "وسط", "اثر", "ازاء", "امام", "تعليقا", "ردا"})
RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
DEMONSTRATIVES = frozenset({"ذلك", "هذا", "هذه", "تلك", "ذاك"})
KANA = frozenset({"كان", "كانت", "كانوا"})
SAYING_NOUNS = ("قول", "تعبير", "وصف", "رواي", "زعم", "راي", "تقدير")
SAYING = frozenset({"قوله", "قولها", "قولهم", "قولهما"})


FEM_PLURALS = frozenset({"مصادر", "تقارير", "وثائق", "معلومات", "وسائل", "قوات", "جهات", "اوساط", "سلطات",
                         "وكالات", "صحف", "تقديرات", "فصائل", "ميليشيات", "روايات"})


def verb_gender(norm: str) -> str | None:
    """"f" for أكدت/تؤكد/مؤكدة, "m" for أكد/يؤكد/تابع/مؤكدا, None when unsure (plurals, duals)."""
    forms = lexicon().forms
    n = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 and norm[1:] in forms else norm
    cue = forms.get(n)
    if cue is not None and cue.family == "participle":
        return "f" if n.endswith("ه") else None if n.endswith("ين") else "m"
    if n.endswith(("وا", "ون", "ا", "ان", "ن")):
        return None
    past_f = n.endswith("ت") and (n[:-1] in forms or n[:-1] + "ي" in forms)  # أكدت، نفت - not لفت
    if past_f or (n.startswith("ت") and "ي" + n[1:] in forms):
        return "f"
    return "m"


def source_gender(src: Source) -> str | None:
    words = src.span.text.split()
    if not words:
        return None
    head = bare(fold_key(words[0]))
    if head.endswith("ه") or head in FEM_PLURALS:
        return "f"
    if not src.head:
        return None  # a bare name ("إلسا غونزاليس"): no gender known
    if src.kind in ("named", "anonymous") or head.endswith(("ي", "ر", "ل", "د")):
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


@dataclass
class Opener:
    k: int  # token index where the content opens
    start: int  # char offset of the content start
    participle: int | None = None  # "قائلة إن": the participle that led to it

"""Word lists of the claims stage, loaded once from ``data/*.yaml``.

``cues.yaml`` holds the attribution cues (verbs with their conjugations,
adverbial participles, nouns of saying, prepositional phrases) and their
stance; ``sources.yaml`` the vocabulary of source phrases (head nouns by
source kind, quantifiers, stop words, channel tails, stance markers). Every
word is folded with :func:`rasid.text.fold_key` so it matches token ``norm``.
Sound verbs are conjugated by the affixes of ``conjugation.tsv``. Every file is
read through :mod:`rasid.lang`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasid import lang
from rasid.claims.vocab import ARTICLE, DATA, WASL
from rasid.errors import ModelDataError
from rasid.text import fold_key

CONJUGATION = DATA + "conjugation.tsv"
#: the word lists cues.yaml may name in ``objects_file`` (a cue's bare objects, one a line)
OBJECT_FILES = ("disclosed_objects.txt",)


@dataclass(frozen=True)
class Cue:
    """One attribution cue lemma."""

    lemma: str
    family: str  # verb | participle | noun | prep
    stance: str
    preps: tuple[str, ...] = ()
    object: bool = False
    marker: bool = False
    strict: bool = False
    prodrop: bool = False
    pre_object: bool = False  # a bare object only after a subject before a past verb
    prodrop_conj: bool = False  # left-out subject only after و/ف ("ووصفه بأنه")
    chain: bool = False
    continuation: bool = False
    source: str = "subject"
    negatable: bool = False  # "لا يستبعد": negated, still a claim
    objects: frozenset[str] = frozenset()  # when set: the words a bare object may start with
    not_objects: frozenset[str] = frozenset()  # words a bare object may not start with ("أعلن الحرب")
    addressee: bool = False  # "دعا X Y إلى", "طالب X Y بـ": an addressee may follow the speaker
    addressed: bool = False  # the verb always takes the one addressed: one name alone before the content is
    # that one, not the speaker ("كما ناشد الأمم المتحدة بـ")
    wasl: bool = False  # past tense opens with a bare alef (اعتقد): "أعتقد" is first person
    relay_prep: str = ""  # "نسب X إلى Y": the word before the original source, when not "عن"
    restates: bool = False  # "قائلاً إن": a participle that restates the verb's saying
    bare_name: bool = True  # a prepositional cue may take a bare name ("بحسب وارن،"; not "وفق")
    speakers: frozenset[str] = frozenset()  # when set: the source kinds that may speak with it
    judgement: str = ""  # "pronoun": the judgement after an object pronoun ("وعدتها ...", "ووصفه بـ");
    # "only": that is its only reading ("وعده" without it is "promised him")
    direct: bool = False  # direct speech may open with no mark ("قال الوزير نحن ..."): data/direct_openers.txt
    needs: frozenset[str] = frozenset()  # the verb counts only with one of these words between it
    # and its content's opener ("ومضى بالقول إن": "مضى" alone is "went on"); folded
    call_li: bool = False  # "لل" + a noun right after the one addressed opens what is called for
    # ("دعا الوزير المجتمع الدولي للتحرك العاجل")
    reason: bool = False  # "لـ" + a noun without the article after the object opens the content, the
    # reason given ("انتقدت موسكو واشنطن لعدم تنسيقها")
    impersonal: bool = False  # the content right after the verb: the impersonal passive ("يُشتبه بأن")
    not_after: frozenset[str] = frozenset()  # no verb after one of these in its sentence ("بين X وبين Y")
    only_after: frozenset[str] = frozenset()  # a verb only right after one of these ("لم يقل"; "تقل" is "is less")
    reply: bool = False  # the content opens only with بأن, a colon or a quotation ("ردّ بأن")
    wa_forms: frozenset[str] = frozenset()  # forms listed with their و ("وبين"): pro-drop before an opener
    naming: frozenset[str] = frozenset()  # forms that after an indefinite noun mean "is called" ("يدعى فلان")
    deny_objects: frozenset[str] = frozenset()  # a bare object opening with one of these is refused ("استبعد أي")
    addressee_preps: tuple[str, ...] = ()  # preps that open the content only after the one addressed
    # ("طالب الوزير الأمم المتحدة إلى تدويل ...", not "وصل طالب جامعي إلى الحدود")


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, Cue]  # folded word -> cue (verbs, participles, nouns)
    preps: tuple[tuple[tuple[str, ...], Cue], ...]  # folded phrase tokens -> cue
    backrefs: tuple[tuple[str, ...], ...]
    heads: dict[str, str]  # folded head -> source kind
    multi_heads: tuple[tuple[tuple[str, ...], str], ...]
    quantifiers: frozenset[str]
    stops: frozenset[str]
    not_source: frozenset[str]
    tails: tuple[tuple[str, ...], ...]
    speculate: tuple[tuple[str, ...], ...]
    deny: tuple[tuple[str, ...], ...]
    negators: frozenset[str]
    extra_features: frozenset[str] = frozenset()  # place feature words ("قرية", "ريف")
    asides: frozenset[str] = frozenset()  # words opening an aside after a source ("تحدث لـ")
    pronoun_subjects: frozenset[str] = frozenset()  # "فإنها دعت": a left-out subject
    anonymity: frozenset[str] = frozenset()  # "لم تذكر اسمه": an aside, no claim
    members: frozenset[str] = frozenset()  # "النائب عن ائتلاف X": "عن" names the member's bloc, no relay
    issued: frozenset[str] = frozenset()  # "بيان صادر عن": the issuer, not the cue's "عن"
    describers: frozenset[str] = frozenset()  # "مسؤول رفيع المستوى": a word describing the source, no object
    anaphora: frozenset[str] = frozenset()  # "نفت الأمر": content that refers back
    inference_heads: frozenset[str] = frozenset()  # "تشير الدلائل إلى": an inference, speculate
    preposition_titles: frozenset[str] = frozenset()  # as written: "إمام" folds to "أمام" (a title after a saying verb)
    title_partners: frozenset[str] = frozenset()  # "إمام وخطيب": a title joined to it by "و"
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(past suffixes, present (prefix, suffix) pairs) of ``conjugation.tsv``, in file order."""
    past: list[str] = []
    present: list[tuple[str, str]] = []
    for tense, prefix, suffix in lang.rows(CONJUGATION, 3, unique_key=False):
        prefix, suffix = ("" if prefix == "-" else prefix), ("" if suffix == "-" else suffix)
        if tense == "past" and not prefix:
            past.append(suffix)
        elif tense == "present" and prefix:
            present.append((prefix, suffix))
        else:
            raise ModelDataError(f"{CONJUGATION}: bad row {(tense, prefix, suffix)!r}")
    return tuple(past), tuple(present)


def conjugate(past: str, present: str) -> list[str]:
    """Third-person forms of a sound verb (both tenses) from its 3ms forms."""
    stem = present[1:]
    past_suffixes, present_affixes = _affixes()
    out = [past + s for s in past_suffixes]
    out += [p + stem + s for p, s in present_affixes]
    return out


def _load(name: str) -> dict[str, Any]:
    return lang.tree(DATA + name)


def _phrase(s: str) -> tuple[str, ...]:
    return tuple(fold_key(s).split())


def _object_file(name: str) -> frozenset[str]:
    if name not in OBJECT_FILES:
        raise ModelDataError(f"{DATA}cues.yaml: objects_file {name!r} is none of {OBJECT_FILES}")
    return lang.words(DATA + name, fold=fold_key)


def _cue(lemma: str, family: str, d: dict[str, Any]) -> Cue:
    return Cue(
        lemma=lemma,
        family=family,
        stance=d.get("stance", "assert"),
        preps=tuple(fold_key(p) for p in d.get("preps") or ()),
        object=bool(d.get("object")),
        marker=bool(d.get("marker")),
        strict=bool(d.get("strict")),
        prodrop=bool(d.get("prodrop")),
        prodrop_conj=d.get("prodrop") == "conj",
        pre_object=bool(d.get("pre_object")),
        chain=bool(d.get("chain")),
        continuation=bool(d.get("continuation")),
        source=d.get("source", "subject"),
        addressee=bool(d.get("addressee")),
        addressed=bool(d.get("addressed")),
        negatable=bool(d.get("negatable")),
        objects=frozenset(fold_key(o) for o in d.get("objects") or ())
        | (_object_file(d["objects_file"]) if d.get("objects_file") else frozenset()),
        not_objects=frozenset(fold_key(o) for o in d.get("not_objects") or ()),
        wasl=bool(d.get("sound")) and d["sound"][0].startswith(WASL),
        relay_prep=fold_key(d.get("relay_prep") or ""),
        restates=bool(d.get("restates")),
        bare_name=bool(d.get("bare_name", True)),
        speakers=frozenset(d.get("speakers") or ()),
        judgement=str(d.get("judgement") or ""),
        direct=bool(d.get("direct")),
        addressee_preps=tuple(fold_key(p) for p in d.get("addressee_preps") or ()),
        impersonal=bool(d.get("impersonal")),
        reason=bool(d.get("reason")),
        call_li=bool(d.get("call_li")),
        needs=frozenset(fold_key(x) for x in d.get("needs") or ()),
        not_after=frozenset(fold_key(x) for x in d.get("not_after") or ()),
        only_after=frozenset(fold_key(x) for x in d.get("only_after") or ()),
        deny_objects=frozenset(fold_key(x) for x in d.get("deny_objects") or ()),
        reply=bool(d.get("reply")),
        naming=frozenset(fold_key(x) for x in d.get("naming") or ()),
        wa_forms=frozenset(fold_key(x) for x in d.get("wa_forms") or ()),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = _load("cues.yaml")
    src = _load("sources.yaml")
    forms: dict[str, Cue] = {}
    for family, key in (("verb", "verbs"), ("participle", "participles"), ("noun", "nouns")):
        for lemma, d in (cues.get(key) or {}).items():
            cue = _cue(lemma, family, d)
            words = list(d.get("forms") or [])
            if d.get("sound"):
                words += conjugate(*d["sound"])
            for w in words:
                forms.setdefault(fold_key(w), cue)
    preps = tuple((_phrase(p["phrase"]), _cue(p["phrase"], "prep", p)) for p in cues.get("preps") or ())
    preps = tuple(sorted(preps, key=lambda x: -len(x[0])))
    heads: dict[str, str] = {}
    multi: list[tuple[tuple[str, ...], str]] = []
    for kind, words in src["heads"].items():
        for w in words:
            ph = _phrase(w)
            if len(ph) == 1:
                heads.setdefault(ph[0], kind)
                if ph[0].startswith(ARTICLE) and len(ph[0]) > 4:
                    heads.setdefault(ph[0][len(ARTICLE):], kind)  # "لـ"+"الأناضول" -> "للاناضول"
            else:
                multi.append((ph, kind))
    return Lexicon(
        forms=forms,
        preps=preps,
        backrefs=tuple(_phrase(b) for b in cues.get("backrefs") or ()),
        heads=heads,
        multi_heads=tuple(multi),
        quantifiers=frozenset(fold_key(w) for w in src["quantifiers"]),
        stops=frozenset(fold_key(w) for w in src["stops"]),
        not_source=frozenset(fold_key(w) for w in src["not_source"]),
        tails=tuple(sorted((_phrase(t) for t in src["tails"]), key=len, reverse=True)),
        speculate=tuple(_phrase(w) for w in src["speculate_markers"]),
        deny=tuple(_phrase(w) for w in src["deny_markers"]),
        negators=frozenset(fold_key(w) for w in src["negators"]),
        extra_features=frozenset(bare_key(w) for w in src.get("place_features") or ()),
        asides=frozenset(fold_key(w) for w in src.get("asides") or ()),
        pronoun_subjects=frozenset(fold_key(w) for w in src.get("pronoun_subjects") or ()),
        anonymity=frozenset(fold_key(w) for w in src.get("anonymity") or ()),
        describers=frozenset(fold_key(w) for w in src.get("describers") or ()),
        issued=frozenset(fold_key(w) for w in src.get("issued") or ()),
        members=frozenset(fold_key(w) for w in src.get("members") or ()),
        anaphora=frozenset(fold_key(w) for w in src.get("anaphora") or ()),
        inference_heads=frozenset(bare_key(w) for w in src.get("inference_heads") or ()),
        preposition_titles=frozenset(src.get("preposition_titles") or ()),
        title_partners=frozenset(fold_key(w) for w in src.get("title_partners") or ()),
    )


def bare_key(s: str) -> str:
    """A folded word without its article ("الريف" -> "ريف")."""
    k = fold_key(s)
    return k[len(ARTICLE):] if k.startswith(ARTICLE) and len(k) > 4 else k

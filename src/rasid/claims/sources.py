"""Source phrases: where they end, what kind they are, who they corefer with.

A source phrase works on its own, from the vocabulary in ``data/sources.yaml``
(head nouns by kind, quantifiers, stop words, channel tails); entity mentions
from the actors stage, when present, widen the phrase to cover a whole name
and give the entity id and kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasid.claims.lexicon import lexicon
from rasid.claims.tokens import CLOSE_QUOTES, OPEN_QUOTES, Words, bare
from rasid.claims.vocab import (
    ABBREV_TITLES,
    ACCUSATIVE,
    AFFILIATION_PREPS,
    ARTICLE,
    ARTICLE_CONJ,
    ARTICLE_WA,
    BI,
    BISM,
    HEAD_PROCLITICS,
    LI,
    LIL,
    LOOSE_INSIDE,
    MIN,
    NISBA_ENDS,
    NAME_TIMES,
    NOMINATIVE_PLURAL,
    NOT_SPEAKER_PREFIXES,
    NP_LINK_PREPS,
    WA,
    word_set,
)
from rasid.model.document import Entity, Span
from rasid.text import fold_key

MAX_SOURCE = 14
#: abstract nouns in -ية that are no adjective ("أهمية", "أولوية"): data/abstract_iyya.txt
_ABSTRACT_IYYA = word_set("abstract_iyya.txt")
#: adjectives with no nisba ending on a definite source phrase ("الهيئة العامة"): data/phrase_adjectives.txt
_PHRASE_ADJECTIVES = word_set("phrase_adjectives.txt")
#: abbreviated academic titles before a name ("أ.د فلان", "د. فلان", "أ. فلان"), folded
_ABBREV_TITLES = ABBREV_TITLES
_ENTITY_KIND = {"person": "named", "outlet": "media", "organization": "organization", "actor": "organization"}


@dataclass
class Source:
    """A found source phrase: tokens i..j inclusive (or a char span)."""

    span: Span
    kind: str
    entity: str | None = None
    head: str = ""  # folded head noun ('' when none)
    supported: bool = False  # head, entity, quote or known name
    attrs: dict = field(default_factory=dict)


def head_kind(w: Words, i: int) -> tuple[str, str] | None:
    """(kind, head) when token i is a source head noun (memoised per token view)."""
    memo = w.__dict__.setdefault("_head_kind", {})
    if i not in memo:
        memo[i] = _head_kind(w, i)
    return memo[i]


#: (lexicon, {norm: head_kind}) of the words no multi-word head starts with: the
#: answer depends on the word alone, so it is worked out once a word
_BY_NORM: list = [None, {}]


def _head_kind(w: Words, i: int) -> tuple[str, str] | None:
    lex = lexicon()
    n = w.norm(i)
    if _BY_NORM[0] is not lex:
        _BY_NORM[:] = [lex, {}]
    memo = _BY_NORM[1]
    if n in memo:
        return memo[n]
    if bare(n) in _by_first(lex.multi_heads, True):
        return _head_kind_at(w, i, lex, n)
    if len(memo) >= 1 << 17:
        memo.clear()
    out = memo[n] = _head_kind_at(w, i, lex, n)
    return out


def _head_kind_at(w: Words, i: int, lex, n: str) -> tuple[str, str] | None:
    for cand in (n, n[1:] if n[:1] in HEAD_PROCLITICS and len(n) > 3 else n, bare(n)):
        if cand in lex.heads:
            return lex.heads[cand], cand
    if n.endswith(ACCUSATIVE) and len(n) > 4 and n not in lex.forms \
            and lex.heads.get(bare(n[:-1])) in ("anonymous", "named", "role"):
        return lex.heads[bare(n[:-1])], bare(n[:-1])  # accusative persons: "مسؤولاً", "مستشاراً"
    for ph, kind in _by_first(lex.multi_heads, True).get(bare(n), ()):
        if all(bare(w.norm(i + k)) == bare(p) for k, p in enumerate(ph)):
            return kind, ph[0]
    return None


_FIRST_INDEX: dict[tuple[int, bool], tuple[tuple, dict]] = {}


def _by_first(items: tuple, keyed: bool = False) -> dict[str, list]:
    """Phrases (``keyed``: (phrase, value) pairs) by their first word (bare when
    ``keyed``), in their order: only those can match at a token."""
    hit = _FIRST_INDEX.get((id(items), keyed))
    if hit is not None and hit[0] is items:
        return hit[1]
    index: dict[str, list] = {}
    for it in items:
        index.setdefault(bare(it[0][0]) if keyed else it[0], []).append(it)
    _FIRST_INDEX[(id(items), keyed)] = (items, index)
    return index


def is_nisba(norm: str) -> bool:
    return len(norm) > 3 and norm.endswith(NISBA_ENDS) and norm not in _ABSTRACT_IYYA


def quoted_end(w: Words, i: int) -> int | None:
    """When a quote opens right before token i, the last token inside it."""
    gap = w.punct_before(i)
    if not gap or gap[-1] not in OPEN_QUOTES:
        return None
    close = OPEN_QUOTES[gap[-1]]
    for j in range(i, min(len(w), i + 8)):
        g = w.punct_before(j + 1) if j + 1 < len(w) else w.gap(j + 1)
        if close in g or (g and g[0] in CLOSE_QUOTES):
            return j
        if not w.same_sentence(i, j + 1):
            return None
    return None


@lru_cache(maxsize=1)
def _prep_words() -> frozenset[str]:
    lex = lexicon()
    words = {p[0] for p, _ in lex.preps} | {WA + p[0] for p, _ in lex.preps}
    return frozenset(words)


def known_names(w: Words) -> set[str]:
    """Folded name tokens: person mentions, and words right after a title."""
    lex = lexicon()
    out: set[str] = set()
    for ent, m in w._ents:
        if ent.kind == "person":
            out.update(bare(t) for t in fold_key(m.text).split())
    for i in range(len(w)):
        hk = head_kind(w, i)
        if not hk or hk[0] not in ("named", "role"):
            continue
        for j in range(i + 1, min(len(w), i + 5)):
            if w.punct_before(j) or not w.same_sentence(i, j):
                break
            n = w.norm(j)
            if n in lex.stops or n in lex.not_source or n in lex.forms or n in _prep_words() \
                    or bare(n) in lex.forms or n.endswith(ACCUSATIVE) or n.startswith(BI + ARTICLE):
                break  # "واتهمه الوزير بالخيانة": "ب" + article opens a phrase, no name
            if head_kind(w, j):
                continue
            if n.startswith(ARTICLE) and any(bare(w.norm(t)) in out for t in range(i + 1, j)):
                out.add(bare(n))  # a family name after a first name: "رياض الخيكاني"
                break
            if is_nisba(n) or n.startswith(ARTICLE):
                continue
            out.add(bare(n))
    return {n for n in out if len(n) > 2}


def _abbrev_name(w: Words, k: int, limit: int) -> int | None:
    """Last token of the name after an abbreviated title at token k ("أ.د طارق الحبيب",
    "د. خالد العلي"): one or two words after the title's letters and dots, the first without
    the article, none a stop word; None when no name follows."""
    lex = lexicon()
    while k + 1 <= limit and w.norm(k + 1) in _ABBREV_TITLES and set(w.punct_before(k + 1)) <= {"."}:
        k += 1  # "أ.د"
    first = k + 1
    if first > limit or not set(w.punct_before(first)) <= {"."}:
        return None
    last = None
    for t in range(first, min(first + 2, limit + 1)):
        n = w.norm(t)
        if (t > first and w.punct_before(t)) or n in lex.stops or n in lex.not_source or n in lex.forms \
                or len(n) < 2 or t == first and n.startswith(ARTICLE):
            break
        last = t
    return last


def extend_np(w: Words, i: int, limit: int, loose: bool = False) -> int | None:
    """Last token of a noun phrase opening at token i (None: no phrase).

    ``loose``: run to the next punctuation or stop word (prepositional
    sources, "بحسب مصادر في الفصيل نفسه،"); otherwise head + modifiers only.
    """
    lex = lexicon()
    if i >= len(w) or i > limit:
        return None
    j = i
    q = quoted_end(w, i)
    if q is not None and q <= limit:
        j = q
    else:
        n = w.norm(i)
        if bare(n) in lex.quantifiers or n in lex.quantifiers:
            k = i + 1
            if w.norm(k) == MIN:
                k += 1
            if k <= limit and head_kind(w, k):
                j = k
        hk = head_kind(w, j)
        if hk is None and n in lex.not_source:
            return None
        definite = w.norm(j).startswith(ARTICLE_CONJ)
        # construct state: an indefinite head takes its genitive chain
        # ("قائد عمليات الأنبار", "صحيفة «نيويورك تايمز»")
        steps = 0
        # "ناشطون" takes no genitive (its ن falls in construct): only an indefinite adjective
        # follows it ("مسؤولون أكراد"), no definite word or preposition ("أفاد ناشطون بمقتل")
        plural = w.norm(j).endswith(NOMINATIVE_PLURAL) and len(w.norm(j)) > 4
        while hk and not definite and j + 1 <= limit and steps < 3 \
                and all(c in OPEN_QUOTES for c in w.punct_before(j + 1)):
            nxt = w.norm(j + 1)
            if nxt in lex.stops or nxt in lex.not_source or nxt in lex.forms or is_nisba(nxt):
                break
            if plural and (nxt.startswith(ARTICLE) or nxt[:1] in NOT_SPEAKER_PREFIXES or nxt.startswith(LI)):
                break
            q = quoted_end(w, j + 1)
            if q is not None and q <= limit:
                j = q
                break
            if not (head_kind(w, j + 1) or nxt.startswith(ARTICLE) or steps == 0 and not w.punct_before(j + 1)
                    or steps == 1 and _genitive_closes(w, j + 2, limit)):
                break
            j += 1
            steps += 1
            definite = nxt.startswith(ARTICLE)
    # modifiers
    k = j + 1
    while k <= limit and k - i < MAX_SOURCE:
        gap = w.punct_before(k)
        if not w.same_sentence(i, k):
            break
        if gap and not all(c in "()" or c in OPEN_QUOTES or c in CLOSE_QUOTES for c in gap):
            break
        n = w.norm(k)
        if n in lex.stops or n in lex.forms:
            break
        q = quoted_end(w, k)
        if gap and "(" in gap:
            # parenthesised acronym or alias
            close = k
            while close + 1 <= limit and ")" not in w.punct_before(close + 1) and close - k < 4:
                close += 1
            j = k = close
            k += 1
            continue
        if loose:
            if n in lex.not_source and n not in LOOSE_INSIDE:
                break
            j = q if q is not None else k
        elif is_nisba(n) or head_kind(w, k) is not None:
            if not is_nisba(n) and n.startswith(ARTICLE) and closes_name(w, j) \
                    and (head_kind(w, k) or ("named",))[0] not in ("named", "role"):
                break  # "اتهمت الحكومة الفصائل", "اتهمت "قسد" الحكومة": the object
            j = k
            nxt = w.norm(k + 1) if k + 1 <= limit and not w.punct_before(k + 1) else ""
            if not n.startswith(ARTICLE) and not is_nisba(n) and (head_kind(w, k) or ("",))[0] in ("named", "role") \
                    and nxt.startswith(ARTICLE) and nxt not in lex.stops and nxt not in lex.forms \
                    and nxt not in lex.not_source:
                j = k + 1  # a second title with its genitive: "نائب الرئيس اليمني رئيس الوزراء"
        elif n in _PHRASE_ADJECTIVES and w.norm(j).startswith(ARTICLE_WA) and head_kind(w, i):
            j = k  # "الهيئة العامة للثورة", "قيادة العمليات الخاصة", "الحكومة الليبية المؤقتة"
        elif n.startswith(LI) and not n.startswith(LIL) and len(n) > 4 and head_kind(w, i) \
                and head_kind(w, i)[0] == "organization" and w.norm(k + 1).startswith(ARTICLE) \
                and k + 1 <= limit and not w.punct_before(k + 1):
            j = k + 1  # "المرصد السوري لحقوق الإنسان"
        elif q is not None and head_kind(w, j):
            j = q
        elif n in _ABBREV_TITLES and head_kind(w, i) and head_kind(w, i)[0] in ("named", "role") \
                and (nm := _abbrev_name(w, k, limit)) is not None:
            j = nm  # "بروفسور الطب النفسي أ.د طارق الحبيب": the name after the abbreviated title
        elif n == BISM or (n in NP_LINK_PREPS and head_kind(w, k + 1)):
            nxt = extend_np(w, k + 1, limit)
            if nxt is None:
                break
            j = nxt
        else:
            break
        k = j + 1
    # an entity mention that starts inside the phrase widens it
    for t in range(i, j + 1):
        em = w.entity_at(t)
        if em and em[1].end > w.toks[j].end:
            e_last = w.index_at(em[1].end) - 1
            if e_last <= limit:
                j = max(j, e_last)
    return j


def _genitive_closes(w: Words, k: int, limit: int) -> bool:
    """Token k, a definite word right after the one before it, closes a genitive chain
    ("رئيس مجلس إسناد الفلوجة", "رئيس مجلس قضاء الخالدية")."""
    lex = lexicon()
    if k > limit or w.punct_before(k) or w.punct_before(k - 1) or w.in_time(k) or w.in_time(k - 1):
        return False
    n, prev = w.norm(k), w.norm(k - 1)
    return n.startswith(ARTICLE) and n not in lex.stops and n not in lex.forms and n not in lex.not_source \
        and not is_nisba(n) and prev not in lex.stops and prev not in lex.forms and prev not in lex.not_source \
        and not prev.startswith(ARTICLE) and not is_nisba(prev) and not w.toks[k - 1].is_number


def closes_name(w: Words, j: int) -> bool:
    """Token j ends a complete name: definite, a closing quote, or the end of a mention."""
    if w.norm(j).startswith(ARTICLE_WA):
        return True
    nxt = w.punct_before(j + 1) if j + 1 < len(w) else ""
    if nxt and nxt[0] in CLOSE_QUOTES:
        return True
    end = w.toks[j].end
    return any(m.end == end for _, m in w.doc.mentions("place", "actor", "person", "organization", "outlet"))


def _name_word(w: Words, k: int) -> bool:
    """Token k, after a time word that is also a first name, goes on the name ("صباح كرحوت"),
    not on the time ("صباح الخميس", "صباح أمس", "صباح يوم")."""
    lex = lexicon()
    n = w.norm(k)
    return not (w.punct_before(k) or w.in_time(k) or w.toks[k].is_number or n in _by_first(lex.tails)
                or n in lex.stops or n in lex.forms or n in lex.not_source or head_kind(w, k))


def trim_tails(w: Words, i: int, j: int) -> tuple[int, int, Span | None]:
    """Cut channel and setting phrases off the end of a source i..j.

    Returns the new (i, j) and the channel span ("لـ"المدن"", "لوكالة ...").
    """
    lex = lexicon()
    channel = None
    for k in range(i, j + 1):
        if w.in_time(k):
            return i, k - 1, channel  # "أمس", "في 20 أغسطس" (times stage)
        n = w.norm(k)
        gap = w.punct_before(k)
        hit = False
        for ph in _by_first(lex.tails).get(n, ()):
            if all(w.norm(k + m) == p for m, p in enumerate(ph)) and k + len(ph) - 1 <= j + 1:
                hit = not (len(ph) == 1 and n in NAME_TIMES and i < k < j and _name_word(w, k + 1))
                break
        # "لـ" + quoted outlet / ل + media head
        if not hit and (n == LI or (n.startswith(LI) and len(n) > 2)):
            nxt = k + 1 if n == LI else k
            if n == LI and (quoted_end(w, nxt) is not None or nxt <= j) \
                    or n != LI and quoted_end(w, nxt) is not None and not any(c in OPEN_QUOTES for c in gap):
                hit = True
                qe = quoted_end(w, nxt)
                end = qe if qe is not None else nxt
                first = nxt if n == LI or qe is not None else k
                channel = w.span(first, min(end, j))  # the outlet, without "لـ" and quotes
            elif n.startswith(LI) and head_kind(w, k) and head_kind(w, k)[0] == "media":
                hit = True
                channel = w.span(k, j)
        if hit:
            return i, k - 1, channel
    return i, j, channel


def classify(w: Words, i: int, j: int, names: set[str]) -> tuple[str, str, bool]:
    """(kind, head, supported) of the source tokens i..j."""
    for k in range(i, min(j + 1, i + 4)):
        hk = head_kind(w, k)
        if hk:
            kind, head = hk
            rest = [bare(w.norm(t)) for t in range(k + 1, j + 1)]
            if kind == "named":
                # a title is a known office holder ("وزير الدفاع العراقي",
                # "الرئيس ...") unless it is a bare role ("قائد في الفصيل")
                nxt = w.norm(k + 1) if k + 1 <= j else ""
                if w.norm(k).startswith(ARTICLE) or any(r in names for r in rest) or (nxt.startswith(ARTICLE)):
                    return "named", head, True
                return "anonymous", head, True
            if kind in ("anonymous", "role"):
                named = any(r in names for r in rest)
                return ("named" if named else "anonymous"), head, True
            return kind, head, True
        if quoted_end(w, k) is not None:
            return "organization", "", True
    if any(bare(w.norm(t)) in names for t in range(i, j + 1)):
        return "named", "", True
    return "named", "", False


def make_source(w: Words, i: int, j: int, names: set[str]) -> Source:
    span = w.span(i, j)
    text = w.doc.text
    if span.text.count("(") > span.text.count(")") and text[span.end: span.end + 1] == ")":
        span = w.text_span(span.start, span.end + 1)
    opened = [q for q in OPEN_QUOTES if q in span.text and OPEN_QUOTES[q] != q]
    if opened and text[span.end: span.end + 1] == OPEN_QUOTES[opened[-1]] \
            and span.text.rfind(OPEN_QUOTES[opened[-1]]) < span.text.rfind(opened[-1]):
        span = w.text_span(span.start, span.end + 1)  # «نيويورك تايمز»
    elif span.text.count('"') % 2 == 1 and text[span.end: span.end + 1] == '"':
        span = w.text_span(span.start, span.end + 1)
    kind, head, supported = classify(w, i, j, names)
    ent: Entity | None = w.entity_for(span)
    affiliation = None
    if ent is not None and head and (kind == "anonymous" or kind == "named" and _starts_after_role(w, i, ent, span)):
        # "قيادي في إطار التنسيق", "المسؤولون الإسرائيليون": the organisation is
        # the speakers' affiliation; the entity stays linked (its mention
        # overlaps) but the kind is the role's
        affiliation = ent
    if ent is not None and affiliation is None:
        kind = _ENTITY_KIND.get(ent.kind, kind)
        supported = True
    elif not supported and w.place_at(span):
        kind, supported = "organization", True  # "قالت واشنطن": a capital for its government
    src = Source(span, kind, ent.id if ent else None, head, supported)
    if affiliation is not None:
        src.attrs["affiliation"] = True
    return src


def _starts_after_role(w: Words, i: int, ent: Entity, span: Span) -> bool:
    """The entity's mention in ``span`` follows a role word and a preposition."""
    for m in ent.mentions:
        if span.start <= m.start < span.end:
            k = w.index_at(m.start)
            return k > i and any(w.norm(t) in AFFILIATION_PREPS or w.norm(t).startswith(LI)
                                 for t in range(i + 1, k + 1))
    return False

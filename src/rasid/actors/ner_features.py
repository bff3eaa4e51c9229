"""Token features for the CRF named-entity model (word, affix, clitic, gazetteer,
word clusters, name patterns).

Shared by the training script (``scripts/train_ner.py``) and the runtime tagger
(:mod:`rasid.actors.ner`) so both see exactly the same features. The optional
groups in :data:`GROUPS` can be switched off for the training script's ablation
(:func:`configure`); the shipped model uses :data:`DEFAULT_GROUPS`.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from rasid import lang
from rasid.actors.forms import ARTICLE, NISBA, forms
from rasid.text import fold, proclitic_splits

#: proclitics we strip to find a stem (no verbal prefixes; data/forms.tsv "stem").
_NOMINAL_PROCLITICS = frozenset(forms("stem"))
#: li- + article, alone or after a conjunction (لل، ولل، فلل).
_LI_ARTICLE = frozenset(forms("li_article_joined"))
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_PUNCT = re.compile(r"^[^\w]+$")
_LATIN = re.compile(r"^[A-Za-z]+$")
_DIGIT = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9.,]+$")  # with Arabic-Indic and Persian digits

GAZ_FILE = "models/ner_gazetteer.json"
CLUSTER_FILE = "models/ner_clusters.tsv.gz"
EMBGAZ_FILE = "models/ner_embgaz.tsv.gz"

#: optional feature groups: word clusters learned from unlabelled news, name and
#: organisation patterns (particles, given names, head words, nisba shape),
#: prefixes/suffixes of the stem, the second neighbours (+-2) of the window,
#: more cluster features (the stem's clusters, every level for the +-1
#: neighbours, coarse levels for +-2: ``clx``) and the embedding-similarity
#: gazetteer (``embgaz``: corpus words whose nearest neighbours in the word2vec
#: space are mostly training names of one type) and the letter trigrams inside
#: the stem (``chars``: transliterated foreign names have their own spelling).
GROUPS = ("clusters", "patterns", "affix", "context2", "clx", "embgaz", "chars")
#: screened by the training script only (``models/ner_ablation.md``), built by
#: :func:`sent_features` alone (not by the tagger's :func:`sent_items`): dense word vectors
#: of the word and its +-1 neighbours (``vec``, weighted features) and a speech verb
#: (``data/speech_verbs.txt``) up to 4 words before or 3 after (``trig``)
SCREEN_GROUPS = ("vec", "trig")
#: dense word vectors (group ``vec``, training script's screening only): folded word -> values
_vectors: dict[str, tuple[float, ...]] = {}
#: the shipped model's groups (``clx``, ``embgaz`` and ``chars`` are measured in
#: ``models/ner_ablation.md`` and not shipped)
DEFAULT_GROUPS = frozenset({"clusters", "patterns", "affix", "context2"})
_active: set[str] = set(DEFAULT_GROUPS)
#: the training script's overrides of the packaged tables (None: the packaged file)
_override: dict[str, object] = {}


def override(clusters_file: object = None, embgaz: dict[str, tuple[str, ...]] | None = None) -> None:
    """Training script only: use another cluster table (a path) and/or an embedding
    gazetteer (folded word -> feature names) instead of the packaged ones."""
    _override.clear()
    if clusters_file is not None:
        _override["clusters"] = clusters_file
    if embgaz is not None:
        _override["embgaz"] = embgaz
    clusters.cache_clear()
    lexicons.cache_clear()
    _lexicon_index.cache_clear()
    configure(active_groups())


def configure(groups: frozenset[str] | set[str] | None = None) -> None:
    """Switch feature groups (None: the shipped model's); models must be tagged with the groups they were trained with."""
    _active.clear()
    _active.update(DEFAULT_GROUPS if groups is None else groups)
    _word_feats.cache_clear()
    _word_items.cache_clear()
    _known_items.cache_clear()


def active_groups() -> frozenset[str]:
    return frozenset(_active)


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Folded word -> cluster ids, coarse to fine (``models/ner_clusters.tsv.gz``, built by
    ``scripts/train_word_clusters.py`` from SaudiNewsNet); empty when the file is missing."""
    f: Any = _override.get("clusters") or resources.files("rasid.actors").joinpath(CLUSTER_FILE)
    if not f.is_file():
        return {}
    return _read_table(f)


def _words(name: str) -> frozenset[str]:
    """A word list of ``data/`` folded (two spellings may fold to one word)."""
    return lang.words(f"actors/data/{name}", fold=fold, allow_duplicates=True)


@lru_cache(maxsize=1)
def lexicons() -> dict[str, frozenset[str]]:
    """Folded word sets used as features: titles, roles, nationalities, gazetteers.

    The keys become feature names (``g_<key>``) of the shipped model: keep them
    and their order."""
    lex: dict[str, set[str]] = {"title": set(), "role": set(), "nat": set(), "force": set(), "stop": set()}
    for row in lang.rows("actors/data/titles.tsv", 3, min_cols=1):
        t = fold(row[0]).split()
        lex["title"].add(t[-1] if len(t) > 1 else t[0])
        lex["title"].add(t[0])
    lex["role"].update(_words("role_heads.txt"))
    for row in lang.rows("actors/data/nationalities.tsv", 6, min_cols=3):
        for c in row[3:]:
            lex["nat"].update(fold(x.strip()) for x in c.split(",") if x.strip())
    for row in lang.rows("actors/data/force_nouns.tsv", 2):
        lex["force"].add(fold(row[0]).split()[0])
    lex["stop"].update(_words("name_stops.txt"))
    # name and organisation patterns (feature group "patterns")
    from rasid.actors.people import given_names

    lex["p_given"] = set(given_names()) | _words("name_words.txt")
    lex["p_part"] = set(_words("ner_person_particles.txt") | _words("name_connectors.txt"))
    lex["p_orghead"] = set(_words("org_heads.txt") | _words("ner_org_heads.txt"))
    lex["p_orghead"] |= {ARTICLE + w for w in lex["p_orghead"] if not w.startswith(ARTICLE)}
    try:
        gz = json.loads(resources.files("rasid.actors").joinpath(GAZ_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        gz = {}
    for k, words in gz.items():
        lex[f"gaz_{k}"] = set(words)
    for w, names in embgaz().items():  # group "embgaz"
        for k in names:
            lex.setdefault(k, set()).add(w)
    # words of the actor dictionary's aliases, by kind
    from rasid.actors.dictionary import load_dictionary

    d = load_dictionary()
    for key, info in d.aliases.items():
        kind = d.entries[info.entry_id].kind
        if kind == "block":
            continue
        for w in key.split():
            if len(w) > 2:
                lex.setdefault(f"dict_{kind}", set()).add(w)
    return {k: frozenset(v) for k, v in lex.items()}


def embgaz() -> dict[str, tuple[str, ...]]:
    """Folded word -> embedding-gazetteer feature names (``e_PERS``, ``e_PERS_hi``, ...),
    ``models/ner_embgaz.tsv.gz`` (built by ``scripts/train_ner.py``); empty when missing."""
    if "embgaz" in _override:
        return _override["embgaz"]  # type: ignore[return-value]
    f = resources.files("rasid.actors").joinpath(EMBGAZ_FILE)
    if not f.is_file():
        return {}
    return _read_table(f)


@lru_cache(maxsize=1)
def phrase_gazetteer() -> dict[tuple[str, ...], str]:
    """Multi-word names (actor dictionary aliases) as tuples of folded words -> kind."""
    from rasid.actors.dictionary import load_dictionary

    d = load_dictionary()
    out: dict[tuple[str, ...], str] = {}
    for key, info in d.aliases.items():
        kind = d.entries[info.entry_id].kind
        words = tuple(key.split())
        if kind != "block" and len(words) >= 2:
            out.setdefault(words, kind)
    return out


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    """First words of the multi-word names of :func:`phrase_gazetteer`."""
    return frozenset(k[0] for k in phrase_gazetteer())


def _may_start_phrase(w: str) -> bool:
    """Whether a phrase of :func:`_phrase_tags` could start at word ``w`` (its first
    candidate word is ``w``, its stem, or li- + article turned into the article)."""
    firsts = _phrase_firsts()
    if w in firsts:
        return True
    p, st = stem_of(w)
    if p in _LI_ARTICLE:
        return ARTICLE + st in firsts
    return bool(p) and not p.endswith(ARTICLE) and st in firsts


def _phrase_tags(norms: Sequence[str], starts: Sequence[bool] | None = None) -> list[str]:
    """B-/I-<kind> for tokens covered by a dictionary phrase (longest first, left to right).

    ``starts``: :func:`_may_start_phrase` of each word, when the caller has it."""
    gz = phrase_gazetteer()
    tags = [""] * len(norms)
    if starts is not None and not any(starts):
        return tags
    i = 0
    while i < len(norms):
        if not (_may_start_phrase(norms[i]) if starts is None else starts[i]):
            i += 1
            continue
        hit = 0
        for n in range(min(6, len(norms) - i), 1, -1):
            words = list(norms[i:i + n])
            cands = [tuple(words)]
            p, st = stem_of(words[0])
            if p in _LI_ARTICLE:
                cands.append(tuple([ARTICLE + st] + words[1:]))
            elif p and not p.endswith(ARTICLE):
                cands.append(tuple([st] + words[1:]))
            kind = next((gz[c] for c in cands if c in gz), None)
            if kind:
                tags[i] = "B-" + kind
                for k in range(i + 1, i + n):
                    tags[k] = "I-" + kind
                hit = n
                break
        i += hit or 1
    return tags


@lru_cache(maxsize=200000)
def stem_of(norm: str) -> tuple[str, str]:
    """(proclitic, stem): the longest nominal proclitic leaving a stem of >= 2 letters."""
    for p, s in proclitic_splits(norm):
        if p in _NOMINAL_PROCLITICS and len(s) >= 2:
            return p, s
    return "", norm


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[str, tuple[int, ...]]:
    """Folded word -> the positions in :func:`lexicons` of the word sets holding it (ascending)."""
    idx: dict[str, list[int]] = {}
    for r, words in enumerate(lexicons().values()):
        for w in words:
            idx.setdefault(w, []).append(r)
    return {w: tuple(rs) for w, rs in idx.items()}


def _shape(w: str) -> str:
    if _PUNCT.match(w):
        return "P"
    if _DIGIT.match(w):
        return "D"
    if _LATIN.match(w):
        return "L" if not w[0].isupper() else "LC"
    return "A"


@lru_cache(maxsize=200000)
def _word_feats(w: str, groups: frozenset[str]) -> dict[str, str | float]:
    """Features of one word alone (cached: callers must not change the dict)."""
    lex = lexicons()
    n = fold(w)
    p, s = stem_of(n)
    f: dict[str, str | float] = {"n": n, "s": s, "p": p or "-", "sh": _shape(w)}
    pat = "patterns" in groups
    idx = _lexicon_index()
    hits = idx.get(n, ())
    if s != n and s in idx:
        hits = sorted({*hits, *idx[s]})
    keys = tuple(lex)
    emb = "embgaz" in groups
    for r in hits:
        k = keys[r]
        if (pat or not k.startswith("p_")) and (emb or not k.startswith("e_")):
            f["g_" + k] = 1.0
    if pat and len(s) >= 5 and s.startswith(ARTICLE) and s.endswith(NISBA) and "g_nat" not in f:
        f["g_p_nisba"] = 1.0  # الأسدي، العبيدي: a family name or a nationality adjective
    if "chars" in groups and len(s) >= 4 and s.isalpha():
        x = "<" + s + ">"
        for k in sorted({x[j:j + 3] for j in range(len(x) - 2)}):
            f["x_" + k] = 1.0
    if "clusters" in groups:
        cl = clusters()
        c = cl.get(n) or cl.get(s)
        if c is None and p and not s.startswith(ARTICLE):
            c = cl.get(ARTICLE + s)
        if c is not None:
            for lvl, cid in enumerate(c):
                f[f"c{lvl}"] = cid
        else:
            f["c0"] = "unk"
        if "clx" in groups and s != n:
            cs = cl.get(s)
            if cs is not None and cs != c:
                for lvl, cid in enumerate(cs):
                    f[f"cs{lvl}"] = cid
    return f


def _near_clusters(o: dict[str, str | float], off: int, groups: frozenset[str]) -> list[tuple[str, str]]:
    """The cluster features a neighbour at ``off`` gives (after its word and stem)."""
    if "c1" not in o:
        return []
    out = [(f"{off}:c1", str(o["c1"]))]
    if abs(off) == 1:
        out.append((f"{off}:c2", str(o["c2"])))
    if "clx" in groups:
        out.append((f"{off}:c0", str(o["c0"])))
        if abs(off) == 1 and "c3" in o:
            out.append((f"{off}:c3", str(o["c3"])))
        if abs(off) == 2:
            out.append((f"{off}:c2", str(o["c2"])))
    return out


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return _words("speech_verbs.txt")


def _is_speech(n: str) -> bool:
    """A speech verb (``data/speech_verbs.txt``), with a proclitic attached or not (group ``trig``)."""
    sv = _speech()
    return n in sv or stem_of(n)[1] in sv


def sent_features(words: Sequence[str]) -> list[dict[str, str | float]]:
    """CRF features for each word of a sentence."""
    groups = active_groups()
    words = [_BIDI.sub("", w) or w for w in words]
    base = [_word_feats(w, groups) for w in words]
    phr = _phrase_tags([str(b["n"]) for b in base])
    out: list[dict[str, str | float]] = []
    n = len(words)
    for i, w in enumerate(words):
        b = base[i]
        nw = b["n"]
        st = b["s"]
        f: dict[str, str | float] = {"bias": 1.0, "w": nw, "stem": st, "pro": b["p"], "shape": b["sh"],
                                     "len": str(min(len(str(st)), 8))}
        for k in (1, 2, 3) if "affix" in groups else ():
            if len(str(st)) > k:
                f[f"pre{k}"] = str(st)[:k]
                f[f"suf{k}"] = str(st)[-k:]
        for k, v in b.items():
            if k.startswith("g_") or k[0] == "c" or k[0] == "x":
                f[k] = v
        f["raw"] = w
        if phr[i]:
            f["phr"] = phr[i]
        for off in (-2, -1, 1, 2) if "context2" in groups else (-1, 1):
            j = i + off
            if 0 <= j < n:
                o = base[j]
                f[f"{off}:w"] = o["n"]
                f[f"{off}:s"] = o["s"]
                for k, v in _near_clusters(o, off, groups):
                    f[k] = v
                if abs(off) == 1:
                    f[f"{off}:sh"] = o["sh"]
                    f[f"{off}:suf2"] = str(o["s"])[-2:]
                    f[f"{off}:pro"] = o["p"]
                    if phr[j]:
                        f[f"{off}:phr"] = phr[j]
                for k, v in o.items():
                    if k.startswith("g_"):
                        f[f"{off}:{k}"] = v
            else:
                f[f"{off}:w"] = "<s>" if j < 0 else "</s>"
        if "trig" in groups:
            for d in range(1, 5):
                if i - d >= 0 and _is_speech(str(base[i - d]["n"])):
                    f["tv-"] = 1.0
                    f[f"tv-{min(d, 3)}"] = 1.0
                    break
            if any(_is_speech(str(base[j]["n"])) for j in range(i + 1, min(n, i + 4))):
                f["tv+"] = 1.0
        if "vec" in groups and _vectors:
            for off in (-1, 0, 1):
                j = i + off
                if 0 <= j < n:
                    v = _vectors.get(str(base[j]["n"])) or _vectors.get(str(base[j]["s"]))
                    if v is not None:
                        pf = f"{off}:v" if off else "v"
                        for d, x in enumerate(v):
                            f[f"{pf}{d}"] = x
        if i > 0:
            f["bi-1"] = f"{base[i - 1]['n']}|{nw}"
        if i + 1 < n:
            f["bi+1"] = f"{nw}|{base[i + 1]['n']}"
        out.append(f)
    return out


@dataclass(frozen=True)
class _WordItems:
    """The CRF attributes one word contributes, as crfsuite names them (a string
    value ``v`` of feature ``k`` is the attribute ``k:v``, a weight 1.0 is ``k``),
    UTF-8 encoded (what python-crfsuite passes on), in the order
    :func:`sent_features` builds its dict: its own attributes (up to ``raw``,
    before the sentence-dependent ``phr``), and per offset the attributes it
    gives a neighbour before and after that neighbour's ``phr`` (``near``) and
    both together (``full``)."""

    norm: str
    n: bytes  # norm, encoded
    own: tuple[bytes, ...]
    near: dict[int, tuple[tuple[bytes, ...], tuple[bytes, ...]]]
    full: dict[int, tuple[bytes, ...]]


def _attr(k: str, v: str | float) -> bytes:
    if isinstance(v, str):
        return f"{k}:{v}".encode("utf-8")
    if v != 1.0:  # every feature of sent_features has weight 1.0
        raise ValueError(f"feature {k} has weight {v}")
    return _name("", k)


@lru_cache(maxsize=4096)
def _name(prefix: str, k: str) -> bytes:
    """An attribute name (a feature of weight 1.0), encoded once."""
    return (prefix + k).encode("utf-8")


_OFFSETS = (-2, -1, 1, 2)
_PREFIX = {off: f"{off}:".encode() for off in _OFFSETS}


@lru_cache(maxsize=200000)
def _word_items(w0: str, groups: frozenset[str]) -> _WordItems:
    w = _BIDI.sub("", w0) or w0
    b = _word_feats(w, groups)
    nw, st = str(b["n"]), str(b["s"])
    nb, sb, pb, shb = nw.encode(), st.encode(), str(b["p"]).encode(), str(b["sh"]).encode()
    own = [b"bias", b"w:" + nb, b"stem:" + sb, b"pro:" + pb, b"shape:" + shb, b"len:%d" % min(len(st), 8)]
    for k in (1, 2, 3) if "affix" in groups else ():
        if len(st) > k:
            own += [b"pre%d:" % k + st[:k].encode(), b"suf%d:" % k + st[-k:].encode()]
    own += [_attr(k, v) for k, v in b.items() if k.startswith("g_") or k[0] == "c" or k[0] == "x"]
    own.append(b"raw:" + w.encode())
    gkeys = [k for k, v in b.items() if k.startswith("g_")]
    for k in gkeys:
        if b[k] != 1.0:
            raise ValueError(f"feature {k} has weight {b[k]}")
    suf2 = st[-2:].encode()
    near: dict[int, tuple[tuple[bytes, ...], tuple[bytes, ...]]] = {}
    for off in _OFFSETS:
        pf = _PREFIX[off]
        pre = [pf + b"w:" + nb, pf + b"s:" + sb]
        pre += [f"{k}:{v}".encode() for k, v in _near_clusters(b, off, groups)]
        if abs(off) == 1:
            pre += [pf + b"sh:" + shb, pf + b"suf2:" + suf2, pf + b"pro:" + pb]
        near[off] = (tuple(pre), tuple(_name(f"{off}:", k) for k in gkeys))
    return _WordItems(nw, nb, tuple(own), near, {off: pre + post for off, (pre, post) in near.items()})


_EDGE = {off: ((f"{off}:w:<s>" if off < 0 else f"{off}:w:</s>").encode(),) for off in (-2, -1, 1, 2)}


@lru_cache(maxsize=200000)
def _known_items(w0: str, groups: frozenset[str], known: frozenset[bytes]) -> _WordItems:
    """:func:`_word_items` less the word-form attributes (``w``, ``stem``, ``raw``
    and the neighbours' ``w``/``s``: most of those of a rare word) that a model does
    not know. Crfsuite skips an unknown attribute, so the scores are the same, bit
    for bit; fewer attributes make the tagger faster."""
    it = _word_items.__wrapped__(w0, groups)  # not cached twice
    keep = known.__contains__
    own = (*it.own[:1], *filter(keep, it.own[1:3]), *it.own[3:-1], *filter(keep, it.own[-1:]))
    near = {off: ((*filter(keep, a[:2]), *a[2:]), b) for off, (a, b) in it.near.items()}
    return _WordItems(it.norm, it.n, own, near, {off: a + b for off, (a, b) in near.items()})


def sent_items(words: Sequence[str], known: frozenset[bytes] | None = None) -> list[list[bytes]]:
    """:func:`sent_features` as crfsuite attribute lists (what the tagger reads from
    the dicts, in the same order, UTF-8 encoded), built from per-word caches.

    ``known``: the attributes of the model that will tag them; the others are left
    out (crfsuite ignores them, so the tags and marginals do not change)."""
    groups = active_groups()
    if known is None:
        its = [_word_items(w, groups) for w in words]
        edge = _EDGE
    else:
        its = [_known_items(w, groups, known) for w in words]
        edge = {off: tuple(filter(known.__contains__, a)) for off, a in _EDGE.items()}
    ns = [it.n for it in its]
    phr = _phrase_tags([it.norm for it in its])
    n = len(its)
    if "context2" not in groups:  # the training script's ablation only
        out: list[list[bytes]] = []
        for i, it in enumerate(its):
            f = list(it.own)
            if phr[i]:
                f.append(b"phr:" + phr[i].encode())
            for off in (-1, 1):
                j = i + off
                if 0 <= j < n:
                    pre, post = its[j].near[off]
                    f += pre
                    if phr[j]:
                        f.append(f"{off}:phr:{phr[j]}".encode())
                    f += post
                else:
                    f += edge[off]
            out.append(f)
    else:
        own = [it.own if not p else (*it.own, b"phr:" + p.encode()) for it, p in zip(its, phr, strict=True)]
        near1 = {off: [it.full[off] if not p else (*it.near[off][0], f"{off}:phr:{p}".encode(), *it.near[off][1])
                       for it, p in zip(its, phr, strict=True)] for off in (-1, 1)}
        left2 = [edge[-2], edge[-2]] + [it.full[-2] for it in its]
        left1 = [edge[-1]] + near1[-1]
        right1 = near1[1][1:] + [edge[1]]
        right2 = [it.full[2] for it in its[2:]] + [edge[2], edge[2]]
        out = [[*o, *a, *b, *c, *d] for o, a, b, c, d in zip(own, left2, left1, right1, right2, strict=False)]  # the pads run past n
    for i in range(1, n):
        pair = ns[i - 1] + b"|" + ns[i]
        prev, nxt = b"bi-1:" + pair, b"bi+1:" + pair
        if known is None or prev in known:
            out[i].append(prev)
        if known is None or nxt in known:
            out[i - 1].append(nxt)
    return out


def _read_table(f: Any) -> dict[str, tuple[str, ...]]:
    """A gzipped ``word<TAB>col...`` table (``#`` lines are comments)."""
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(f.open("rb"), "rt", encoding="utf-8") as fh:
        for ln in fh:
            if ln.startswith("#"):
                continue
            cols = ln.rstrip("\n").split("\t")
            out[cols[0]] = tuple(cols[1:])
    return out


# -- document-level label consistency (second stage) ------------------------------
#: the variants of :func:`doc_context`: ``d`` the document features alone, ``s`` also the first
#: stage's own tag of the token and its neighbours
DOC_VARIANTS = ("d", "ds")


def _doc_key(w: str) -> str | None:
    """The form a word is matched by across a document: its folded stem (3+ letters, Arabic/Latin)."""
    w = _BIDI.sub("", w) or w
    if _shape(w) not in ("A", "L", "LC"):
        return None
    s = stem_of(fold(w))[1]
    return s if len(s) >= 3 else None


def doc_context(sents: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], variant: str = "d") -> list[list[list[str]]]:
    """Attribute names (weight 1.0) of each token of a document, from a first-stage tagging
    ``tags`` of all its sentences (Krishnan & Manning 2006): the type the other occurrences
    of the token's stem in the document are mostly tagged with (``dm:T``; ``dmo:T`` when more
    of them are tagged T than untagged; ``dO`` when they all are untagged), the longest first-stage
    entity elsewhere holding the stem (``dl:B-T`` / ``dl:I-T``, ``dl2`` when it has 2+ words),
    the same of the +-1 neighbours, and with variant ``ds`` the first stage's own tags
    (``s1:``, ``-1:s1:``, ``1:s1:``)."""
    from rasid.actors.ner import bio_spans

    keys = [[_doc_key(w) for w in toks] for toks in sents]
    span_of: dict[tuple[int, int], tuple[str, bool, int]] = {}
    for s, tg in enumerate(tags):
        for typ, a, b in bio_spans(tg):
            for k in range(a, b):
                span_of[(s, k)] = (typ, k == a, b - a)
    occ: dict[str, list[tuple[int, int]]] = {}
    for s, ks in enumerate(keys):
        for i, k in enumerate(ks):
            if k is not None:
                occ.setdefault(k, []).append((s, i))
    own: list[list[list[str]]] = []
    for s, ks in enumerate(keys):
        row = []
        for i, k in enumerate(ks):
            f: list[str] = []
            others = [o for o in occ.get(k, ()) if o != (s, i)] if k is not None else []
            if others:
                cnt: dict[str, int] = {}
                best: tuple[str, bool, int] | None = None
                n_o = 0
                for o in others:
                    sp = span_of.get(o)
                    if sp is None:
                        n_o += 1
                        continue
                    cnt[sp[0]] = cnt.get(sp[0], 0) + 1
                    if best is None or sp[2] > best[2]:
                        best = sp
                if cnt and best is not None:
                    typ = max(sorted(cnt), key=lambda t: cnt[t])
                    f.append("dm:" + typ)
                    if cnt[typ] > n_o:
                        f.append("dmo:" + typ)
                    f.append(("dl:B-" if best[1] else "dl:I-") + best[0])
                    if best[2] >= 2:
                        f.append("dl2:" + best[0])
                else:
                    f.append("dO")
            row.append(f)
        own.append(row)
    out: list[list[list[str]]] = []
    for s, row in enumerate(own):
        n = len(row)
        srow = []
        for i in range(n):
            f = list(row[i])
            for off in (-1, 1):
                j = i + off
                if 0 <= j < n:
                    f += [f"{off}:{x}" for x in row[j] if x.startswith("dm")]
            if variant == "ds":
                f.append("s1:" + tags[s][i])
                if i > 0:
                    f.append("-1:s1:" + tags[s][i - 1])
                if i + 1 < n:
                    f.append("1:s1:" + tags[s][i + 1])
            srow.append(f)
        out.append(srow)
    return out

"""From drafts to claims: content ends, stance, merging, ids, entity links.

1. :mod:`rasid.claims.extract` finds attribution cues and drafts a claim for
   each: source phrase, cue, where the content opens.
2. Here each draft gets its content end (sentence end, the closing quotation
   mark, or the next clause that starts another claim), its final stance
   (negation before the cue, belief or denial words opening the content);
   drafts that restate another are merged ("قال إنه يعتقد أن" is one claim),
   and prepositional attributions that only restate a verb claim in the same
   sentence become an ``according_to`` attribute of that claim.
3. Claims get ids ``claim-N`` in text order; ``via`` points at the relaying
   claim; the source links to the actor/person/organization/outlet entity whose
   mention overlaps it (or to the entity of the mention it corefers with).
"""

from __future__ import annotations

from rasid.claims.extract import Draft, Extractor
from rasid.claims.lexicon import lexicon
from rasid.claims.tokens import CLAUSE_MARKS, OPEN_QUOTES, Words, bare, stems
from rasid.claims.grammar import GENERIC_OPENERS
from rasid.claims.vocab import (
    ANNOUNCEMENT_NOUNS,
    ARTICLE,
    CONJ,
    KANA,
    KANA_PRESENT,
    LI,
    MA,
    QAD_FORMS,
    SAME_WORDS,
    word_set,
)
from rasid.model.document import Claim, ClaimSource, Document, Span
from rasid.text import fold_key

_TRIM = " \t\n" + CLAUSE_MARKS + ".:-–—"  # trimmed off both ends of a content
_OPENER_WORDS = word_set("content_openers.txt")
# words opening a new clause ("بينما", "غير أن"): two-word entries one space apart
_CONTRAST = word_set("contrast.txt")


def _quote_end(text: str, start: int, limit: int) -> int | None:
    """End (exclusive) of the quotation opening at ``start``."""
    close = OPEN_QUOTES.get(text[start])
    if close is None:
        return None
    nl = text.find("\n", start)
    stop = min(limit, nl if nl >= 0 else len(text))
    k = text.find(close, start + 1, stop)
    while k >= 0 and close == text[start] and _glued_open(text, k):
        # "إن المنظمات كـ"داعش" كلها": a mark glued to the word after it opens a quoted name inside
        inner = text.find(close, k + 1, stop)
        k = text.find(close, inner + 1, stop) if inner >= 0 else -1
    if k < 0 and text[start] == "“":
        k = text.find("“", start + 1, stop)  # some sites close with the opening mark
    if k < 0 and stop - start <= 600 and stop < len(text):
        return stop  # left open: the quotation runs to the end of its paragraph
    return k + 1 if k >= 0 else None


def _glued_open(text: str, k: int) -> bool:
    """The mark at ``k`` sits between a word's letters and the next word ("كـ"داعش""): it opens."""
    return 0 < k < len(text) - 1 and not text[k - 1].isspace() and (text[k - 1].isalpha() or text[k - 1] == "\u0640") \
        and text[k + 1].isalpha()


QUOTE_MIN_WORDS = 3  # a shorter quotation opening the content may be a name ("«داعش» يقف وراء ...")


def _quotation_start(w: Words, d: Draft) -> int | None:
    """Where the quotation the content opens with starts: at the content start, or right after an
    opener word ("إن «...»", "أن "..."" ): None when the content opens with no quotation."""
    text = w.doc.text
    s = d.content_start
    if s < len(text) and text[s] in OPEN_QUOTES and text[s] not in "'’":
        return s
    k = w.index_at(s)
    if 0 <= k < len(w) - 1 and w.toks[k].start == s and w.norm(k) in _OPENER_WORDS:
        gap = text[w.toks[k].end:w.toks[k + 1].start]
        j = next((w.toks[k].end + n for n, c in enumerate(gap) if c in OPEN_QUOTES and c not in "'’"), None)
        if j is not None and not gap[:j - w.toks[k].end].strip():
            return j
    return None


def _quotation_closes(text: str, start: int, q: int, words: int, at_start: bool) -> bool:
    """The quotation closing at ``q`` (exclusive) ends the content: it is long enough to be what
    was said ("قال: «...» ثم غادر"), or punctuation, the line end or the text end follows it; one
    after an opener word ("إن «...»") only then (else it may be a quoted name: إن «جبهة النصرة» سيطرت)."""
    rest = text[q:q + 4].lstrip(" ")
    punct = not rest or rest[0] in CLAUSE_MARKS + ".:!?\u061f\n"  # and the Arabic question mark
    if at_start:
        # a word right after it: only a quotation opened by a colon is all that was said ("قال: «...» ثم
        # غادر"); else it may head the content ("واتهمت الوزارة "تنظيمات ..." بتنفيذ الهجوم")
        return punct or words >= QUOTE_MIN_WORDS and text[max(0, start - 8):start].rstrip().endswith(":")
    return punct and words >= 2


def _content_end(w: Words, d: Draft, cut_points: list[int]) -> int:
    text = w.doc.text
    i = w.index_at(d.content_start)
    i = min(i, len(w) - 1)
    sent = w.sentence_span(i) if i >= 0 else w.sentence_span(d.cue_i)
    end = max(sent.end, d.content_start)
    qs = _quotation_start(w, d)
    inside = None
    if qs is not None:
        q = _quote_end(text, qs, qs + 3000)
        if q is not None:
            if qs == d.content_start:
                inside = (qs, q)  # no cut inside it (after an opener word a cue inside may still cut it)
            # the content is the quotation: it ends at its closing mark, not at the sentence end
            # ("وقال المتحدث: «...»، فيما قتل ..."), unless it is a short quoted name opening a clause
            end = q if _quotation_closes(text, qs, q, len(text[qs:q].split()), qs == d.content_start) else max(end, q)
    for c in cut_points:
        if d.content_start < c < end and not (inside and inside[0] < c < inside[1]):
            end = c
            break
    while end > d.content_start and text[end - 1] in _TRIM:
        end -= 1
    return _drop_trailing_contrast(w, d.content_start, end)


_FIRST_PERSON = word_set("first_person.txt")
SPEECH_SENTENCES = 8  # unquoted direct speech runs on at most this many sentences


def _post_goes_on(w: Words, d: Draft, end: int, cue_starts: list[int]) -> int:
    """A post quoted with no mark after "في تغريدته" ("... الصلاة!! من المستهدف؟") runs to the
    end of its line, up to a cue of another claim. The new end."""
    text = w.doc.text
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    nxt = min((c for c in cue_starts if end <= c < line_end), default=line_end)
    new = end
    k = w.index_at(end)
    while k < len(w) and w.toks[k].end <= nxt:
        new = w.toks[k].end
        k += 1
    while new > d.content_start and text[new - 1] in _TRIM:
        new -= 1
    return max(end, new)


def _speech_goes_on(w: Words, d: Draft, end: int, cue_starts: list[int]) -> int:
    """Unquoted direct speech opened by a colon ("قال الوزير: صحيح أن ... . ونعلم أن ...
    نحن نعمل ..."): the next sentences of its paragraph go on with it while they hold no
    cue of their own, once the first of them speaks in the first person. The new end."""
    text = w.doc.text
    if ":" not in text[max(0, d.content_start - 3):d.content_start] or text[d.content_start] in OPEN_QUOTES:
        return end
    k = w.index_at(end)
    if k >= len(w) or w.same_sentence(k - 1, k) or "\n" in text[end:w.toks[k].start]:
        return end
    first = True
    for _ in range(SPEECH_SENTENCES):
        if k >= len(w) or "\n" in text[w.toks[k - 1].end:w.toks[k].start]:
            break
        sent = w.sentence_span(k)
        if any(sent.start <= c < sent.end for c in cue_starts):
            break
        toks = range(k, w.index_at(sent.end))
        if first and not any(w.norm(t) in _FIRST_PERSON for t in toks):
            break
        first = False
        end = sent.end
        k = w.index_at(sent.end)
    while end > d.content_start and text[end - 1] in _TRIM:
        end -= 1
    return end


def _drop_trailing_contrast(w: Words, start: int, end: int) -> int:
    """A content cut before the next clause ends with no word of that clause: "بتفجير السيارة، لكن"
    (the cut fell after the contrast word that opens it) ends at "السيارة"."""
    text = w.doc.text
    k = w.index_at(end) - 1  # the last token starting before the end
    if k < 1 or k >= len(w) or w.toks[k].end != end or w.toks[k].start <= start:
        return end
    two = w.norm(k - 1) + " " + w.norm(k)
    first = k - 1 if two in _CONTRAST else k if w.norm(k) in _CONTRAST else None
    if first is None or first < 1 or w.toks[first].start <= start \
            or not any(c in CLAUSE_MARKS for c in w.punct_before(first)):
        return end
    end = w.toks[first - 1].end
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return end


def _nearest_surface(doc: Document, span: Span, entity: str | None, cue_start: int, kind: str) -> Span:
    """The speaker of a follow-on cue ("وأضاف", "مؤكداً") as it was last named
    before the cue in the same paragraph: a mention of its entity, the phrase
    of the claim it continues, or that phrase's last word (a surname)."""
    text = doc.text
    para = min(text.rfind("\n", 0, cue_start) + 1, span.start)  # never before the phrase it continues
    best = span if span.end <= cue_start else None
    cands: list[tuple[int, int]] = []
    if entity is not None and kind == "named":  # a person's other names; an organisation keeps its phrase
        ent = next((e for e in doc.entities if e.id == entity), None)
        if ent is not None and ent.kind == "person":
            own = {fold_key(t) for t in (span.text + " " + (ent.name_ar or "")).split()}
            cands += [(m.start, m.end) for m in ent.mentions if para <= m.start and m.end <= cue_start
                      and own & {fold_key(t) for t in m.text.split()}]  # a name it goes by, not a stray mention
    words = span.text.split()
    surfaces = [span.text] + ([words[-1]] if kind == "named" and len(words) > 1 and words[-1].isalpha()
                              and len(words[-1]) > 2
                              and not words[-1].startswith(ARTICLE) else [])
    for surf in surfaces:
        k = text.rfind(surf, para, cue_start)
        if k >= 0:
            cands.append((k, k + len(surf)))
    for a, b in cands:
        if a < span.end:
            continue  # inside the phrase itself ("سارة جونسون"): no later surface
        if best is None or a > best.start:
            best = Span(a, b, text[a:b])
    return best if best is not None else span


def _stance(w: Words, d: Draft) -> str:
    lex = lexicon()
    stance = d.stance
    if d.negated:
        return "speculate"
    if bare(fold_key(d.source.span.text.split()[0])) in lex.inference_heads:
        return "speculate"  # "تشير الدلائل إلى أن": an inference, no one asserts it
    if d.before:
        return stance
    k = w.index_at(d.content_start)
    cue = lex.forms.get(stems(w.norm(d.cue_i))[-1]) if d.family == "verb" else None
    if cue is not None and cue.lemma == d.lemma and w.norm(k) in cue.deny_objects and not d.negated:
        return "deny"  # "استبعد الجبير أي تحالف مع الأسد": a refusal
    # skip the opener ("إلى أن", "من أن", "إنه"): look at the first words said
    while k < len(w) and k - w.index_at(d.content_start) < 2 and w.norm(k) in _OPENER_WORDS:
        k += 1
    window = [w.norm(t) for t in range(k, min(len(w), k + 4))]
    joined = " " + " ".join(window) + " "
    wide = " " + " ".join(w.norm(t) for t in range(k, min(len(w), k + 6)) if w.same_sentence(k, t)) + " "
    if stance in ("assert", "speculate") and any(" " + " ".join(p) + " " in wide for p in lex.deny):
        return "deny"  # "اعتبر أن الاتهامات افتراء", "أكد أنه لا صحة"
    if stance == "assert":
        if any(" " + " ".join(p) + " " in joined for p in lex.speculate):
            return "speculate"
    return stance


def _new_clause(w: Words, k: int) -> bool:
    """Token k opens a clause: a comma or a contrast word before it."""
    before = {w.norm(k - 1), w.norm(k - 2) + " " + w.norm(k - 1)}
    return any(c in w.punct_before(k) for c in CLAUSE_MARKS) or bool(before & _CONTRAST)


def _cut_points(drafts: list[Draft], w: Words, verb_cues: list[int]) -> list[int]:
    cuts = [w.toks[k].start for k in verb_cues if _new_clause(w, k)]
    for d in drafts:
        if d.family == "participle" or (d.family == "prep" and d.before):
            s = d.cue.start
            # back over the comma that joins the continuation
            cuts.append(s)
        elif d.family == "verb" and d.source.attrs.get("prodrop") and w.norm(d.cue_i)[:1] in CONJ \
                and w.norm(d.cue_i)[1:] in lexicon().forms:  # a conjunction, not the root و of "وثق"
            cuts.append(d.cue.start)
        elif d.family == "verb" and d.source.attrs.get("prodrop") and d.cue_i > 1 and not w.punct_before(d.cue_i) \
                and w.same_sentence(d.cue_i - 1, d.cue_i) and _new_clause(w, d.cue_i - 1):
            cuts.append(w.toks[d.cue_i - 1].start)  # "...، إذ قال إن": the speaker goes on in a clause of its own
        elif d.family in ("verb", "noun"):
            # a new clause: after a comma or a contrast word ("، بينما نفت
            # مصادر", "غير أن مصادر عراقية تؤكد"); SVO claims cut at the source
            start = min(d.cue.start, d.source.span.start) if not d.source.attrs.get("prodrop") else d.cue.start
            if _new_clause(w, w.index_at(start)):
                cuts.append(start)
    return sorted(set(cuts))



def _merge(drafts: list[Draft], w: Words) -> list[Draft]:
    """Drop drafts that restate another: "قال X إنه يعتقد أن" is one claim
    (the belief verb opens X's content), and a second cue with the same
    source and the same content ("تكهنات من قبل مصادر تحدثت بأن")."""
    keep: list[Draft] = []
    for d in drafts:
        dup = False
        for h in keep:
            k = w.index_at(h.content_start)
            if d.source.attrs.get("prodrop") and d.source.attrs.get("antecedent") is h \
                    and k <= d.cue_i <= k + 3 and d.family != "participle" and _restating_slot(d, k, w) \
                    and (h.content_end is None or d.cue.start < h.content_end):  # not after a short quotation
                # "قال إنه يعتقد أن" / "نفى أن يكون قد قال إن"
                if h.stance == "assert":
                    h.stance = d.stance
                h.attrs["inner_cue"] = d.cue.to_dict()
                dup = True
                break
            if d.via is None and h.via is None and d.content_start == h.content_start \
                    and d.source.span.overlaps(h.source.span):
                dup = True
                break
        if not dup:
            keep.append(d)
    return keep


def _restating_slot(d: Draft, k: int, w: Words) -> bool:
    """The inner cue of ``d`` opens the content starting at token k, or follows only an opener,
    an auxiliary or a negator ("إنه يعتقد", "أن يكون قد قال"), not a noun it describes ("أن طائرات
    حربية يعتقد أنها": the passive "is believed", the outer speaker still asserts)."""
    if d.cue_i == k:
        return True
    n = w.norm(d.cue_i - 1)
    return n in GENERIC_OPENERS or n in QAD_FORMS or n in KANA_PRESENT or stems(n)[-1] in KANA \
        or n in lexicon().negators


#: words that point back at a speaker named before ("مصادر في الفصيل نفسه")
_SAME = SAME_WORDS


def _own_saying(d: Draft, host: Draft, w: Words) -> bool:
    """A trailing attribution that names another speaker's own saying, "وفق ما صرح به
    مدير الأمن", "حسب ما أفادت تقارير", "بحسب إعلان الجهاز": a claim of its own over the
    clause. Not "بحسب تصريحاته" / "بحسب بيان الحزب" after "أعلن الحزب" (the host's
    speaker), nor "وفقاً للمادة العاشرة" (in accordance with)."""
    a, b = w.index_at(d.source.span.start), w.index_at(d.source.span.end) - 1
    h0, h1 = w.index_at(host.source.span.start), w.index_at(host.source.span.end) - 1
    mine = {bare(w.norm(k)) for k in range(h0, h1 + 1)}
    theirs = [bare(w.norm(k)) for k in range(a, b + 1)]
    if mine <= {x for t in theirs for x in (t, bare(t[len(LI):]) if t.startswith(LI) else t)}:
        return False  # the host's own speaker ("بحسب البيان الرسمي للحزب")
    c0, c1 = w.index_at(d.cue.start), w.index_at(d.cue.end) - 1
    if any(w.norm(k) == MA for k in range(c0, c1 + 1)):
        return True  # "وفق ما صرح به", "حسب ما أفادت"
    first = theirs[0] if theirs else ""
    if first in ANNOUNCEMENT_NOUNS and b > a and not any(w.punct_before(k) for k in range(a + 1, b + 1)):
        return True
    # "أعلنت جيبوتي حاجتها ... الذي أسفر عن مقتل أربعة آلاف، نصفهم مدنيون وفق الأمم المتحدة":
    # another speaker, named by a head or an entity, vouches for the clause at the end of the sentence
    # (not "بحسب مصادر في الفصيل نفسه": the host's speaker again, named by "نفسه")
    return d.source.supported and d.source.kind != "document" and not d.source.attrs.get("prodrop") \
        and not any(x in mine or x in _SAME for x in theirs)


def _attach(drafts: list[Draft], w: Words) -> list[Draft]:
    """Prepositional attributions trailing a verb claim become its attribute;
    one heading a sentence relays the verb claims that follow in it
    ("وبحسب الموقع، أعلن الوزير أن ...")."""
    keep = []
    for d in drafts:
        if d.family == "prep" and not d.before:
            for h in drafts:
                if h.family == "verb" and h.via is None and d.cue.end <= h.cue.start \
                        and h.cue.start < (d.content_end or 0) and d.content_start <= h.cue.start:
                    h.via = d
        if d.family == "prep" and d.before:
            host = next((h for h in drafts if h is not d and h.family != "prep" and not h.before
                         and h.content_start < d.cue.start and h.content_end is not None
                         and h.content_end >= d.cue.start - 3
                         and h.cue.start >= (d.content_start or 0)), None)
            if host is not None:
                # "أعلنت الوزارة ...، وفق ما صرح به مديرها": the attribution is a claim of its
                # own over the whole clause (its speaker vouches for the host's saying too)
                host.attrs["according_to"] = d.source.span.to_dict()
                if not _own_saying(d, host, w):
                    continue
        keep.append(d)
    return keep


def _relay_claims(drafts: list[Draft], w: Words) -> list[Draft]:
    """A report relayed by a named outlet in the same sentence with the verb نقل ("ونقلت
    وكالة X عن مصدر Y أن ...") is the outlet's claim too: one claim per link with the same
    content (the relay stays in the original's attrs). Not a document's issuer ("بيان صادر
    عن X") nor "ذكرت X نقلاً عن Y" (the real gold counts the original speaker alone there)."""
    out: list[Draft] = []
    for d in drafts:
        r = d.relay
        if r is not None and d.relay_says and not r.attrs.get("prodrop") and not r.span.overlaps(d.source.span) \
                and r.supported and r.kind != "document" and w.same_sentence(w.index_at(r.span.start), d.cue_i) \
                and not any(o.source.span.overlaps(r.span) and o.content_start == d.content_start for o in drafts):
            # (an outlet named in an earlier sentence has no surface of its own here)
            out.append(Draft(d.cue, d.cue_i, d.lemma, d.family, d.stance, r, d.content_start, d.content_end,
                             before=d.before, negated=d.negated, attrs={"relays": True}))
        out.append(d)  # the original speaker's claim last: the relay's comes first, as in the text
    return out


def extract_claims(doc: Document) -> list[Claim]:
    """Claims found in ``doc`` (ids claim-1..., not yet added to the doc)."""
    if not doc.text.strip():
        return []
    w = Words(doc)
    if not len(w):
        return []
    ex = Extractor(w)
    drafts = ex.run()
    # one claim per (cue, source)
    seen, uniq = set(), []
    for d in drafts:
        key = (d.cue.start, d.source.span.start, d.source.span.end)
        if key not in seen:
            seen.add(key)
            uniq.append(d)
    drafts = sorted(uniq, key=lambda d: (d.cue.start, d.via is not None))
    cuts = _cut_points(drafts, w, ex.verb_cues)
    cue_starts = [w.toks[k].start for k in ex.verb_cues] + [d.cue.start for d in drafts]
    for d in drafts:
        if d.content_end is None:
            d.content_end = _speech_goes_on(w, d, _content_end(w, d, cuts), cue_starts)
            if d.content_start in ex.posts:
                d.content_end = _post_goes_on(w, d, d.content_end, cue_starts)
        else:
            while d.content_end > d.content_start and doc.text[d.content_end - 1] in _TRIM:
                d.content_end -= 1
            while d.content_end < len(doc.text) and doc.text[d.content_end] in "»”\"'":
                d.content_end += 1  # «لن نسمح بإغلاق المعبر»، قال ...
    drafts = [d for d in _attach(_merge(drafts, w), w) if d.content_end - d.content_start >= 3]
    drafts = _relay_claims(drafts, w)
    ids: dict[int, str] = {}
    taken = {c.id for c in doc.claims}
    for d in drafts:
        cid = doc.new_id("claim-", taken)
        taken.add(cid)
        ids[id(d)] = cid
    claims = []
    for d in drafts:
        src = d.source
        entity = src.entity
        ante = src.attrs.get("antecedent")
        if entity is None and ante is not None:
            entity = ante.source.entity
        span = src.span
        if src.attrs.get("prodrop") or d.family == "participle":
            if not src.attrs.get("affiliation") and not (ante is not None and ante.source.attrs.get("affiliation")):
                span = _nearest_surface(doc, span, entity, d.cue.start, src.kind)
        attrs = dict(d.attrs)
        attrs["cue_lemma"] = d.lemma
        attrs["cue_family"] = d.family
        if d.negated:
            attrs["negated"] = True
        if ante is not None and id(ante) in ids:
            attrs["coref"] = ids[id(ante)]
        if src.attrs.get("affiliation"):
            attrs["entity_role"] = "affiliation"  # the entity is the speaker's organisation
        if src.attrs.get("prodrop"):
            attrs["implicit_source"] = True
        if src.attrs.get("channel") is not None:
            ch = src.attrs["channel"]
            attrs["channel"] = {**ch.to_dict(), "entity": (w.entity_for(ch).id if w.entity_for(ch) else None)}
        if "relay" in attrs:
            # both ends of a relayed report: the outlet that relays it, then the original speaker
            attrs["via_chain"] = [attrs["relay"], {**span.to_dict(), "kind": src.kind, "entity": entity}]
        if attrs.pop("anaphoric", False):
            # "ونفت الوزارة الأمر": the claim it answers (the last one by another source before it)
            prev = next((p for p in reversed(drafts) if p.cue.start < d.cue.start and id(p) in ids
                         and not p.source.span.overlaps(src.span) and p is not d
                         and w.sent[d.cue_i] - w.sent[p.cue_i] <= 2), None)
            if prev is not None:
                attrs["refers_to"] = ids[id(prev)]
            else:
                k = w.sent[d.cue_i]
                if k > 0:
                    attrs["refers_to_span"] = w.sents[k - 1].to_dict()
        if d.before:
            attrs["content_before_cue"] = True
        s, e = d.content_start, d.content_end
        claims.append(Claim(
            id=ids[id(d)],
            source=ClaimSource(span.start, span.end, span.text, entity, src.kind),
            cue=Span(d.cue.start, d.cue.end, d.cue.text),
            stance=_stance(w, d),
            content=Span(s, e, doc.text[s:e]),
            via=ids.get(id(d.via)) if d.via is not None else None,
            attrs=attrs,
        ))
    return claims

"""Published interviews: the interviewee speaks in the answers.

An interview prints the journalist's questions and the answers on lines of
their own, each opened by a mark (``data/interview_marks.tsv``: "• ...؟" then
"•• ...", or "س:" then "ج:"). In an answer, a first-person cue right before a
content opener ("نحن نرى أن ...", "لا أعتقد أن ...", "وباعتقادي أن ...";
``data/first_person_cues.tsv``) is a claim of the interviewee: the speaker of
the first claim that names a person before the first question (the
introduction: "استبعد ممثل الائتلاف ... فلان الفلاني، ..."). Elsewhere first
person cues stay quoted speech (no claim of their own).
"""

from __future__ import annotations

from functools import lru_cache

from rasid.claims.grammar import GENERIC_OPENERS, Draft
from rasid.claims.subjects import SubjectRules
from rasid.claims.vocab import CONJ, FIRST_PERSON, word_list
from rasid.text import fold

#: the first person singular is told by its hamza ("أعتقد", not "اعتقد"), which the norm folds away
SINGULAR, SINGULAR_NORM = FIRST_PERSON, fold(FIRST_PERSON)


@lru_cache(maxsize=1)
def _marks() -> tuple[tuple[str, str], ...]:
    """(role, mark) rows, longest mark first so that "••" is read before "•"."""
    rows = [tuple(ln.split("\t", 1)) for ln in word_list("interview_marks.tsv")]
    return tuple(sorted(((r.strip(), m.strip()) for r, m in rows), key=lambda rm: -len(rm[1])))


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    """First-person cue form (token norm) -> stance."""
    out = {}
    for ln in word_list("first_person_cues.tsv"):
        form, stance = ln.split("\t", 1)
        out[form.strip()] = stance.strip()
    return out


class InterviewRules(SubjectRules):
    """Claims of an interviewee in the answers of a published interview (:meth:`interview_answers`)."""

    def interview_lines(self) -> tuple[list[tuple[int, int]], int | None]:
        """The (start, end) of every answer line, and where the first question starts."""
        text = self.w.doc.text
        answers: list[tuple[int, int]] = []
        first_q = None
        pos = 0
        for line in text.split("\n"):
            body = line.lstrip()
            start = pos + len(line) - len(body)
            role = next((r for r, m in _marks() if body.startswith(m)), None)
            if role == "answer":
                answers.append((start, pos + len(line)))
            elif role == "question" and first_q is None:
                first_q = start
            pos += len(line) + 1
        return answers, first_q

    def interviewee(self, before: int) -> Draft | None:
        """The first claim before the first question whose speaker is named."""
        for d in self.drafts:
            if d.cue.start >= before:
                return None
            if d.source.kind == "named" and not d.source.attrs.get("prodrop"):
                return d
        return None

    def interview_answers(self) -> None:
        """Draft the first-person claims of the interviewee in the answers."""
        answers, first_q = self.interview_lines()
        if not answers or first_q is None or first_q > answers[0][0]:
            return
        ante = self.interviewee(first_q)
        if ante is None:
            return
        w, cues = self.w, _cues()
        taken = {d.cue_i for d in self.drafts}
        for a, b in answers:
            k = w.index_at(a)
            while k < len(w) - 1 and w.toks[k].start < b:
                n, text = w.norm(k), w.toks[k].text
                if n[:1] in CONJ and n[1:] in cues:
                    n, text = n[1:], text[1:]
                stance = cues.get(n)
                if stance is not None and k not in taken and w.norm(k + 1) in GENERIC_OPENERS \
                        and w.same_sentence(k, k + 1) and w.toks[k + 1].start < b \
                        and not (n.startswith(SINGULAR_NORM) and not text.startswith(SINGULAR)):
                    src = self.inherit(ante)
                    negated = w.same_sentence(k - 1, k) and w.norm(k - 1) in self.lex.negators  # "لا أعتقد أن"
                    self.drafts.append(Draft(w.span(k, k), k, "first_person", "verb", stance, src,
                                             w.toks[k + 1].start, negated=negated))
                k += 1

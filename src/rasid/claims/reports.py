"""Reports passed on by a publisher: who is the source of what a report says.

"مواقع جزائرية أوردت تقارير تفيد بأن ...", "وكانت وسائل إعلام قد تناقلت الأسبوع
الماضي تقارير تفيد بأن ...", "ونشرت صحيفة «X» تقريرا يؤكد أن ...": the verb
rules give the claim to the report (a ``document`` source); when the report is
the object of a verb of publishing (``data/publishing_verbs.txt``) whose
subject is a speaker, that publisher is the source, and the report is kept in
``attrs["report"]``. A report with no publisher ("وتم تداول تقارير تفيد")
keeps the claim. The same verb with a report noun about something ("وتداولت
وسائل إعلام محلية أنباء عن مقتل قائد الفصيل"; ``data/report_nouns.txt``)
is a claim of the publisher, its content from "عن" (:meth:`passed_on_news`),
when the news names an act with what it bears on ("عن مقتل قائد", "عن انشقاقات
كبيرة"); reports about a definite topic ("ونشرت صحف تقارير عن الهجرة") say nothing.
"""

from __future__ import annotations

from rasid.claims.grammar import TIME_WORDS, Draft
from rasid.claims.sources import Source
from rasid.claims.subjects import SubjectRules
from rasid.claims.tokens import stems
from rasid.claims.vocab import AN, ARTICLE, word_set

PUBLISHING_VERBS = word_set("publishing_verbs.txt")
REPORT_NOUNS = word_set("report_nouns.txt")
PUBLISHER_REACH = 8  # tokens back from a report to the verb that publishes it ("نشرت صحيفة X تقريرا")


class ReportRules(SubjectRules):
    """The publisher of a report as the source of what it says (:meth:`published_reports`)."""

    def published_reports(self) -> None:
        """Give every claim of a published report to its publisher."""
        for d in self.drafts:
            if d.family != "verb" or d.source.kind != "document" or d.source.span.start > d.cue.start:
                continue
            pub = self.publisher(self.w.index_at(d.source.span.start))
            if pub is not None:
                d.attrs["report"] = d.source.span.to_dict()
                self.corefer(pub)
                d.source = pub

    def publisher(self, s: int) -> Source | None:
        """The speaker who publishes the report whose phrase opens at token s."""
        w = self.w
        k = s - 1
        while k >= 0 and w.same_sentence(k, s) and not w.punct_before(k + 1) and (w.in_time(k) or w.norm(k) in TIME_WORDS):
            k -= 1  # "تناقلت الأسبوع الماضي تقارير"
        for v in range(k, max(-1, s - PUBLISHER_REACH), -1):
            if v < 0 or not w.same_sentence(v, s) or (v < k and w.punct_before(v + 1).strip("«»\"“”")):
                return None
            if stems(w.norm(v))[-1] not in PUBLISHING_VERBS:
                continue
            if v == k:
                src = self.source_before(v)  # "مواقع جزائرية أوردت تقارير", "وكانت X قد تناقلت"
            else:
                src = self.source_between(v + 1, k)  # "ونشرت صحيفة «X» تقريرا"
            if src is None or not src.supported or src.kind == "document":
                return None
            return src
        return None

    def passed_on_news(self) -> None:
        """"وتداولت وسائل إعلام أنباء عن مقتل القائد": the publisher claims what the news is about."""
        w = self.w
        taken = {d.cue_i for d in self.drafts}
        for v in range(len(w) - 2):
            if v in taken or stems(w.norm(v))[-1] not in PUBLISHING_VERBS:
                continue
            r = next((k for k in range(v + 1, min(len(w) - 1, v + PUBLISHER_REACH))
                      if w.norm(k) in REPORT_NOUNS and w.norm(k + 1) == AN), None)
            if r is None or not w.same_sentence(v, r + 1) or any(w.punct_before(t) for t in range(v + 1, r + 2)):
                continue
            if r + 2 < len(w) and w.norm(r + 2).startswith(ARTICLE):
                continue  # "تقارير عن الهجرة": a topic, no act said to have happened
            k = r - 1
            while k > v and (w.in_time(k) or w.norm(k) in TIME_WORDS):
                k -= 1
            src = self.source_between(v + 1, k) if k > v else self.source_before(v)
            if src is None or not src.supported or src.kind == "document":
                continue
            self.corefer(src)
            self.drafts.append(Draft(w.span(v, v), v, "publish", "verb", "assert", src, w.toks[r + 1].start))

"""Pipeline stage: claims - who says what, with which cue and stance.

Attribution in Arabic news: a cue (قال، نفى، يعتقد، بحسب ...; ``data/cues.yaml``)
with its stance, the source phrase (named person, anonymous source,
organisation, media, document; ``data/sources.yaml``), and the content the
source asserts, denies or speculates, with chains ("نقل موقع X عن مصدر Y")
and continuations ("وأضاف أن", "ولفت المصدر").

Cue families (issue 18): sayings, continuations (وأضاف، وتابع، مشيراً), calls
and appeals (دعا، حث، طالب، ناشد), accusations and denials (اتهم، نفى، فنّد),
evaluations and beliefs (اعتبر، وصف، يرى، استبعد: speculate), renewals (جدّد،
كرّر), nouns of saying (دعوة، إعلان، تنديد، اتهام، بيان) and prepositional
attributions (بحسب، وفق، نقلاً عن), judgements after an object pronoun
("واعتبرته جريمة"، "وعدتها تصريحات ..."، "ووصفه بـ"), nouns of saying with a
possessive ("واتهامه لها بـ": the person named last before it) and a closing
"، كما قال X." for the clause before. A follow-on cue's speaker is the last
compatible speaker within a few sentences (one surely of the other gender is
skipped), else the subject of the sentence before when that is no claim
("استقبل الوزير فلان الوفد. وقال إن ..."), given as its nearest earlier
surface; a source reached through a second one ("التلفزيون الرسمي عن مصدر
عسكري") is the original speaker, with ``attrs.relay`` and ``attrs.via_chain``
(relay, original); an anaphoric denial ("نفت الأمر") names the claim it answers
in ``attrs.refers_to``. Also: ف/و before وفق ("فوفق المصدر"); a phrase set off by
commas attributes the clause around it ("وتعتزم روسيا، وفق صحيفة X، إرسال ...")
and "، فإن ..." after it; كشف with a bare object from ``data/disclosed_objects.txt``;
direct speech after the speaker with no mark (``direct``: ``data/direct_openers.txt``);
a speaker's named apposition before a bare object; the relaying outlet as the
speaker of a later follow-on cue of its gender; the addressed phrase after the
speaker of an addressee cue ("اتهمت المعارضة الحزبَ الحاكم بـ"); "وجاء في" + a
document head. Session 19: "ما كشفت عنه الوزارة من أن"; a relative clause with
its own subject ("التي يتوقع كثيرون أن", "الذي وصفته وسائل الإعلام بـ"); a plural
verb takes no subject after it ("دعوا الحكومة إلى"); a possessed noun or a noun of
saying after the verb is its object ("أعلن مسؤوليته", "جدد التأكيد على"); adjectives
that look like cues ("قيود مشددة", "أعضاء جدد"); "وفقاً لصحيفة «X»" keeps the outlet;
a post after "في تغريدته" with no mark; ردّ بأن; استبعد + أي is a denial, and a hedge
inside what is said leaves a saying assert (the stance follows the cue). Claims
said inside another's clause, quotation or trailing attribution (``attrs.reported``)
speak for no follow-on cue.

Works without entities, from its word lists alone; uses the actors stage's
entities (links, kinds, name boundaries), the places stage's metonyms and the
times stage's expressions (cut off the end of a source) when present.

Modules: :mod:`.lexicon` (cue and source lexicon), :mod:`.vocab` (small word
classes, ``data/particles.tsv`` and ``data/*.txt``), :mod:`.tokens` (token
view), :mod:`.sources` (source phrases), :mod:`.state` (the rules' shared
state and token lookups), :mod:`.subjects` (where the source stands),
:mod:`.extract` (cue rules -> drafts: the ``Extractor`` built of
:mod:`.openers`, :mod:`.prepositional`, :mod:`.nouns`, :mod:`.verb_objects`,
:mod:`.verbs`, :mod:`.reports` and :mod:`.interview`), :mod:`.assemble` (drafts ->
:class:`~rasid.model.document.Claim`).

Issue 18, session 20: "حسبما/بحسبما أفادت X" for the clause before; a bare object
after the speaker (and a channel "لـ«عكاظ»") before a later preposition of the cue;
a country set aside as a metonym is a source ("وأعلنت جيبوتي"); "النائب فلان عن
ائتلاف X" is no relay; the name after a spokesman's organisation and city; a report's
publisher ("مواقع أوردت تقارير تفيد بأن") and news passed on ("تداولت وسائل إعلام
أنباء عن"); "بيان صادر عن X"; أبلغ with the one told after it; the interviewee's
first-person claims in an interview's answers ("•• نحن نرى أن").

Issue 18, helper claims12: "نقل X عن Y أن" is X's claim too (one claim per link, as the real
gold counts it; not "عن Y قوله إن", not "بيان صادر عن X"); academic titles (بروفسور، أ.د، د.)
before a name; a passive right after the cue ("وقال تم ...", ``data/impersonal_openers.txt``);
a trailing "وفق/بحسب X" of another speaker is a claim of its own over the clause ("وفقا لخطة"
names no speaker); "أما X، فأعلنت"; "قطع X بأن"; "مضى X بالقول/بالتأكيد"; a topic phrase
before a verb with no subject ("وحول X قال:"); "وأضافت في بيان أصدرته X"; "نشرت X بيانا
قالت فيه" (the issuer speaks); the one addressed by a call ("ودعا الوزير المجتمع الدولي إلى",
``data/addressees.txt``; "دعا ... للتحرك"); abstract nouns in -ية open a bare object
("مؤكدا أهمية", ``data/abstract_iyya.txt``); "تعتبر أكبر ..." is the passive.

Issue 18, helper claims14 (families read on the 392-article corpus): a subject after a sentence-opening
كان or a contrast word (``fronting`` in particles.tsv) set off from its verb by a comma and asides
("غير أن مسؤولاً أميركياً، رفض نشر اسمه، قال إن"); an addressee verb with its speaker after it, the one
addressed and a far "بـ" ("طالب رئيس المجلس فلان أمس رئيسَ الوزراء فلاناً بإقالة"); a verb cue right
after a preposition is a verbal noun ("قادرة على وصف"); "موقع تابع لـ" is the adjective; a title's
person name after the verb is the speaker's; the subject before "كانوا"; a short setting before the
verb is no content; a claim said inside another's content speaks for no follow-on cue of a later
sentence; "ولو أن" opens nothing; a quoted organisation right after the verb speaks ("أعلنت «حركة
X» أمس، في بيان، عن"), a quoted name in ل is no channel; a long topic closed by a comma holds the
speaker over ("وعن الغارات التي ...، قال إن"); a relative clause with a cue right after the speaker;
a passive belief after a noun ("طائرات حربية يعتقد أنها") is a speculate claim of its own.

Issue 18, helper claims15 (a fresh audit sample of real reporting): "وصف" with one oblique plural
then بأن judges that noun, the speaker is left out ("فيما وصف السياسيين بأنهم"); "من جهته/من جانبه"
with no comma opens the participle's clause ("من جانبه رفض السفير فلان ...، مؤكدا"); critics
(منتقدون) speak; a contrast word ends a relative clause; "خطيب جمعة" is a title; a fear or
certainty expressed (عن مخاوفه، خوفهم، يقينه) is speculate.
"""

from __future__ import annotations

from rasid.claims.assemble import extract_claims
from rasid.model.document import Document

__all__ = ["annotate", "extract_claims"]


def annotate(doc: Document) -> None:
    """Append the claims found in ``doc`` to ``doc.claims``."""
    doc.claims.extend(extract_claims(doc))

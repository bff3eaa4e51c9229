"""Small hand-written Arabic articles with hand-built annotations for crossdoc tests.

One air strike on Al-Bukamal (Deir ez-Zor) on 2024-03-12, reported by three
outlets, copied by a fourth (syndication, lightly edited) and denied by a
fifth; and an unrelated strike the same day on Kafr Nabl (Idlib province).
"""

from __future__ import annotations

from rasid.model.document import Claim, ClaimSource, Document, Entity, Event, PlaceInfo, Span

BUKAMAL = ("Al-Bukamal", "البوكمال", 34.4537, 40.9187, "SY", "Deir ez-Zor")
MAYADIN = ("Al-Mayadin", "الميادين", 35.0209, 40.4521, "SY", "Deir ez-Zor")
KAFRNABL = ("Kafr Nabl", "كفرنبل", 35.6137, 36.5610, "SY", "Idlib")

TEXT_A = (
    "قصفت طائرات حربية أمريكية فجر الثلاثاء مواقع لفصائل مسلحة موالية لإيران في مدينة البوكمال "
    "بريف دير الزور الشرقي، ما أسفر عن مقتل سبعة مسلحين. وقال المرصد السوري لحقوق الإنسان إن الغارات "
    "استهدفت مستودعات للأسلحة والذخيرة قرب الحدود العراقية. وأضاف المرصد أن سيارات الإسعاف هرعت إلى "
    "المكان بعد الضربات، وأن حالة من الاستنفار تسود صفوف الفصائل في المنطقة."
)
# the syndicated copy: same article, a new opening phrase and one word changed
TEXT_D = (
    "دمشق - وكالات: " + TEXT_A.replace("هرعت", "توجهت")
)
TEXT_B = (
    "أفادت مصادر محلية بأن غارات جوية استهدفت فجر اليوم مقرات لميليشيات تدعمها طهران في البوكمال "
    "شرقي سوريا. وذكر ناشطون أن الانفجارات سمعت في أرجاء المدينة وأن أعمدة الدخان تصاعدت من موقع "
    "القصف، دون أن ترد معلومات عن حجم الخسائر."
)
TEXT_C = (
    "أعلن مسؤول في وزارة الدفاع الأمريكية أن القوات الأمريكية نفذت ضربات جوية أمس على منشآت تستخدمها "
    "جماعات مدعومة من إيران قرب البوكمال، ردا على هجمات استهدفت قواعد أمريكية في المنطقة. وأوضح "
    "المسؤول أن الضربات كانت محدودة ومدروسة."
)
TEXT_E = (
    "نفى متحدث باسم التحالف الدولي أن تكون طائراته قد شنت أي غارة على البوكمال خلال الأيام الماضية، "
    "مؤكدا أن التقارير المتداولة عن الضربة غير صحيحة وأن قوات التحالف لم تنفذ عمليات في تلك المنطقة."
)
TEXT_F = (
    "قال الدفاع المدني السوري إن طائرات حربية روسية شنت غارات على بلدة كفرنبل في ريف إدلب الجنوبي "
    "يوم الثلاثاء، ما أدى إلى مقتل مدنيين اثنين وإصابة آخرين بجروح، فيما تواصل فرق الإنقاذ البحث "
    "تحت الأنقاض."
)
TEXT_G = (
    "استهدفت غارات جوية مجهولة الثلاثاء موقعا عسكريا في مدينة الميادين بريف دير الزور، وقالت شبكة "
    "محلية إن الغارات أدت إلى تدمير عربات عسكرية."
)


def _span(text: str, phrase: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return Span(i, i + len(phrase), phrase)


def make_doc(doc_id: str, outlet: str, published: str, text: str, *, trigger: str, place: tuple,
             date: str | None, source: str | None = None, cue: str | None = None, stance: str = "assert",
             modality: str = "asserted", actor: tuple[str, str] | None = None, title: str | None = None) -> Document:
    """A Document with one ASSAULT event and (optionally) the claim it is under."""
    doc = Document(id=doc_id, text=text, published=published, outlet=outlet, title=title)
    name, name_ar, lat, lon, country, admin1 = place
    pe = Entity("place-1", "place", name, name_ar, [_span(text, name_ar)],
                PlaceInfo(lat, lon, country=country, feature="city", precision=1, admin1=admin1))
    doc.entities.append(pe)
    actor_id = None
    if actor is not None:
        an, aar = actor
        doc.entities.append(Entity("actor-1", "actor", an, aar, [_span(text, aar)]))
        actor_id = "actor-1"
    claim_id = None
    if source is not None and cue is not None:
        src = _span(text, source)
        cue_s = _span(text, cue)
        content = Span(cue_s.end + 1, len(text), text[cue_s.end + 1:])
        doc.claims.append(Claim("claim-1", ClaimSource(src.start, src.end, src.text, None, "organization"),
                                cue_s, stance, content))
        claim_id = "claim-1"
    trig = _span(text, trigger)
    sent = doc.sentence_at(trig.start) or trig
    doc.events.append(Event(
        "event-1", "ASSAULT", trig, [Span(sent.start, sent.end, text[sent.start:sent.end])],
        mode="aerial", actor=actor_id, place="place-1",
        time={"value_start": date, "value_end": date} if date else None,
        modality=modality, claim=claim_id, confidence=0.8))
    assert doc.check_spans() == [], doc.check_spans()
    return doc


def strike_docs() -> list[Document]:
    """A, B, C report the Bukamal strike, D copies A, E denies it, F is Idlib."""
    us = ("US military", "طائرات حربية أمريكية")
    return [
        make_doc("a", "وكالة الشرق", "2024-03-12", TEXT_A, trigger="قصفت", place=BUKAMAL, date="2024-03-12",
                 source="المرصد السوري لحقوق الإنسان", cue="وقال", actor=us,
                 title="غارات أمريكية على مواقع فصائل موالية لإيران في البوكمال"),
        make_doc("b", "صحيفة الفرات", "2024-03-12", TEXT_B, trigger="غارات جوية", place=BUKAMAL,
                 date="2024-03-12", source="مصادر محلية", cue="أفادت",
                 title="غارات جوية على مقرات ميليشيات في البوكمال"),
        make_doc("c", "موقع البادية", "2024-03-13", TEXT_C, trigger="ضربات جوية", place=BUKAMAL,
                 date="2024-03-12", source="مسؤول في وزارة الدفاع الأمريكية", cue="أعلن",
                 actor=("US military", "القوات الأمريكية"),
                 title="البنتاغون: ضربات على منشآت لجماعات مدعومة من إيران قرب البوكمال"),
        make_doc("d", "شبكة الخليج", "2024-03-12", TEXT_D, trigger="قصفت", place=BUKAMAL, date="2024-03-12",
                 source="المرصد السوري لحقوق الإنسان", cue="وقال", actor=us,
                 title="غارات أمريكية على مواقع فصائل موالية لإيران في البوكمال"),
        make_doc("e", "قناة المشرق", "2024-03-13", TEXT_E, trigger="غارة", place=BUKAMAL, date=None,
                 source="متحدث باسم التحالف الدولي", cue="نفى", stance="deny", modality="denied",
                 actor=("International coalition", "التحالف الدولي"),
                 title="التحالف ينفي شن غارات على البوكمال"),
        make_doc("f", "وكالة الشرق", "2024-03-12", TEXT_F, trigger="غارات", place=KAFRNABL, date="2024-03-12",
                 source="الدفاع المدني السوري", cue="قال", actor=("Russian military", "طائرات حربية روسية"),
                 title="قتيلان بغارات روسية على كفرنبل"),
    ]


def mayadin_doc() -> Document:
    """A strike the same day 60 km away in the same province (must stay separate)."""
    return make_doc("g", "صحيفة الفرات", "2024-03-12", TEXT_G, trigger="غارات جوية", place=MAYADIN,
                    date="2024-03-12", title="غارات مجهولة على موقع عسكري في الميادين")


# Two instances of one template (hand-written): a congratulation cable sent on
# another day to another president; only the day, the names and the country differ.
_CABLE = (
    "بعث رئيس مجلس الوزراء اليوم {day} برقية تهنئة إلى الرئيس {name} رئيس {country} بمناسبة ذكرى "
    "استقلال بلاده. وأعرب رئيس المجلس في برقيته باسمه واسم الحكومة والشعب عن أصدق التهاني وأطيب "
    "التمنيات بموفور الصحة والسعادة لفخامته، وللحكومة وللشعب الصديق المزيد من التقدم والازدهار في "
    "ظل قيادته الحكيمة. كما بعث وزير الخارجية برقية مماثلة إلى نظيره عبر فيها عن أبلغ التهاني "
    "بهذه المناسبة الوطنية، متمنيا للعلاقات الثنائية بين البلدين مزيدا من النمو والتطور في مختلف "
    "المجالات السياسية والاقتصادية والثقافية، ومؤكدا حرص بلاده على تعزيز التعاون المشترك وتبادل "
    "الزيارات على جميع المستويات بما يخدم مصالح الشعبين الصديقين ويحقق تطلعاتهما."
)
CABLE_1 = _CABLE.format(day="الاثنين", name="سامر الخطيب", country="جمهورية الواحة")
CABLE_2 = _CABLE.format(day="الخميس", name="كريم العلي", country="جمهورية الساحل")
# a syndicated copy of the first: a dateline added, the last clause cut
CABLE_1_COPY = "العاصمة - وكالات: " + CABLE_1[:CABLE_1.index("بما يخدم")].rstrip() + "."


def cable_doc(doc_id: str, text: str, published: str, outlet: str, name: str, country: str) -> Document:
    """A cable with its recipient (person) and country (place) as entities, no event."""
    doc = Document(id=doc_id, text=text, published=published, outlet=outlet)
    doc.entities.append(Entity("person-1", "person", None, name, [_span(text, name)]))
    doc.entities.append(Entity("place-1", "place", None, country, [_span(text, country)]))
    return doc

"""Gold annotations for the blind-gold set (same format and conventions as the dev gold).

Written without looking at the system's output; never tune the stages on it.
"""


def P(ar, en, lat, lon, tol, opt=False):
    return {"ar": ar, "en": en, "lat": lat, "lon": lon, "tol_km": tol, "optional": opt}


def T(text, start, end=None, opt=False):
    return {"text": text, "start": start, "end": end or start, "optional": opt}


def C(source, cue, stance, key):
    return {"source": source, "cue": cue, "stance": stance, "key": key}


def E(type_, key, place, date, actor, modality="asserted", opt=False, tol=None, **counts):
    e = {"type": type_, "key": key, "place": place, "date": date, "actor": actor, "modality": modality}
    if tol is not None:
        e["date_tol_days"] = tol
    e.update(counts)
    if opt:
        e["optional"] = True
    return e


DEZ = P("دير الزور", "Deir ez-Zor", 35.336, 40.14, 25)
BUSAYRAH = P("البصيرة", "Al-Busayrah", 35.16, 40.43, 20)
EUPHRATES = P("الفرات", "Euphrates", 35.0, 40.5, 300, True)
ERBIL = P("أربيل", "Erbil", 36.19, 44.01, 25)
HARIR = P("قاعدة حرير", "Harir air base", 36.54, 44.35, 25)
BAGHDAD = P("بغداد", "Baghdad", 33.31, 44.36, 25)
DAMASCUS_M = P("دمشق", "Damascus", 33.51, 36.29, 25, True)
WASHINGTON_M = P("واشنطن", "Washington", 38.9, -77.0, 50, True)
IDLIB = P("إدلب", "Idlib", 35.93, 36.63, 50)
LEBANON = P("لبنان", "Lebanon", 33.9, 35.8, 150)

G = {}

G["bg01_sdf_tribes_dhiban"] = {
    "places": [
        DEZ,
        P("ذيبان", "Dhiban", 35.01, 40.5, 15),
        P("بريطانيا", "United Kingdom", 54.0, -2.0, 500),
        P("الشحيل", "Al-Shuhayl", 35.08, 40.41, 15),
        BUSAYRAH,
        EUPHRATES,
        P("الكشكية", "Al-Kishkiyah", 34.9, 40.57, 20),
        DAMASCUS_M,
        WASHINGTON_M,
        P("الطيانة", "Al-Tayyana", 34.98, 40.53, 15),
    ],
    "actors": ["SDF", "Arab tribal fighters", "SOHR", "SANA", "US-led coalition", "CENTCOM", "Al-Ukaydat tribe",
               "Deir ez-Zor Military Council", "Syrian government"],
    "persons": ["فرهاد شامي", "أحمد الخبيل"],
    "times": [
        T("مساء الثلاثاء", "2023-08-29"),
        T("أول أمس", "2023-09-01"),
        T("27 آب/أغسطس", "2023-08-27"),
        T("خلال الأيام المقبلة", "2023-09-04", "2023-09-10", True),
        T("مطلع الشهر الجاري", "2023-09-01", "2023-09-10", True),
        T("الأسبوع المقبل", "2023-09-04", "2023-09-10", True),
    ],
    "claims": [
        C("المرصد السوري لحقوق الإنسان", "أفاد", "assert", "اشتباكات عنيفة"),
        C("المرصد", "قال", "assert", "امتدت أول أمس إلى بلدتي الشحيل والبصيرة"),
        C("قوات سوريا الديمقراطية", "نفت", "deny", "انتفاضة عشائرية"),
        C("قوات سوريا الديمقراطية", "مؤكدة", "assert", "خلايا مرتبطة بالنظام السوري"),
        C("فرهاد شامي", "قال", "assert", "اعتقلت 25 مسلحاً"),
        C("وكالة الأنباء السورية الرسمية", "ذكرت", "assert", "يواجهون ممارسات ميليشيا قسد"),
        C("مصادر كردية", "اتهمت", "assert", "بتسليح مقاتلي العشائر"),
        C("محللون", "يرجح", "speculate", "تتسع رقعة المواجهات"),
        C("مصدر عشائري", "أشار", "assert", "يعتزمون عقد اجتماع موسع"),
        C("المرصد", "أضاف", "assert", "حصيلة القتلى منذ بدء المعارك"),
        C("مصدر عشائري", "مضيفاً", "assert", "مطالب العشائر تتركز"),
    ],
    "events": [
        E("ASSAULT", "اشتباكات عنيفة", "Dhiban", "2023-08-29", "SDF", tol=1, fatalities=9, injuries=14),
        E("ASSAULT", "هاجم مسلحو العشائر حواجز", "Al-Shuhayl", "2023-09-01", "Arab tribal fighters", tol=1),
        E("COERCE", "اعتقلت 25 مسلحاً", "Al-Kishkiyah", None, "SDF", arrests=25),
        E("AID", "بتسليح مقاتلي العشائر", None, None, "Syrian government", opt=True),
        E("ACCUSE", "اتهمت مصادر كردية دمشق", None, None, "SDF", opt=True),
        E("ASSAULT", "تتسع رقعة المواجهات", None, None, "Arab tribal fighters", "speculated", opt=True),
        E("CONSULT", "زار المنطقة", None, None, "CENTCOM", opt=True),
        E("CONSULT", "عقد اجتماع موسع", "Al-Tayyana", "2023-09-07", "Al-Ukaydat tribe", "planned", tol=4),
        E("COERCE", "اعتقال قسد قائد مجلس دير الزور العسكري", None, None, "SDF"),
    ],
}

G["bg02_harir_rockets"] = {
    "places": [
        ERBIL,
        HARIR,
        P("إقليم كردستان", "Kurdistan Region", 36.4, 44.3, 200),
        P("العراق", "Iraq", 33.0, 43.7, 500),
        P("الكوير", "Gwer", 36.03, 43.5, 25),
        P("إقليم كوردستان", "Kurdistan Region (var.)", 36.4, 44.3, 200, True),
        P("بغداد", "Baghdad", 33.31, 44.36, 25, True),
        P("مطار أربيل الدولي", "Erbil International Airport", 36.24, 43.96, 15, True),
        P("حقل كورمور", "Khor Mor gas field", 35.3, 44.85, 30),
        P("جمجمال", "Chamchamal", 35.53, 44.83, 20),
        P("السليمانية", "Sulaymaniyah", 35.56, 45.43, 60),
    ],
    "actors": ["US-led coalition", "Kurdistan Region Counter-Terrorism", "Kurdistan Regional Government",
               "Iraqi government", "Peshmerga", "Kataib Hezbollah", "US State Department"],
    "persons": ["أبو علي العسكري"],
    "times": [
        T("الأحد 12 حزيران/يونيو", "2022-06-12"),
        T("صباح اليوم", "2022-06-13"),
        T("نيسان/أبريل الماضي", "2022-04-01", "2022-04-30"),
        T("مطلع العام", "2022-01-01", "2022-01-31", True),
    ],
    "claims": [
        C("جهاز مكافحة الإرهاب في الإقليم", "أعلن", "assert", "سقطت ثلاثة صواريخ"),
        C("الجهاز", "قال", "assert", "أطلقت من منطقة قريبة من ناحية الكوير"),
        C("الجهاز", "مرجحاً", "speculate", "جماعات خارجة عن القانون"),
        C("حكومة إقليم كوردستان", "أكدت", "assert", "يستهدف أمن واستقرار الإقليم"),
        C("مسؤول أمني كردي", "قوله", "assert", "عثرت على منصة الإطلاق"),
        C("أبو علي العسكري", "نفى", "deny", "أي علاقة للفصائل بالهجوم"),
        C("أبو علي العسكري", "معتبراً", "speculate", "محاولة مكشوفة لخلط الأوراق"),
        C("مراقبون", "يتوقع", "speculate", "تشهد المنطقة هجمات مماثلة"),
        C("وزارة الخارجية الأمريكية", "قالت", "assert", "تدين بشدة"),
        C("وزارة الخارجية الأمريكية", "مشيرة", "assert", "على تواصل مع المسؤولين"),
    ],
    "events": [
        E("ASSAULT", "سقطت ثلاثة صواريخ", "Harir air base", "2022-06-12", None, tol=1),
        E("ASSAULT", "هجوم بطائرة مسيرة استهدف مطار أربيل الدولي", "Erbil", "2022-04-15", None, tol=15),
        E("ASSAULT", "قصف صاروخي طال حقل كورمور", "Khor Mor gas field", None, None),
        E("ASSAULT", "هجمات مماثلة", None, None, None, "speculated", opt=True),
        E("COERCE", "ملاحقة المنفذين", None, None, "Iraqi government", "planned", opt=True),
    ],
}

G["bg03_jordan_drug_convoy"] = {
    "places": [
        P("عمّان", "Amman", 31.95, 35.93, 25),
        P("الرويشد", "Al-Ruwayshid", 32.5, 38.2, 30),
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("الأردن", "Jordan", 31.2, 36.5, 300),
        P("الخليج", "Persian Gulf", 27.0, 51.0, 800, True),
        DAMASCUS_M,
        P("السويداء", "As-Suwayda", 32.71, 36.57, 40),
    ],
    "actors": ["Jordanian Armed Forces", "Jordanian Border Guard", "drug smugglers", "Syrian Interior Ministry",
               "Syrian authorities", "armed groups"],
    "persons": ["مصطفى الحياري"],
    "times": [
        T("اليوم الخميس", "2022-01-27"),
        T("فجر اليوم", "2022-01-27"),
        T("مطلع العام الجاري", "2022-01-01", "2022-01-31", True),
        T("الأسبوع الماضي", "2022-01-17", "2022-01-23", True),
        T("12 شباط/فبراير المقبل", "2022-02-12"),
    ],
    "claims": [
        C("القوات المسلحة الأردنية", "أعلنت", "assert", "أحبطت فجر اليوم محاولة تسلل"),
        C("مصدر عسكري مسؤول", "قوله", "assert", "استغلوا الأحوال الجوية"),
        C("المصدر", "أضاف", "assert", "ضبطت أكثر من مليوني حبة كبتاغون"),
        C("المصدر", "مشيراً", "assert", "عمليات التفتيش والتمشيط لا تزال مستمرة"),
        C("العميد مصطفى الحياري", "لافتاً", "assert", "عشرات المحاولات المماثلة"),
        C("العميد مصطفى الحياري", "أوضح", "assert", "باتت منظمة"),
        C("مصدر في وزارة الداخلية السورية", "نفى", "deny", "منطلقاً منظماً لتهريب المخدرات"),
        C("مصدر في وزارة الداخلية السورية", "مؤكداً", "assert", "صادرت شحنات مماثلة"),
        C("خبراء أمنيون", "يرى", "speculate", "تنفيذ ضربات جوية داخل الأراضي السورية"),
        C("مسؤول حكومي", "نقلت", "assert", "يعقد وزير الداخلية الأردني اجتماعاً"),
    ],
    "events": [
        E("ASSAULT", "مقتل أربعة مهربين", "Al-Ruwayshid", "2022-01-27", "Jordanian Armed Forces", tol=1, fatalities=4),
        E("COERCE", "اعتقال سبعة آخرين", "Al-Ruwayshid", "2022-01-27", "Jordanian Armed Forces", tol=1, arrests=7),
        E("COERCE", "أحبطت فجر اليوم محاولة تسلل", "Al-Ruwayshid", "2022-01-27", "Jordanian Armed Forces", opt=True),
        E("COERCE", "ضبطت أكثر من مليوني حبة كبتاغون", "Al-Ruwayshid", None, "Jordanian Armed Forces", opt=True),
        E("COERCE", "صادرت شحنات مماثلة", "As-Suwayda", None, "Syrian authorities", opt=True),
        E("ASSAULT", "تنفيذ ضربات جوية داخل الأراضي السورية", "Syria", None, "Jordanian Armed Forces", "speculated"),
        E("CONSULT", "يعقد وزير الداخلية الأردني اجتماعاً", None, "2022-02-12", "Jordan", "planned"),
    ],
}

G["bg04_idlib_russian_strikes"] = {
    "places": [
        IDLIB,
        P("جبل الزاوية", "Jabal al-Zawiya", 35.68, 36.52, 20),
        P("البارة", "Al-Bara", 35.68, 36.53, 15),
        P("كنصفرة", "Kansafra", 35.65, 36.52, 15),
        P("فليفل", "Flifel", 35.66, 36.55, 15),
        P("موسكو", "Moscow", 55.75, 37.62, 50, True),
        P("سوتشي", "Sochi", 43.6, 39.73, 30),
        P("روسيا", "Russia", 61.5, 105.3, 3000, True),
        P("أنقرة", "Ankara", 39.93, 32.85, 40, True),
        P("كفرلوسين", "Kafr Lusin", 36.21, 36.65, 20),
        P("أريحا", "Ariha", 35.81, 36.61, 15),
    ],
    "actors": ["Russian forces", "Syrian Civil Defence", "SOHR", "Russian Defence Ministry", "HTS", "Turkey",
               "Russia", "Turkish forces", "Syrian government forces"],
    "persons": ["رجب طيب أردوغان", "فلاديمير بوتين", "عبد الوهاب عاصي", "عمر أوزكيزيلجيك"],
    "times": [
        T("صباح الأحد", "2021-09-26"),
        T("مطلع الشهر الجاري", "2021-09-01", "2021-09-10", True),
        T("آذار/مارس 2020", "2020-03-01", "2020-03-31"),
        T("الأربعاء المقبل", "2021-09-29"),
        T("أول أمس", "2021-09-25"),
        T("خلال الأسابيع المقبلة", "2021-09-28", "2021-10-31", True),
        T("مساء السبت", "2021-09-25"),
    ],
    "claims": [
        C("الدفاع المدني السوري", "أفاد", "assert", "مقتل خمسة مدنيين"),
        C("مدير المكتب الإعلامي في الدفاع المدني", "قال", "assert", "استهدفت بلدات البارة"),
        C("المرصد السوري لحقوق الإنسان", "أفاد", "assert", "أكثر من 400 غارة"),
        C("وزارة الدفاع الروسية", "زعمت", "assert", "دمرت مستودعات أسلحة"),
        C("وزارة الدفاع الروسية", "نفت", "deny", "استهداف أي مناطق سكنية"),
        C("عبد الوهاب عاصي", "يعتقد", "speculate", "تسعى إلى تحسين شروطها التفاوضية"),
        C("عبد الوهاب عاصي", "متوقعاً", "speculate", "تطالب روسيا بفتح الطريق الدولي"),
        C("عمر أوزكيزيلجيك", "يرى", "speculate", "لن تقدم تنازلات جوهرية"),
        C("عمر أوزكيزيلجيك", "مرجحاً", "speculate", "تعزز نقاط مراقبتها"),
        C("مصادر محلية", "بحسب", "assert", "برتل عسكري ضم نحو 30 آلية"),
        C("صحيفة يني شفق", "ذكرت", "assert", "تدرس إرسال تعزيزات إضافية"),
        C("ناشطون", "تحدث", "assert", "نزوح عشرات العائلات"),
    ],
    "events": [
        E("ASSAULT", "شنت طائرات حربية روسية، صباح الأحد، أكثر من عشرين غارة جوية", "Jabal al-Zawiya", "2021-09-26", "Russian forces", fatalities=5),
        E("ASSAULT", "أكثر من 400 غارة", "Idlib", None, "Russian forces", opt=True),
        E("ASSAULT", "دمرت مستودعات أسلحة", None, None, "Russian forces", opt=True),
        E("ASSAULT", "استهداف أي مناطق سكنية", None, None, "Russian forces", "denied", opt=True),
        E("CONSULT", "قمة مرتقبة", "Sochi", "2021-09-29", "Turkey", "planned"),
        E("MOBILIZE", "برتل عسكري ضم نحو 30 آلية", "Kafr Lusin", "2021-09-25", "Turkish forces", tol=1),
        E("MOBILIZE", "إرسال تعزيزات إضافية", None, None, "Turkish forces", "planned"),
        E("MOBILIZE", "تعزز نقاط مراقبتها", None, None, "Turkish forces", "speculated", opt=True),
        E("ASSAULT", "قصفت بالمدفعية الثقيلة", "Ariha", "2021-09-25", "Syrian government forces"),
    ],
}

G["bg05_iraq_coalition_timetable"] = {
    "places": [
        BAGHDAD,
        P("الولايات المتحدة", "United States", 39.0, -98.0, 1500),
        P("واشنطن", "Washington", 38.9, -77.0, 50),
        P("عين الأسد", "Ain al-Asad air base", 33.8, 42.44, 25),
        P("الأنبار", "Anbar", 33.2, 42.0, 200),
        P("إقليم كردستان", "Kurdistan Region", 36.4, 44.3, 200, True),
        P("قاعدة حرير", "Harir air base", 36.54, 44.35, 25),
        P("أربيل", "Erbil", 36.19, 44.01, 25),
        P("المشتل", "Al-Mashtal, Baghdad", 33.32, 44.47, 15, True),
    ],
    "actors": ["Iraqi government", "United States", "US-led coalition", "ISIS", "Higher Military Commission",
               "Pentagon", "Coordination Framework", "Kurdistan Regional Government", "US forces",
               "Kataib Hezbollah", "CENTCOM"],
    "persons": ["باسم العوادي", "علي تركي", "أحمد الشريفي"],
    "times": [
        T("أمس الاثنين", "2024-01-29"),
        T("السبت الماضي", "2024-01-27"),
        T("أيلول/سبتمبر 2024", "2024-09-01", "2024-09-30"),
        T("نهاية العام المقبل", "2025-10-01", "2025-12-31", True),
        T("مساء الأربعاء الماضي", "2024-01-24"),
        T("منتصف شباط/فبراير المقبل", "2024-02-10", "2024-02-20", True),
    ],
    "claims": [
        C("باسم العوادي", "قال", "assert", "عقدت اجتماعها الأول"),
        C("باسم العوادي", "مؤكداً", "assert", "ماضية في إنهاء وجود التحالف"),
        C("مسؤول في وزارة الدفاع الأمريكية", "نفى", "deny", "وافقت على سحب قواتها"),
        C("مسؤول في وزارة الدفاع الأمريكية", "موضحاً", "assert", "تتعلق بالانتقال إلى علاقة أمنية ثنائية"),
        C("وثيقة رسمية", "كشفت", "assert", "الانسحاب على مرحلتين"),
        C("علي تركي", "يرى", "speculate", "سيجبر الأمريكيين على الرحيل"),
        C("أحمد الشريفي", "يتوقع", "speculate", "تستغرق المفاوضات عدة أشهر"),
        C("مصدر سياسي كردي", "رجّح", "speculate", "ترفض حكومة إقليم كردستان أي انسحاب"),
        C("مصدر سياسي كردي", "قائلاً", "assert", "يعتبر وجود التحالف ضمانة أمنية"),
        C("القيادة المركزية الأمريكية", "وفق", "assert", "سيارة تقل قياديين"),
        C("الحكومة العراقية", "معتبرة", "speculate", "انتهاك للسيادة الوطنية"),
    ],
    "events": [
        E("CONSULT", "جولات الحوار", "Baghdad", None, "Iraqi government"),
        E("CONSULT", "عقدت اجتماعها الأول", None, "2024-01-27", "Higher Military Commission"),
        E("RETREAT", "سحب قواتها", None, None, "US forces", "denied"),
        E("RETREAT", "الانسحاب على مرحلتين", None, None, "US-led coalition", "planned"),
        E("RETREAT", "تغادر القوات الأجنبية قاعدة عين الأسد", "Ain al-Asad air base", None, "US-led coalition", "planned"),
        E("ASSAULT", "استهدفت طائرة مسيرة أمريكية", "Baghdad", "2024-01-24", "US forces", fatalities=3),
        E("CONSULT", "تعقد اللجنة جولتها الثانية", "Washington", "2024-02-15", "Higher Military Commission", "planned", tol=6),
        E("RETREAT", "أي انسحاب من قاعدة حرير", "Harir air base", None, "US-led coalition", "speculated", opt=True),
    ],
}

G["bg06_hezbollah_israel_metula"] = {
    "places": [
        P("بيروت", "Beirut", 33.89, 35.5, 25),
        LEBANON,
        P("المطلة", "Metula", 33.28, 35.58, 10),
        P("عيتا الشعب", "Aita al-Shaab", 33.1, 35.34, 10),
        P("رامية", "Ramyeh", 33.1, 35.31, 10),
        P("الخيام", "Khiam", 33.33, 35.61, 10),
        P("برانيت", "Branit barracks", 33.08, 35.31, 15),
        P("القدس", "Jerusalem", 31.78, 35.22, 30, True),
        P("كفركلا", "Kfar Kila", 33.32, 35.58, 10),
        P("صور", "Tyre", 33.27, 35.2, 15),
    ],
    "actors": ["Kan", "Israeli forces", "Hezbollah", "Yedioth Ahronoth", "National News Agency", "Israeli Army Radio",
               "Israeli security cabinet", "Channel 12", "Israel"],
    "persons": ["هرتسي هاليفي", "يوآف غالانت"],
    "times": [
        T("فجر الأربعاء", "2023-11-08"),
        T("ظهر أمس", "2023-11-08"),
        T("الأسبوع المقبل", "2023-11-13", "2023-11-19", True),
        T("تموز 2006", "2006-07-01", "2006-07-31"),
        T("الثامن من تشرين الأول/أكتوبر الماضي", "2023-10-08"),
    ],
    "claims": [
        C("مصادر عسكرية", "قولها", "assert", "ثلاثة جنود إسرائيليين أصيبوا"),
        C("القناة", "ذكرت", "assert", "رد بقصف مدفعي وغارات جوية"),
        C("صحيفة يديعوت أحرونوت", "قالت", "assert", "أكثر من 15 غارة"),
        C("حزب الله", "أعلن", "assert", "تجمعاً لجنود العدو"),
        C("حزب الله", "قال", "assert", "قضيا"),
        C("الوكالة الوطنية للإعلام", "أشارت", "assert", "حلقت على علو منخفض"),
        C("الوكالة الوطنية للإعلام", "أفادت", "assert", "قصفاً إسرائيلياً طال أطراف بلدة كفركلا"),
        C("إذاعة الجيش الإسرائيلي", "بحسب", "assert", "زيارة تفقدية للقيادة الشمالية"),
        C("مسؤولاً إسرائيلياً", "نفى", "deny", "قرار بشن عملية برية"),
        C("محللون عسكريون إسرائيليون", "يعتقد", "speculate", "إبقاء المواجهة ضمن"),
        C("يوآف غالانت", "حذر", "assert", "بيروت ستدفع الثمن"),
    ],
    "events": [
        E("ASSAULT", "إطلاق صاروخ مضاد للدروع", "Metula", "2023-11-08", "Hezbollah", injuries=3),
        E("ASSAULT", "رد بقصف مدفعي وغارات جوية", "Aita al-Shaab", "2023-11-08", "Israeli forces", tol=1),
        E("ASSAULT", "أكثر من 15 غارة", None, None, "Israeli forces", opt=True),
        E("ASSAULT", "تجمعاً لجنود العدو", "Branit barracks", None, "Hezbollah"),
        E("ASSAULT", "قصفاً إسرائيلياً طال أطراف بلدة كفركلا", "Kfar Kila", "2023-11-08", "Israeli forces", injuries=2),
        E("CONSULT", "زيارة تفقدية للقيادة الشمالية", None, None, "Israeli forces", "planned", opt=True),
        E("ASSAULT", "خططاً لتوسيع العمليات", None, None, "Israeli forces", "planned", opt=True),
        E("ASSAULT", "عملية برية", "Lebanon", None, "Israeli forces", "denied"),
        E("THREATEN", "بيروت ستدفع الثمن", None, None, "Israel"),
        E("ASSAULT", "تبادلاً يومياً لإطلاق النار", None, "2023-10-08", None, opt=True),
        E("MOBILIZE", "حلقت على علو منخفض فوق مدينة صور", "Tyre", None, "Israeli forces", opt=True),
    ],
}

"""Gold annotations for the own-gold set (same format and conventions as the dev gold)."""


def P(ar, en, lat, lon, tol, opt=False):
    return {"ar": ar, "en": en, "lat": lat, "lon": lon, "tol_km": tol, "optional": opt}


def T(text, start, end=None, opt=False):
    return {"text": text, "start": start, "end": end or start, "optional": opt}


def C(source, cue, stance, key):
    return {"source": source, "cue": cue, "stance": stance, "key": key}


def E(type_, key, place, date, actor, modality="asserted", opt=False, **counts):
    e = {"type": type_, "key": key, "place": place, "date": date, "actor": actor, "modality": modality}
    e.update(counts)
    if opt:
        e["optional"] = True
    return e


SYRIA = P("سورية", "Syria", 35.0, 38.5, 400)
IRAQ = P("العراق", "Iraq", 33.0, 43.7, 500)
DEZ = P("دير الزور", "Deir ez-Zor", 35.336, 40.14, 25)
HASAKAH = P("الحسكة", "Al-Hasakah", 36.5, 40.75, 60)
BUKAMAL = P("البوكمال", "Al-Bukamal", 34.453, 40.918, 20)
TANF = P("التنف", "Al-Tanf", 33.49, 38.65, 25)
ASAD = P("عين الأسد", "Ain al-Asad air base", 33.8, 42.44, 25)
OMAR = P("حقل العمر", "Al-Omar oil field", 34.98, 40.58, 30)
CONOCO = P("كونيكو", "Conoco field base", 35.41, 40.3, 25)
MAYADIN = P("الميادين", "Al-Mayadin", 35.02, 40.45, 20)
BAGHDAD = P("بغداد", "Baghdad", 33.31, 44.36, 25)
GAZA = P("غزة", "Gaza", 31.5, 34.45, 40)
JORDAN = P("الأردن", "Jordan", 31.2, 36.5, 300)

G = {}

G["og01_us_convoy_waleed"] = {
    "places": [
        P("معبر الوليد", "Al-Waleed crossing (Hasakah)", 36.85, 42.25, 40),
        P("إقليم كردستان العراق", "Iraqi Kurdistan", 36.2, 44.0, 200),
        HASAKAH, SYRIA, IRAQ, DEZ, OMAR, TANF, JORDAN,
        P("قسرك", "Qasrak base", 36.66, 40.55, 30),
        P("الشدادي", "Al-Shaddadi", 36.06, 40.73, 20),
        P("اليعربية", "Al-Yarubiyah", 36.81, 42.06, 20),
        P("مخيم الهول", "Al-Hol camp", 36.38, 41.15, 20),
        P("نهر الفرات", "Euphrates", 35.0, 40.5, 300, True),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
        P("طهران", "Tehran", 35.69, 51.39, 50, True),
        P("دمشق", "Damascus", 33.51, 36.29, 25, True),
    ],
    "actors": ["US forces", "US-led coalition", "CENTCOM", "SDF", "ISIS", "Arab tribes", "Syrian government"],
    "persons": ["مايكل كوريلا", "عبد الله الحسن"],
    "times": [
        T("أمس الأربعاء", "2023-09-13"),
        T("ليل الاثنين-الثلاثاء", "2023-09-11", "2023-09-12"),
        T("الشهر الماضي", "2023-08-01", "2023-08-31"),
        T("3 أيلول/سبتمبر", "2023-09-03"),
        T("خلال أقل من أسبوعين", "2023-08-31", "2023-09-14", True),
        T("خلال الأيام المقبلة", "2023-09-15", "2023-09-21", True),
    ],
    "claims": [
        C("ناشطين في المنطقة", "وفق", "assert", "مؤلفة من 30 شاحنة"),
        C("المرصد السوري لحقوق الإنسان", "أفاد", "assert", "ضمت نحو 45 شاحنة"),
        C("مصادر محلية", "قالت", "assert", "رافقتا الرتل"),
        C("مصادر محلية", "مشيرة", "assert", "نقل خلال الشهر الماضي كميات كبيرة من الذخيرة"),
        C("مسؤول في التحالف الدولي", "قال", "assert", "روتينية"),
        C("مسؤول في التحالف الدولي", "نافياً", "deny", "إنشاء قاعدة جديدة"),
        C("بيان نشرته القيادة", "بحسب", "assert", "التقى قادة من قوات سوريا الديمقراطية"),
        C("حصيلة للمرصد السوري", "وفق", "assert", "مقتل أكثر من 90 شخصاً"),
        C("قسد", "اتهمت", "assert", "بتحريض مقاتلي العشائر"),
        C("الباحث في الشؤون العسكرية عبد الله الحسن", "يرى", "speculate", "توجيه رسالة إلى طهران ودمشق"),
        C("الباحث في الشؤون العسكرية عبد الله الحسن", "متوقعاً", "speculate", "تصل تعزيزات إضافية إلى حقل العمر"),
    ],
    "events": [
        E("MOBILIZE", "عبرت قافلة عسكرية أمريكية", "Al-Waleed crossing (Hasakah)", "2023-09-13", "US forces"),
        E("MOBILIZE", "دخلت عبر المعبر ذاته", "Al-Waleed crossing (Hasakah)", "2023-09-11", "US forces"),
        E("MOBILIZE", "توجهت إلى قاعدة قسرك", "Qasrak base", None, "US forces", opt=True),
        E("MOBILIZE", "نقل خلال الشهر الماضي كميات كبيرة من الذخيرة", None, None, "US-led coalition"),
        E("MOBILIZE", "إنشاء قاعدة جديدة", "Deir ez-Zor", None, "US forces", "denied"),
        E("CONSULT", "زار قاعدة الشدادي", "Al-Shaddadi", "2023-09-03", "CENTCOM"),
        E("CONSULT", "التقى قادة من قوات سوريا الديمقراطية", None, "2023-09-03", "CENTCOM", opt=True),
        E("MOBILIZE", "تعزيز القوات الأمريكية", None, None, "US forces", opt=True),
        E("ASSAULT", "مواجهات دامية", "Deir ez-Zor", None, "SDF", fatalities=90),
        E("ACCUSE", "اتهمت", None, None, "SDF", opt=True),
        E("MOBILIZE", "تصل تعزيزات إضافية إلى حقل العمر", "Al-Omar oil field", None, "US forces", "speculated"),
        E("MOBILIZE", "الجنود الأمريكيين المنتشرين في سوريا", "Syria", None, "US forces"),
    ],
}

G["og02_ain_asad_attack"] = {
    "places": [
        ASAD, IRAQ, GAZA, BAGHDAD,
        P("الأنبار", "Anbar", 33.2, 42.0, 200),
        P("هيت", "Hit", 33.64, 42.83, 20),
        P("شارع فلسطين", "Palestine Street, Baghdad", 33.34, 44.43, 10, True),
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("إيران", "Iran", 32.5, 53.7, 600, True),
        P("طهران", "Tehran", 35.69, 51.39, 50, True),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
    ],
    "actors": ["US forces", "CENTCOM", "Iran-backed militias", "Islamic Resistance in Iraq", "Iraqi security forces",
               "Iran", "Quds Force", "Pentagon"],
    "persons": ["يحيى رسول", "قاسم سليماني"],
    "times": [
        T("مساء السبت", "2024-01-20"),
        T("الرابع من الشهر الجاري", "2024-01-04"),
        T("صباح اليوم الأحد", "2024-01-21"),
        T("8 كانون الثاني/يناير 2020", "2020-01-08"),
        T("منتصف تشرين الأول/أكتوبر الماضي", "2023-10-10", "2023-10-20", True),
    ],
    "claims": [
        C("القيادة المركزية الأميركية", "أعلنت", "assert", "أصيب عدد من الجنود الأمريكيين"),
        C("القيادة", "قالت", "assert", "أطلقتها ميليشيات مدعومة من إيران"),
        C("القيادة", "مشيرة", "assert", "اعترضت معظمها"),
        C("القيادة", "أضافت", "assert", "تقييم الأضرار لا يزال جارياً"),
        C("المقاومة الإسلامية في العراق", "مؤكدة", "assert", "رداً على المجازر الصهيونية في غزة"),
        C("مصدر أمني عراقي", "بحسب", "assert", "من منطقة قريبة من مدينة هيت"),
        C("اللواء يحيى رسول", "ووصفه", "assert", "اعتداء يستهدف أمن العراق"),
        C("اللواء يحيى رسول", "مؤكداً", "assert", "ستلاحق المتورطين"),
        C("مسؤولين في وزارة الدفاع الأمريكية", "بحسب", "assert", "لأكثر من 140 هجوماً"),
        C("مسؤولين في وزارة الدفاع الأمريكية", "رجحوا", "speculate", "تتواصل الهجمات"),
        C("مسؤولاً أمريكياً", "قال", "assert", "خيارات عسكرية عدة"),
        C("الحكومة العراقية", "اعتبرت", "speculate", "تجاوزاً خطيراً"),
    ],
    "events": [
        E("ASSAULT", "هجوم بصواريخ باليستية وقذائف", "Ain al-Asad air base", "2024-01-20", "Iran-backed militias"),
        E("ASSAULT", "استهدفتها إيران بعشرات الصواريخ", "Ain al-Asad air base", "2020-01-08", "Iran"),
        E("ASSAULT", "مقتل قائد فيلق القدس", "Baghdad", None, "US forces", opt=True),
        E("ASSAULT", "لأكثر من 140 هجوماً", None, None, "Iran-backed militias", opt=True),
        E("ASSAULT", "خيارات عسكرية عدة", None, None, "US forces", "planned"),
        E("ASSAULT", "قتلت في الرابع من الشهر الجاري قيادياً", "Baghdad", "2024-01-04", "US forces", fatalities=2),
        E("DISAPPROVE", "أدان", None, None, "Iraqi government", opt=True),
    ],
}

G["og03_us_strikes_bukamal"] = {
    "places": [
        BUKAMAL, P("ديرالزور", "Deir ez-Zor", 35.336, 40.14, 25), P("سوريا", "Syria", 35.0, 38.5, 400), IRAQ,
        TANF, ASAD, MAYADIN, OMAR, CONOCO,
        P("إيران", "Iran", 32.5, 53.7, 600, True),
        P("الولايات المتحدة", "United States", 39.8, -98.6, 1500, True),
        P("روسيا", "Russia", 61.5, 105.3, 2500, True),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
    ],
    "actors": ["US forces", "IRGC", "Iran-backed militias", "Iran", "US-led coalition", "ISIS", "Iraqi militias",
               "Syrian government"],
    "persons": ["لويد أوستن", "بايدن"],
    "times": [
        T("فجر اليوم الجمعة", "2023-10-27"),
        T("17 تشرين الأول/أكتوبر", "2023-10-17"),
        T("يوم الخميس", "2023-10-26"),
        T("الاثنين المقبل", "2023-10-30"),
    ],
    "claims": [
        C("وزير الدفاع الأمريكي لويد أوستن", "قال", "assert", "دفاع عن النفس"),
        C("وزير الدفاع الأمريكي لويد أوستن", "مضيفاً", "assert", "مخزناً للأسلحة والذخيرة"),
        C("وزير الدفاع الأمريكي لويد أوستن", "مؤكداً", "assert", "لا تسعى إلى صراع"),
        C("أوستن", "أوضح", "assert", "ما لا يقل عن 19 هجوماً"),
        C("المرصد السوري لحقوق الإنسان", "ذكر", "assert", "مقتل 4 عناصر"),
        C("المرصد السوري لحقوق الإنسان", "لافتاً", "assert", "أخلوا مقرات لهم في مدينة الميادين"),
        C("تسنيم", "نفت", "deny", "سقوط أي قتلى إيرانيين"),
        C("مصدر عسكري", "قوله", "assert", "انتهاك صارخ للقانون الدولي"),
        C("محللون", "يعتقد", "speculate", "الضربة جاءت محدودة عمداً"),
        C("فصائل عراقية مسلحة", "حذرت", "assert", "سترد على أي استهداف لمقراتها"),
        C("مصادر محلية", "بحسب", "assert", "قاعدة حقل العمر النفطي"),
    ],
    "events": [
        E("ASSAULT", "غارات على منشأتين", "Al-Bukamal", "2023-10-27", "US forces", fatalities=4, injuries=6),
        E("ASSAULT", "19 هجوماً بطائرات مسيرة وصواريخ", None, None, "Iran-backed militias", injuries=21),
        E("ASSAULT", "19 هجوماً بطائرات مسيرة وصواريخ", None, None, "Iran-backed militias", opt=True),
        E("ASSAULT", "سُمعت انفجارات في محيط حقل كونيكو", None, None, None, opt=True),
        E("RETREAT", "أخلوا مقرات لهم", "Al-Mayadin", None, "Iran-backed militias"),
        E("THREATEN", "حذرت فصائل عراقية مسلحة من أنها سترد", None, None, "Iraqi militias"),
        E("ASSAULT", "استهدفت، يوم الخميس، قاعدة حقل العمر", "Al-Omar oil field", "2023-10-26", None),
        E("MOBILIZE", "تنشر الولايات المتحدة نحو 2500 جندي في العراق", "Iraq", None, "US forces"),
        E("CONSULT", "يعقد مجلس الأمن الدولي جلسة طارئة", None, "2023-10-30", "UN Security Council", "planned"),
    ],
}

G["og04_turkish_drones_qamishli"] = {
    "places": [
        P("القامشلي", "Qamishli", 37.05, 41.22, 20),
        P("عامودا", "Amuda", 37.1, 40.93, 20),
        HASAKAH,
        P("كوباني", "Kobani", 36.89, 38.35, 20),
        P("الرقة", "Raqqa", 35.95, 39.01, 25),
        P("سوريا", "Syria", 35.0, 38.5, 400), IRAQ,
        P("إسطنبول", "Istanbul", 41.01, 28.98, 30),
        P("شارع الاستقلال", "Istiklal Street", 41.034, 28.978, 5, True),
        P("تل رفعت", "Tal Rifaat", 36.47, 37.1, 15),
        P("منبج", "Manbij", 36.53, 37.95, 20),
        P("رأس العين", "Ras al-Ain", 36.85, 40.07, 20),
        P("تل أبيض", "Tal Abyad", 36.7, 38.95, 20),
        P("الدرباسية", "Al-Darbasiyah", 37.07, 40.65, 20),
        P("أنقرة", "Ankara", 39.93, 32.86, 50, True),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
        P("موسكو", "Moscow", 55.75, 37.62, 50, True),
    ],
    "actors": ["SDF", "Turkish forces", "Turkey", "PKK", "YPG", "Autonomous Administration", "US", "Russia"],
    "persons": ["رجب طيب أردوغان", "مظلوم عبدي"],
    "times": [
        T("اليوم الأربعاء", "2022-11-23"),
        T("فجر الأحد الماضي", "2022-11-20"),
        T("يوم الأحد", "2022-11-20"),
        T("13 تشرين الثاني/نوفمبر", "2022-11-13"),
        T("أمس الثلاثاء", "2022-11-22"),
        T("تشرين الأول/أكتوبر 2019", "2019-10-01", "2019-10-31"),
        T("منذ بداية الأسبوع", "2022-11-20", "2022-11-23", True),
    ],
    "claims": [
        C("المركز الإعلامي لقوات سوريا الديمقراطية", "قال", "assert", "أكثر من 30 غارة"),
        C("وزارة الدفاع التركية", "أعلنت", "assert", "إطلاق عملية جوية"),
        C("وزارة الدفاع التركية", "قالت", "assert", "دمرت 89 هدفاً"),
        C("أنقرة", "اتهمت", "assert", "بالوقوف وراءه"),
        C("قسد", "نفته", "deny", "بالوقوف وراءه"),
        C("الرئيس التركي رجب طيب أردوغان", "هدد", "assert", "بشن هجوم بري"),
        C("الرئيس التركي رجب طيب أردوغان", "مؤكداً", "assert", "حزاماً أمنياً"),
        C("مصدر في الإدارة الذاتية", "توقع", "speculate", "تستهدف أي عملية برية مدن تل رفعت"),
        C("مصدر في الإدارة الذاتية", "معتبراً", "speculate", "يشجع أنقرة على التصعيد"),
        C("القائد العام لقوات سوريا الديمقراطية، مظلوم عبدي", "قال", "assert", "مستعدة لكل الاحتمالات"),
        C("مصادر محلية في القامشلي", "أفادت", "assert", "تحلق بشكل متواصل فوق المدينة"),
        C("مصادر محلية", "قالت", "assert", "قصفت بالمدفعية قرى حدودية"),
    ],
    "events": [
        E("ASSAULT", "بغارة لطائرة مسيرة تركية", "Qamishli", "2022-11-23", "Turkish forces", fatalities=3, injuries=2),
        E("ASSAULT", "أكثر من 30 غارة", "Al-Hasakah", None, "Turkish forces", fatalities=11),
        E("ASSAULT", "أكثر من 30 غارة", None, None, "Turkish forces", opt=True),
        E("ASSAULT", "بشن هجوم بري", None, None, "Turkish forces", "planned", opt=True),
        E("ASSAULT", "إطلاق عملية جوية", "Syria", "2022-11-20", "Turkish forces"),
        E("ASSAULT", "التفجير الذي هز شارع الاستقلال", "Istanbul", "2022-11-13", None, fatalities=6),
        E("ACCUSE", "اتهمت أنقرة", None, None, "Turkey", opt=True),
        E("ASSAULT", "التي شنتها في تشرين الأول/أكتوبر 2019", None, None, "Turkish forces"),
        E("ASSAULT", "سيطرت على مدينتي رأس العين وتل أبيض", None, None, "Turkish forces", opt=True),
        E("THREATEN", "وهدد الرئيس التركي رجب طيب أردوغان", None, "2022-11-22", "Turkey"),
        E("ASSAULT", "أي عملية برية", "Tal Rifaat", None, "Turkish forces", "speculated", opt=True),
        E("ASSAULT", "قصفت بالمدفعية قرى حدودية", "Al-Darbasiyah", None, "Turkish forces"),
    ],
}

G["og05_iraq_isis_cell"] = {
    "places": [
        IRAQ, BAGHDAD,
        P("الرطبة", "Rutba", 33.04, 40.28, 20),
        P("الأنبار", "Anbar", 33.2, 42.0, 200),
        P("نينوى", "Nineveh", 36.0, 42.5, 150),
        P("الموصل", "Mosul", 36.34, 43.13, 20),
        P("حي الزنجيلي", "Zanjili", 36.35, 43.12, 15),
        P("الحضر", "Hatra", 35.59, 42.72, 40),
        P("كركوك", "Kirkuk", 35.47, 44.39, 25),
        P("صلاح الدين", "Salahuddin", 34.5, 43.5, 150),
        P("ديالى", "Diyala", 33.9, 45.0, 150),
        P("وادي حوران", "Wadi Houran", 33.5, 41.5, 100),
        P("الحدود الأردنية", "Jordan", 31.2, 36.5, 300, True),
        P("سوق الطيران", "Tayaran Square", 33.33, 44.42, 25, True),
    ],
    "actors": ["Iraqi Security Media Cell", "Counter-Terrorism Service", "ISIS", "Iraqi army", "Iraqi government",
               "Joint Operations Command"],
    "persons": ["يحيى رسول", "أبو عبد الرحمن", "البابا فرنسيس"],
    "times": [
        T("اليوم الأربعاء", "2021-03-10"),
        T("يوم الاثنين", "2021-03-08"),
        T("21 كانون الثاني/يناير الماضي", "2021-01-21"),
        T("الأحد الماضي", "2021-03-07"),
        T("أواخر عام 2017", "2017-10-01", "2017-12-31", True),
        T("خلال الأسابيع المقبلة", "2021-03-11", "2021-03-31", True),
    ],
    "claims": [
        C("خلية الإعلام الأمني", "أعلنت", "assert", "اعتقال خمسة عناصر"),
        C("الخلية", "ذكرت", "assert", "يخططون لاستهداف أرتال"),
        C("البيان", "أضاف", "assert", "أحزمة ناسفة"),
        C("البيان", "مشيراً", "assert", "أحيلوا إلى الجهات المختصة"),
        C("مصدر أمني", "قال", "assert", "قيادياً في التنظيم"),
        C("مصدر أمني", "موضحاً", "assert", "الدعم اللوجستي"),
        C("اللواء يحيى رسول", "أكد", "assert", "قدرة التنظيم على تنفيذ هجمات كبيرة"),
        C("اللواء يحيى رسول", "أقر", "assert", "ما زالت تنشط في المناطق الوعرة"),
        C("خبراء أمنيون", "يرجح", "speculate", "يكثف التنظيم هجماته"),
        C("الحكومة العراقية", "أعلنت", "assert", "النصر"),
        C("قيادة العمليات المشتركة", "أعلنت", "assert", "وكراً للتنظيم في وادي حوران"),
    ],
    "events": [
        E("COERCE", "اعتقال خمسة عناصر", "Rutba", None, "Counter-Terrorism Service", arrests=5),
        E("ASSAULT", "يخططون لاستهداف أرتال", None, None, "ISIS", "planned"),
        E("COERCE", "اعتقلت، يوم الاثنين، قيادياً", "Mosul", "2021-03-08", "Iraqi army", arrests=1),
        E("ASSAULT", "التفجير الانتحاري المزدوج", "Baghdad", "2021-01-21", "ISIS", fatalities=32),
        E("ASSAULT", "يكثف التنظيم هجماته", None, None, "ISIS", "speculated"),
        E("COERCE", "ضبطت بحوزة الخلية أحزمة ناسفة", "Rutba", None, "Counter-Terrorism Service", opt=True),
        E("ASSAULT", "بعد معارك استمرت ثلاث سنوات", None, None, "Iraqi forces", opt=True),
        E("ASSAULT", "دمرت، الأحد الماضي، وكراً", "Wadi Houran", "2021-03-07", "Iraqi forces"),
        E("CONSULT", "زيارة البابا فرنسيس", "Iraq", "2021-03-08", "Pope Francis", opt=True),
    ],
}

G["og06_israel_damascus_airport"] = {
    "places": [
        P("مطار دمشق الدولي", "Damascus International Airport", 33.41, 36.52, 15),
        P("الكسوة", "Al-Kiswah", 33.36, 36.24, 15),
        P("دمشق", "Damascus", 33.51, 36.29, 40),
        P("قطنا", "Qatana", 33.44, 36.08, 15),
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("هضبة الجولان", "Golan Heights", 33.0, 35.75, 40),
        P("جبل الشيخ", "Mount Hermon", 33.42, 35.86, 20),
        P("تشاد", "Chad", 15.4, 18.7, 600),
        P("إسرائيل", "Israel", 31.5, 34.9, 200, True),
        P("تل أبيب", "Tel Aviv", 32.08, 34.78, 30, True),
        P("طهران", "Tehran", 35.69, 51.39, 50, True),
    ],
    "actors": ["Israel", "Israeli army", "Syrian air defences", "Syrian government", "Quds Force", "IRGC",
               "Russian foreign ministry", "SANA"],
    "persons": ["بنيامين نتنياهو", "غادي آيزنكوت"],
    "times": [
        T("فجر اليوم الاثنين", "2019-01-21"),
        T("أمس الأحد", "2019-01-20"),
        T("الأسبوع الماضي", "2019-01-14", "2019-01-20", True),
    ],
    "claims": [
        C("سانا", "أعلنت", "assert", "لهجوم صاروخي إسرائيلي"),
        C("مصدر عسكري", "قوله", "assert", "دمرت معظم الصواريخ المعادية"),
        C("مصدر عسكري", "نافياً", "deny", "وقوع أي أضرار في المطار"),
        C("الجيش الإسرائيلي", "أعلن", "assert", "بدأ بضرب أهداف تابعة لفيلق القدس"),
        C("الجيش الإسرائيلي", "محذراً", "assert", "محاولة استهداف الأراضي"),
        C("المرصد السوري لحقوق الإنسان", "قال", "assert", "مقتل 11 مسلحاً"),
        C("المرصد السوري لحقوق الإنسان", "مرجحاً", "speculate", "ارتفاع الحصيلة"),
        C("متحدث عسكري إسرائيلي", "بحسب", "assert", "اعترضته منظومة"),
        C("رئيس الوزراء الإسرائيلي بنيامين نتنياهو", "قال", "assert", "لن تسمح بالتموضع الإيراني"),
        C("وزارة الخارجية الروسية", "حذرت", "assert", "تزيد من زعزعة الاستقرار"),
        C("مراقبون", "يعتقد", "speculate", "رفعت مستوى الإعلان عن ضرباتها"),
        C("غادي آيزنكوت", "كشف", "assert", "شنت آلاف الغارات"),
        C("سكان في بلدة قطنا", "أفاد", "assert", "بسماع دوي انفجارات"),
    ],
    "events": [
        E("ASSAULT", "لهجوم صاروخي إسرائيلي", "Damascus International Airport", "2019-01-21", "Israel",
          fatalities=11),
        E("ASSAULT", "بضرب أهداف تابعة لفيلق القدس", "Syria", "2019-01-21", "Israel", opt=True),
        E("ASSAULT", "إطلاق صاروخ أرض-أرض", "Golan Heights", "2019-01-20", None),
        E("CONSULT", "زيارة إلى تشاد", "Chad", None, "Israel", opt=True),
        E("ASSAULT", "شنت آلاف الغارات", "Syria", None, "Israel"),
        E("THREATEN", "محذراً الجيش السوري", None, None, "Israel", opt=True),
    ],
}

G["og07_sudani_tehran_threat"] = {
    "places": [
        P("طهران", "Tehran", 35.69, 51.39, 50),
        BAGHDAD, GAZA, IRAQ,
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("أربيل", "Erbil", 36.19, 44.01, 25),
        P("قاعدة حرير الجوية", "Harir air base", 36.54, 44.35, 20),
        P("إقليم كردستان", "Iraqi Kurdistan", 36.2, 44.0, 200),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
    ],
    "actors": ["Iraqi government", "Iran", "US", "Iran-backed militias", "Kataib Sayyid al-Shuhada",
               "Coordination Framework", "US-led coalition", "Iraqi parliament"],
    "persons": ["محمد شياع السوداني", "علي خامنئي", "إبراهيم رئيسي", "أنتوني بلينكن", "أبو آلاء الولائي"],
    "times": [
        T("أمس الاثنين", "2023-11-06"),
        T("يوم الخميس المقبل", "2023-11-09"),
        T("كانون الثاني/يناير 2020", "2020-01-01", "2020-01-31"),
        T("خلال الأسابيع الثلاثة الماضية", "2023-10-17", "2023-11-07", True),
    ],
    "claims": [
        C("المكتب الإعلامي لرئيس الوزراء", "ذكر", "assert", "تطورات الأوضاع في غزة"),
        C("رئيسي", "قوله", "assert", "مصدر انعدام الأمن"),
        C("مصادر سياسية مطلعة", "قالت", "assert", "رسالة أمريكية"),
        C("مستشاراً لرئيس الوزراء", "نفى", "deny", "ذلك"),
        C("مستشاراً لرئيس الوزراء", "مؤكداً", "assert", "عراقية بحتة"),
        C("الولائي", "قال", "assert", "ستضرب المصالح الأمريكية في كل مكان"),
        C("الولائي", "أضاف", "assert", "أهدافاً لم يتوقعها العدو"),
        C("مصدر في مكتبه", "أفاد", "assert", "يعقد السوداني اجتماعاً"),
        C("مصدر في إقليم كردستان", "بحسب", "assert", "قاعدة حرير الجوية"),
    ],
    "events": [
        E("CONSULT", "زيارة رسمية", "Tehran", "2023-11-06", "Iraqi government"),
        E("CONSULT", "التقى خلالها المرشد", "Tehran", "2023-11-06", "Iraqi government", opt=True),
        E("CONSULT", "لقاء السوداني وزير الخارجية الأمريكي", "Baghdad", None, "Iraqi government"),
        E("DEMAND", "طالبه بلينكن بكبح الفصائل", None, None, "US", opt=True),
        E("ASSAULT", "بأكثر من 20 هجوماً", None, None, "Iran-backed militias"),
        E("THREATEN", "هدد الأمين العام لكتائب سيد الشهداء", None, None, "Kataib Sayyid al-Shuhada"),
        E("THREATEN", "هدد الأمين العام لكتائب سيد الشهداء", None, None, "Kataib Sayyid al-Shuhada", opt=True),
        E("ASSAULT", "ستضرب المصالح الأمريكية في كل مكان", None, None, "Kataib Sayyid al-Shuhada", "hypothetical"),
        E("CONSULT", "يعقد السوداني اجتماعاً", "Baghdad", "2023-11-09", "Iraqi government", "planned"),
        E("ASSAULT", "استهدفت طائرة مسيرة قاعدة حرير الجوية", "Harir air base", None, None),
    ],
}

G["og08_russia_syria_badia"] = {
    "places": [
        P("البادية السورية", "Syrian Badia", 34.6, 38.5, 200),
        P("تدمر", "Palmyra", 34.56, 38.27, 20),
        P("حميميم", "Hmeimim air base", 35.41, 35.95, 20),
        P("اللاذقية", "Latakia", 35.52, 35.79, 30),
        P("السخنة", "Al-Sukhnah", 34.89, 38.87, 15),
        DEZ,
        P("حماة", "Hama", 35.13, 36.75, 40),
        P("مطار التيفور", "T4 airbase", 34.52, 37.63, 15),
        P("الشولا", "Al-Shula", 35.05, 39.8, 25),
        P("حمص", "Homs", 34.73, 36.72, 150, True),
        P("الرقة", "Raqqa", 35.95, 39.01, 100, True),
        MAYADIN, IRAQ, JORDAN,
        P("الباغوز", "Al-Baghuz", 34.46, 40.94, 15),
        P("موسكو", "Moscow", 55.75, 37.62, 50, True),
    ],
    "actors": ["Russian forces", "Syrian government forces", "Russian military police", "25th Division", "ISIS",
               "IRGC", "Russian defence ministry"],
    "persons": ["أحمد رحال"],
    "times": [
        T("قبل يومين", "2021-05-31"),
        T("يوم السبت الماضي", "2021-05-29"),
        T("أيار/مايو", "2021-05-01", "2021-05-31"),
        T("آذار/مارس 2019", "2019-03-01", "2019-03-31"),
        T("آذار/مارس من العام الماضي", "2020-03-01", "2020-03-31"),
        T("في الأسابيع المقبلة", "2021-06-03", "2021-06-30", True),
        T("خلال الصيف", "2021-06-01", "2021-08-31", True),
    ],
    "claims": [
        C("سبوتنيك", "ذكرت", "assert", "مناورات عسكرية مشتركة"),
        C("الوكالة", "قالت", "assert", "التصدي لهجوم تشنه مجموعات إرهابية"),
        C("وزارة الدفاع الروسية", "أعلنت", "assert", "أعادت انتشارها في محيط بلدة السخنة"),
        C("مصدر عسكري سوري", "أفاد", "assert", "نقلت نحو 400 عنصر"),
        C("المرصد السوري لحقوق الإنسان", "وفق", "assert", "كمين نصبه التنظيم"),
        C("المرصد", "أشار", "assert", "أكثر من 600 غارة"),
        C('مصدر في "الحرس الثوري"', "نفى", "deny", "وجود أي خلاف مع القوات الروسية"),
        C("تقارير", "تحدثت", "assert", "احتكاكات بين الطرفين"),
        C("الخبير العسكري السوري أحمد رحال", "يرى", "speculate", "تحاول ملء الفراغ"),
        C("الخبير العسكري السوري أحمد رحال", "متوقعاً", "speculate", "تتوسع الانتشارات الروسية"),
    ],
    "events": [
        E("MOBILIZE", "مناورات عسكرية مشتركة", "Palmyra", "2021-05-31", "Russian forces"),
        E("MOBILIZE", "أعادت انتشارها", "Al-Sukhnah", None, "Russian military police"),
        E("MOBILIZE", "نقلت نحو 400 عنصر", "T4 airbase", None, "Syrian government forces"),
        E("ASSAULT", "حملة تمشيط واسعة", None, None, "Syrian government forces", "planned"),
        E("ASSAULT", "كمين نصبه التنظيم", "Al-Shula", "2021-05-29", "ISIS", fatalities=9),
        E("ASSAULT", "أكثر من 600 غارة", None, None, "Russian forces"),
        E("ASSAULT", "هجماته في البادية", "Syrian Badia", None, "ISIS"),
        E("MOBILIZE", "تتوسع الانتشارات الروسية", None, None, "Russian forces", "speculated"),
    ],
}

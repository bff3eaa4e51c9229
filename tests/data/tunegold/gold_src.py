"""Gold annotations for the tune-gold set (same format and conventions as the dev gold).

Written before the system was first run on these articles (see README.md)."""


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


IRAQ = P("العراق", "Iraq", 33.0, 43.7, 500)
HASAKAH = P("الحسكة", "Al-Hasakah", 36.5, 40.75, 60)
DAMASCUS = P("دمشق", "Damascus", 33.51, 36.29, 25)
KURDISTAN = P("إقليم كردستان العراق", "Iraqi Kurdistan", 36.2, 44.0, 200)

G = {}

G["tg01_iraq_qaim_reinforcements"] = {
    "places": [
        P("القائم", "Al-Qaim", 34.37, 41.09, 20),
        P("الأنبار", "Anbar", 33.4, 42.5, 200),
        P("الحبانية", "Habbaniyah base", 33.37, 43.57, 25),
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("الرطبة", "Rutba", 33.04, 40.28, 20),
        P("العبيدي", "Al-Ubaydi", 34.39, 41.25, 20),
        P("معبر القائم", "Al-Qaim crossing", 34.43, 40.97, 20),
    ],
    "actors": ["Iraqi Joint Operations Command", "ISIS", "Counter-Terrorism Service", "Iraqi army"],
    "persons": ["عبد الكريم العيساوي"],
    "times": [
        T("أمس الجمعة", "2024-03-15"),
        T("قبل ثلاثة أيام", "2024-03-13"),
        T("خلال الأيام المقبلة", "2024-03-17", "2024-03-23", True),
    ],
    "claims": [
        C("مصدر أمني عراقي", "قال", "assert", "ضم نحو 60 آلية"),
        C("المصدر", "وأضاف", "assert", "نصبت حواجز تفتيش جديدة"),
        C("جهاز مكافحة الإرهاب", "أعلن", "assert", "اعتقال ثلاثة مطلوبين"),
        C("جهاز مكافحة الإرهاب", "مشيراً", "assert", "متهمون بنقل الأسلحة"),
        C("قائد عمليات الأنبار اللواء عبد الكريم العيساوي", "قال", "assert", "تستعد لتنفيذ عملية واسعة"),
        C("خبراء أمنيون", "يرجح", "speculate", "يحاول التنظيم استغلال"),
    ],
    "events": [
        E("MOBILIZE", "دفعت قيادة العمليات المشتركة العراقية", "Al-Qaim", "2024-03-15", "Iraqi Joint Operations Command"),
        E("MOBILIZE", "انتشر على طول الشريط الحدودي", None, None, "Iraqi Joint Operations Command", opt=True),
        E("COERCE", "نصبت حواجز تفتيش جديدة", "Al-Qaim", None, "Iraqi forces"),
        E("COERCE", "فرضت حظراً للتجوال", None, None, "Iraqi forces"),
        E("COERCE", "اعتقال ثلاثة مطلوبين", "Al-Ubaydi", None, "Counter-Terrorism Service", arrests=3),
        E("ASSAULT", "هجوم بعبوة ناسفة", "Al-Qaim crossing", "2024-03-13", None, fatalities=2, injuries=3),
        E("ASSAULT", "تنفيذ عملية واسعة", None, None, "Iraqi forces", "planned"),
        E("ASSAULT", "لشن هجمات جديدة", None, None, "ISIS", "speculated"),
        E("MOBILIZE", "تسلل عناصر من تنظيم", None, None, "ISIS", "speculated", opt=True),
    ],
}

G["tg02_dhiban_atgm"] = {
    "places": [
        P("ذيبان", "Dhiban", 35.05, 40.5, 15),
        P("ديرالزور", "Deir ez-Zor", 35.336, 40.14, 80),
        P("الميادين", "Al-Mayadin", 35.02, 40.45, 15),
        P("الشحيل", "Al-Shuhayl", 35.12, 40.43, 15),
        P("نهر الفرات", "Euphrates", 35.0, 40.5, 300, True),
        P("دمشق", "Damascus", 33.51, 36.29, 25, True),
        P("طهران", "Tehran", 35.69, 51.39, 50, True),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
    ],
    "actors": ["SDF", "Syrian government", "CENTCOM", "Arab tribes", "Iran"],
    "persons": ["سامر الأحمد"],
    "times": [
        T("أمس الخميس", "2024-06-13"),
        T("آب/أغسطس الماضي", "2023-08-01", "2023-08-31"),
        T("خلال الأسبوع الجاري", "2024-06-10", "2024-06-16", True),
        T("خلال الأيام المقبلة", "2024-06-15", "2024-06-21", True),
    ],
    "claims": [
        C("المرصد السوري لحقوق الإنسان", "أفاد", "assert", "بهجوم بصاروخ موجه"),
        C("المرصد", "وقال", "assert", "أطلقوا الصاروخ من الضفة الغربية"),
        C("المرصد", "مشيراً", "assert", "أوقع أيضاً نحو عشرة جرحى"),
        C("مصادر محلية", "وفق", "assert", "إصابة ثلاثة مدنيين"),
        C("القيادة المركزية الأمريكية", "نفت", "deny", "نفذت أي ضربة"),
        C("القيادة المركزية الأمريكية", "مؤكدة", "assert", "لم تشارك"),
        C("قسد", "وتتهم", "assert", "بتسليح هؤلاء المقاتلين"),
        C("الباحث في الشأن السوري سامر الأحمد", "ويعتقد", "speculate", "قد يتسع"),
    ],
    "events": [
        E("ASSAULT", "بهجوم بصاروخ موجه مضاد للدروع", "Dhiban", "2024-06-13", "Syrian government", fatalities=5, injuries=10),
        E("ASSAULT", "أطلقوا الصاروخ", None, None, "Syrian government", opt=True),
        E("ASSAULT", "بقصف مدفعي", "Al-Mayadin", None, "SDF", injuries=3),
        E("ASSAULT", "استهدفت طائرة مسيرة مجهولة سيارة", "Al-Shuhayl", None, None, fatalities=2),
        E("ASSAULT", "نفذت أي ضربة في المنطقة", None, None, "CENTCOM", "denied"),
        E("ASSAULT", "لم تشارك", None, None, "CENTCOM", "denied", opt=True),
        E("AID", "بتسليح هؤلاء المقاتلين وتدريبهم", None, None, "Syrian government"),
        E("ACCUSE", "وتتهم", None, None, "SDF", opt=True),
        E("ASSAULT", "التصعيد قد يتسع", None, None, None, "speculated", opt=True),
    ],
}

G["tg03_ankara_talks"] = {
    "places": [
        P("أنقرة", "Ankara", 39.93, 32.86, 30),
        P("تركيا", "Turkey", 39.0, 35.0, 600),
        P("سد تشرين", "Tishreen Dam", 36.38, 38.18, 15),
        P("حلب", "Aleppo", 36.2, 37.16, 100),
        DAMASCUS,
        P("مخيم الهول", "Al-Hol camp", 36.38, 41.15, 20),
        P("عمّان", "Amman", 31.95, 35.93, 25),
    ],
    "actors": ["Syrian government", "Turkey", "SDF", "SNA", "Iraqi government"],
    "persons": ["أسعد الشيباني", "هاكان فيدان", "أحمد الشرع", "حميد الشطري"],
    "times": [
        T("أمس الأربعاء", "2025-02-19"),
        T("الشهر المقبل", "2025-03-01", "2025-03-31"),
        T("منذ مطلع العام", "2025-01-01", "2025-02-20", True),
        T("منذ أسابيع", "2025-01-01", "2025-02-20", True),
    ],
    "claims": [
        C("وكالة الأنباء السورية", "وذكرت", "assert", "إعادة انتشار القوات"),
        C("فيدان", "أعلن", "assert", "مستعدة لتدريب"),
        C("فيدان", "محذراً", "assert", "لن تسمح"),
        C("بيان للرئاسة", "بحسب", "assert", "ضبط الحدود المشتركة"),
        C("مصدر كردي مطلع", "كشف", "assert", "تفاهمات أولية لوقف إطلاق النار"),
        C("مسؤولاً في الجيش الوطني", "نفى", "deny", "التوصل إلى أي اتفاق"),
    ],
    "events": [
        E("CONSULT", "بحث وزير الخارجية السوري أسعد الشيباني", "Ankara", "2025-02-19", "Syrian government"),
        E("CONSULT", "المباحثات تناولت", None, None, "Syrian government", opt=True),
        E("CONSULT", "ثاني زيارة يجريها إلى تركيا", None, None, "Syrian government", opt=True),
        E("MOBILIZE", "إعادة انتشار القوات في محيط سد تشرين", None, None, None, opt=True),
        E("ASSAULT", "معارك متقطعة", "Tishreen Dam", None, "SDF"),
        E("CONSULT", "وعقب الاجتماع", None, None, "Turkey", opt=True),
        E("AID", "لتدريب عناصر الجيش السوري الجديد", None, None, "Turkey", "planned"),
        E("THREATEN", "محذراً من أن أنقرة", None, None, "Turkey"),
        E("CONSULT", "استقبل الرئيس السوري أحمد الشرع وفداً عراقياً", "Damascus", None, "Syrian government"),
        E("CONSULT", "جرى لقاء", "Damascus", None, "Syrian government", opt=True),
        E("AGREE", "توصلتا إلى تفاهمات أولية لوقف إطلاق النار", "Tishreen Dam", None, "SDF"),
        E("AGREE", "التوصل إلى أي اتفاق", None, None, "SNA", "denied", opt=True),
        E("CONSULT", "يعقد وزراء خارجية دول الجوار السوري اجتماعاً", "Amman", None, None, "planned"),
    ],
}

G["tg04_suwayda_protests"] = {
    "places": [
        P("السويداء", "As-Suwayda", 32.71, 36.57, 30),
        P("سورية", "Syria", 35.0, 38.5, 400),
        P("شهبا", "Shahba", 32.85, 36.63, 15),
        P("درعا", "Daraa", 32.62, 36.1, 40),
        P("دمشق", "Damascus", 33.51, 36.29, 25, True),
    ],
    "actors": ["Syrian government", "Syrian Interior Ministry", "Druze"],
    "persons": ["حكمت الهجري"],
    "times": [
        T("أمس الأحد", "2023-08-27"),
    ],
    "claims": [
        C("السويداء 24", "وأفادت", "assert", "أغلقوا مقرات لحزب البعث"),
        C("مصادر حقوقية", "ذكرت", "assert", "اعتقلت نحو 12 شاباً"),
        C("الشيخ حكمت الهجري", "واتهم", "assert", "ترهيب"),
        C("وزارة الداخلية السورية", "ونفت", "deny", "نفذت أي اعتقالات"),
        C("مراقبون", "ويرى", "speculate", "قد تلجأ إلى إرسال تعزيزات"),
    ],
    "events": [
        E("PROTEST", "خرج مئات المحتجين", "As-Suwayda", "2023-08-27", "Protesters"),
        E("PROTEST", "أغلقوا مقرات لحزب البعث", None, None, "Protesters", opt=True),
        E("PROTEST", "نظم آخرون اعتصاماً", "As-Suwayda", None, "Protesters"),
        E("COERCE", "اعتقلت نحو 12 شاباً", None, None, "Syrian government", arrests=12),
        E("ACCUSE", "واتهم الشيخ حكمت الهجري", None, None, "Druze"),
        E("REJECT", "رافضاً أي حوار", None, None, "Druze", opt=True),
        E("REJECT", "رفضت وزارة الداخلية السورية الاتهامات", None, None, "Syrian Interior Ministry"),
        E("COERCE", "نفذت أي اعتقالات", None, None, "Syrian Interior Ministry", "denied", opt=True),
        E("THREATEN", "وهددت مجموعات محلية مسلحة", None, None, "Local armed groups"),
        E("ASSAULT", "أي مواجهات بين المحتجين", None, None, None, "negated", opt=True),
        E("MOBILIZE", "إرسال تعزيزات عسكرية إلى المحافظة", None, None, "Syrian government", "speculated"),
    ],
}

G["tg05_russian_withdrawal"] = {
    "places": [
        P("مطار القامشلي", "Qamishli airport", 37.02, 41.19, 15),
        HASAKAH,
        P("قاعدة حميميم", "Hmeimim air base", 35.41, 35.95, 15),
        P("اللاذقية", "Latakia", 35.52, 35.78, 40),
        P("عين عيسى", "Ain Issa", 36.38, 38.86, 15),
        P("الرقة", "Raqqa", 35.95, 39.01, 50),
        P("معبر سيمالكا", "Semalka crossing", 37.1, 42.37, 20),
        P("تل رفعت", "Tal Rifaat", 36.47, 37.1, 15),
        P("منبج", "Manbij", 36.53, 37.95, 20),
        DAMASCUS,
        P("طرطوس", "Tartus", 34.89, 35.89, 25),
        P("موسكو", "Moscow", 55.75, 37.62, 50, True),
        P("روسيا", "Russia", 61.0, 95.0, 3000, True),
    ],
    "actors": ["Russian forces", "SDF", "Kremlin", "Syrian government"],
    "persons": ["دميتري بيسكوف"],
    "times": [
        T("أمس السبت", "2025-01-11"),
        T("14 ديسمبر/كانون الأول الماضي", "2024-12-14"),
        T("خلال الأسابيع المقبلة", "2025-01-13", "2025-02-12", True),
    ],
    "claims": [
        C("مصدر عسكري في قوات سوريا الديمقراطية", "أفاد", "assert", "انسحبت القوات الروسية"),
        C("المصدر", "وقال", "assert", "رتلاً من نحو 20 آلية"),
        C("الكرملين", "نفى", "deny", "الانسحاب نهائياً"),
        C("المتحدث باسمه دميتري بيسكوف", "وقال", "assert", "تجري محادثات"),
        C("كوميرسانت", "وفق", "assert", "إرسال وفد رفيع"),
        C("مسؤولاً في وزارة الدفاع", "قال", "assert", "يجب أن يخضع لاتفاقات"),
    ],
    "events": [
        E("RETREAT", "انسحبت القوات الروسية", "Qamishli airport", "2025-01-11", "Russian forces"),
        E("MOBILIZE", "ونقلت معداتها وعناصرها", "Hmeimim air base", None, "Russian forces"),
        E("RETREAT", "غادر أيضاً نقاطاً في بلدة عين عيسى", "Ain Issa", None, "Russian forces"),
        E("MOBILIZE", "يدخل الأراضي العراقية عبر معبر سيمالكا", "Semalka crossing", None, "Russian forces"),
        E("RETREAT", "أخلت، في 14 ديسمبر/كانون الأول الماضي، مواقعها", "Tal Rifaat", "2024-12-14", "Russian forces"),
        E("RETREAT", "أخلت، في 14 ديسمبر/كانون الأول الماضي، مواقعها", "Manbij", "2024-12-14", "Russian forces", opt=True),
        E("RETREAT", "يكون الانسحاب نهائياً", None, None, "Russian forces", "denied", opt=True),
        E("CONSULT", "تجري محادثات", None, None, "Russia"),
        E("CONSULT", "إرسال وفد رفيع إلى دمشق", "Damascus", None, "Russia", "planned"),
        E("AGREE", "اتفاق جديد", None, None, "Russia", "planned", opt=True),
    ],
}

G["tg06_turkish_shelling_duhok"] = {
    "places": [
        P("أربيل", "Erbil", 36.19, 44.01, 25),
        P("العمادية", "Amadiya", 37.09, 43.49, 20),
        P("دهوك", "Duhok", 36.87, 42.99, 60),
        KURDISTAN,
        P("كاني ماسي", "Kani Masi", 37.23, 43.43, 15),
        P("قنديل", "Qandil", 36.38, 45.08, 50),
        P("بغداد", "Baghdad", 33.31, 44.36, 25),
        P("أنقرة", "Ankara", 39.93, 32.86, 30),
    ],
    "actors": ["Turkish forces", "PKK", "Iraqi government", "Turkey"],
    "persons": ["يشار غولر"],
    "times": [
        T("قبل يومين", "2024-07-01"),
        T("أمس الثلاثاء", "2024-07-02"),
        T("خلال الأسبوعين الماضيين", "2024-06-19", "2024-07-03", True),
        T("الأسبوع المقبل", "2024-07-07", "2024-07-13", True),
    ],
    "claims": [
        C("مسؤولين محليين", "وفق", "assert", "احتراق مساحات زراعية"),
        C("قائممقام العمادية", "وقال", "assert", "نقاط تفتيش جديدة"),
        C("وزارة الدفاع التركية", "وأعلنت", "assert", "12 مسلحاً"),
        C("أنقرة", "مؤكدة", "assert", "تستهدف"),
        C("مصدر حكومي", "بحسب", "assert", "يزور وفد أمني عراقي"),
    ],
    "events": [
        E("ASSAULT", "قصفت المدفعية التركية", "Amadiya", "2024-07-01", "Turkish forces"),
        E("COERCE", "نقاط تفتيش جديدة", None, None, "Turkish forces"),
        E("MOBILIZE", "ونشر نحو 300 جندي", "Kani Masi", None, "Turkish forces"),
        E("ASSAULT", "غارات جوية على منطقة قنديل", "Qandil", None, "Turkish forces", fatalities=12),
        E("DISAPPROVE", "استدعت وزارة الخارجية العراقية", "Baghdad", "2024-07-02", "Iraqi government", opt=True),
        E("DEMAND", "مطالبة بسحب القوات التركية", None, None, "Iraqi government", opt=True),
        E("REJECT", "ورفضت أنقرة الاتهامات العراقية", None, None, "Turkey"),
        E("THREATEN", "وهدد وزير الدفاع التركي يشار غولر", None, None, "Turkey"),
        E("CONSULT", "يزور وفد أمني عراقي أنقرة", "Ankara", None, "Iraqi government", "speculated"),
    ],
}

G["tg07_sdf_arms_shipment"] = {
    "places": [
        P("معبر الوليد", "Al-Waleed crossing (Hasakah)", 36.85, 42.25, 40),
        P("كردستان العراق", "Iraqi Kurdistan", 36.2, 44.0, 200),
        P("قاعدة الشدادي", "Al-Shaddadi", 36.06, 40.73, 20),
        HASAKAH,
        P("خراب الجير", "Kharab al-Jir", 36.9, 41.9, 30),
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("لبنان", "Lebanon", 33.9, 35.8, 150),
        P("قاعدة موفق السلطي", "Muwaffaq Salti air base", 31.83, 36.78, 20),
        P("الأردن", "Jordan", 31.2, 36.5, 300),
        IRAQ,
        P("بغداد", "Baghdad", 33.31, 44.36, 25, True),
        P("واشنطن", "Washington", 38.9, -77.0, 50, True),
        P("الولايات المتحدة", "United States", 39.0, -98.0, 3000, True),
    ],
    "actors": ["SDF", "US-led coalition", "US forces", "Iraqi militias"],
    "persons": [],
    "times": [
        T("الثلاثاء الماضي", "2024-10-08"),
        T("14 أيلول/سبتمبر الماضي", "2024-09-14"),
        T("منذ مطلع الشهر", "2024-10-01", "2024-10-10", True),
    ],
    "claims": [
        C("ناشطون", "أفاد", "assert", "دخلت عبر معبر الوليد"),
        C("الناشطون", "وأوضح", "assert", "نحو 40 شاحنة"),
        C("مسؤول في التحالف", "وقال", "assert", "تواصل تدريب"),
        C("مسؤول في التحالف", "نافياً", "deny", "موجهة ضد أي طرف"),
        C("فصائل عراقية مسلحة", "حذرت", "assert", "ستستهدف القواعد"),
        C("محللون", "ويرجح", "speculate", "تعيد القوات الأمريكية نشر"),
    ],
    "events": [
        E("AID", "شحنة أسلحة وذخائر جديدة", None, "2024-10-08", "US-led coalition"),
        E("MOBILIZE", "دخلت عبر معبر الوليد", "Al-Waleed crossing (Hasakah)", "2024-10-08", "US-led coalition"),
        E("MOBILIZE", "وتوجهت إلى قاعدة الشدادي", "Al-Shaddadi", None, "US-led coalition", opt=True),
        E("AID", "تواصل تدريب مقاتلي", "Kharab al-Jir", None, "US-led coalition"),
        E("THREATEN", "حذرت فصائل عراقية مسلحة", None, None, "Iraqi militias"),
        E("ASSAULT", "ستستهدف القواعد الأمريكية", "Syria", None, "Iraqi militias", "hypothetical"),
        E("ASSAULT", "لم تسجل أي هجمات", None, None, "Iraqi militias", "negated", opt=True),
        E("ASSAULT", "توسعت الحرب في لبنان", None, None, None, "hypothetical", opt=True),
        E("MOBILIZE", "أرسلت، في 14 أيلول/سبتمبر الماضي، سرباً إضافياً", "Muwaffaq Salti air base", "2024-09-14", "US forces"),
        E("MOBILIZE", "تعيد القوات الأمريكية نشر جزء", "Syria", None, "US forces", "speculated"),
        E("AGREE", "الاتفاق مع بغداد", None, None, "US", opt=True),
    ],
}

G["tg08_homs_academy_idlib"] = {
    "places": [
        P("حمص", "Homs", 34.73, 36.72, 25),
        P("سوريا", "Syria", 35.0, 38.5, 400),
        P("إدلب", "Idlib", 35.93, 36.63, 60),
        P("سرمين", "Sarmin", 35.9, 36.72, 10),
        P("أريحا", "Ariha", 35.81, 36.61, 10),
        P("جسر الشغور", "Jisr al-Shughur", 35.81, 36.32, 15),
    ],
    "actors": ["Syrian government", "Russian forces", "HTS", "White Helmets"],
    "persons": [],
    "times": [
        T("أمس الخميس", "2023-10-05"),
        T("خلال الأيام المقبلة", "2023-10-07", "2023-10-13", True),
    ],
    "claims": [
        C("وزارة الصحة السورية", "وفق", "assert", "ما لا يقل عن 89 شخصاً"),
        C("وزارة الدفاع السورية", "واتهمت", "assert", "تنظيمات إرهابية مدعومة"),
        C("الدفاع المدني السوري", "بحسب", "assert", "مقتل 11 مدنياً"),
        C("المرصد السوري لحقوق الإنسان", "بحسب", "assert", "عشرات الغارات"),
        C("المرصد السوري لحقوق الإنسان", "أشار", "assert", "نزوح مئات العائلات"),
        C("مراقبون", "ويرجح", "speculate", "يستمر التصعيد"),
        C("هيئة تحرير الشام", "نفت", "deny", "أي علاقة لها"),
    ],
    "events": [
        E("ASSAULT", "بهجوم بطائرات مسيرة مفخخة", "Homs", "2023-10-05", None, fatalities=89, injuries=270),
        E("ACCUSE", "واتهمت وزارة الدفاع السورية", None, None, "Syrian government"),
        E("THREATEN", "متوعدة بالرد", None, None, "Syrian government"),
        E("ASSAULT", "قصفت قوات الحكومة السورية بالمدفعية والصواريخ", "Idlib", None, "Syrian government forces", fatalities=11),
        E("ASSAULT", "قصفت قوات الحكومة السورية بالمدفعية والصواريخ", "Sarmin", None, "Syrian government forces", opt=True),
        E("ASSAULT", "قصفت قوات الحكومة السورية بالمدفعية والصواريخ", "Ariha", None, "Syrian government forces", opt=True),
        E("ASSAULT", "عشرات الغارات", "Jisr al-Shughur", None, "Russian forces"),
        E("ASSAULT", "يستمر التصعيد", None, None, None, "speculated", opt=True),
        E("ASSAULT", "بهجوم حمص", None, None, "HTS", "denied", opt=True),
    ],
}

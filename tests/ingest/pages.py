"""Small HTML pages and feeds written for the ingestion tests."""

ARTICLE_P1 = (
    "قال مصدر محلي في ريف دير الزور الشرقي إن رتلاً عسكرياً أمريكياً يضم أكثر من عشرين آلية "
    "دخل الأراضي السورية صباح أمس قادماً من إقليم كردستان العراق عبر معبر الوليد الحدودي."
)
ARTICLE_P2 = (
    "وأضاف المصدر أن الرتل توجه نحو القواعد التي تنتشر فيها القوات الأمريكية قرب حقول النفط، "
    "في حين لم يصدر أي تعليق رسمي من التحالف الدولي حتى ساعة إعداد هذا الخبر."
)
ARTICLE_P3 = (
    "ويأتي هذا التحرك بعد أيام من تعزيزات مماثلة وصلت إلى المنطقة، وسط توتر متصاعد على "
    "الحدود بين سوريا والعراق وتحذيرات متبادلة بين الأطراف المنتشرة هناك."
)
BOILERPLATE = "اشترك في النشرة البريدية"
MENU = "الصفحة الرئيسية"


def article_html(title: str = "رتل أمريكي يدخل سوريا عبر معبر الوليد", charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>{title} | شبكة الرصد الإخبارية</title>
<meta property="og:site_name" content="شبكة الرصد الإخبارية">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-03-14T09:30:00+03:00">
</head>
<body>
<header><nav><ul><li><a href="/">{MENU}</a></li><li><a href="/syria">سوريا</a></li>
<li><a href="/iraq">العراق</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<p>{ARTICLE_P1}</p>
<p>{ARTICLE_P2}</p>
<p>{ARTICLE_P3}</p>
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر لا علاقة له</a></li></ul></aside>
<footer><p>{BOILERPLATE}</p><p>جميع الحقوق محفوظة 2024</p></footer>
</body></html>
"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>شبكة الرصد الإخبارية</title><link>{base}/</link><description>أخبار</description>
<item><title>رتل أمريكي يدخل سوريا</title><link>{base}/article1.html</link>
<pubDate>Thu, 14 Mar 2024 09:30:00 +0300</pubDate><description>ملخص قصير</description></item>
<item><title>خبر بلا صفحة</title><link>{base}/missing.html</link>
<pubDate>Fri, 15 Mar 2024 10:00:00 +0300</pubDate>
<description>&lt;p&gt;{ARTICLE_P3}&lt;/p&gt;</description></item>
</channel></rss>
"""


def atom() -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>وكالة الأنباء التجريبية</title><id>urn:test</id><updated>2024-03-16T00:00:00Z</updated>
<entry><title>تعزيزات على الحدود</title><id>urn:e1</id><updated>2024-03-16T08:00:00Z</updated>
<content type="html">&lt;p&gt;{ARTICLE_P2}&lt;/p&gt;</content></entry>
</feed>
"""

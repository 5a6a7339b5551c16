"""Name material for the demo: first and family names by language, combined at random into fictional people.

Every list holds common given names and family names; the demo only ever combines them at random, so no
entry describes a real person. Each name carries its form in the language's own script where that is not
Latin (Arabic script for Arabic and Dari, Ethiopic for Tigrinya, Cyrillic for Ukrainian).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """One name in Latin letters and, for languages written otherwise, in its own script."""

    latin: str
    native: str = ""


@dataclass(frozen=True)
class NameBook:
    """The names a language group's families draw from."""

    female: tuple[Name, ...]
    male: tuple[Name, ...]
    family: tuple[Name, ...]
    long_family: tuple[Name, ...]
    # Somali and Eritrean children usually carry their father's given name as their family name.
    patronymic: bool = False


def _names(pairs: str) -> tuple[Name, ...]:
    """Read 'Latin=native' entries, one a line; a line without '=' is a Latin-only name."""
    names = []
    for line in pairs.strip().splitlines():
        latin, _, native = line.partition("=")
        names.append(Name(latin.strip(), native.strip()))
    return tuple(names)


ARABIC = NameBook(
    female=_names("""
        Fatima=فاطمة
        Aisha=عائشة
        Maryam=مريم
        Layla=ليلى
        Noor=نور
        Sara=سارة
        Huda=هدى
        Rania=رانيا
        Yasmin=ياسمين
        Salma=سلمى
        Amal=أمل
        Hiba=هبة
        Dalia=داليا
        Lina=لينا
        Reem=ريم
        Zainab=زينب
        Rasha=رشا
        Nadia=نادية
        Rana=رنا
        Fatima Al-Zahraa=فاطمة الزهراء
    """),
    male=_names("""
        Ahmad=أحمد
        Omar=عمر
        Yusuf=يوسف
        Khaled=خالد
        Hassan=حسن
        Ali=علي
        Karim=كريم
        Samir=سمير
        Tariq=طارق
        Ibrahim=إبراهيم
        Mahmoud=محمود
        Bilal=بلال
        Rami=رامي
        Ziad=زياد
        Adnan=عدنان
        Nabil=نبيل
        Majid=ماجد
        Fadi=فادي
        Walid=وليد
        Abdulrahman=عبدالرحمن
    """),
    family=_names("""
        Al-Hassan=الحسن
        Haddad=حداد
        Khalil=خليل
        Mansour=منصور
        Nasser=ناصر
        Abdullah=عبدالله
        Darwish=درويش
        Hamdan=حمدان
        Yassin=ياسين
        Qasim=قاسم
        Issa=عيسى
        Al-Khatib=الخطيب
        Sabbagh=صباغ
        Othman=عثمان
        Jaber=جابر
        Awad=عوض
        Hijazi=حجازي
        Al-Jabouri=الجبوري
    """),
    long_family=_names("""
        Abdulkarim Al-Hashimi Al-Tamimi=عبدالكريم الهاشمي التميمي
        Nasreddin Abu Zaid Al-Masri=نصر الدين أبو زيد المصري
    """),
)

SOMALI = NameBook(
    female=_names("""
        Hodan
        Faadumo
        Ayaan
        Hibaq
        Sahra
        Nimco
        Ubax
        Deeqa
        Hawa
        Khadra
        Sagal
        Idil
        Ladan
        Fardowsa
        Asli
        Muna
        Cawo
        Ifrah
    """),
    male=_names("""
        Abdi
        Mahad
        Abdirahman
        Liban
        Yusuf
        Said
        Guled
        Mustafe
        Bashir
        Xamse
        Khalid
        Abdullahi
        Ismail
        Ahmed
        Osman
        Jama
        Cabdiqani
        Hassan
    """),
    family=_names("""
        Abdi
        Warsame
        Jama
        Osman
        Nur
        Aden
        Mire
        Samatar
        Dirie
        Guled
        Yusuf
        Ismail
        Abdullahi
        Elmi
        Duale
        Roble
    """),
    long_family=_names("""
        Abdirahman Hassan Warsame
        Abdulkadir Ismail Guled
    """),
    patronymic=True,
)

DARI = NameBook(
    female=_names("""
        Fereshta=فرشته
        Zahra=زهرا
        Mariam=مریم
        Parwana=پروانه
        Nargis=نرگس
        Shabnam=شبنم
        Roya=رویا
        Mursal=مرسل
        Setara=ستاره
        Zarghona=زرغونه
        Laila=لیلا
        Mahbooba=محبوبه
        Soraya=ثریا
        Homa=هما
        Marwa=مروه
    """),
    male=_names("""
        Farid=فرید
        Jawad=جواد
        Hamid=حمید
        Naweed=نوید
        Sohrab=سهراب
        Wahid=وحید
        Zabihullah=ذبیح الله
        Mustafa=مصطفی
        Rahim=رحیم
        Bashir=بشیر
        Hamza=حمزه
        Shafiq=شفیق
        Idris=ادریس
        Murtaza=مرتضی
        Sayed Jalaluddin=سید جلال الدین
    """),
    family=_names("""
        Ahmadi=احمدی
        Rahimi=رحیمی
        Hashimi=هاشمی
        Karimi=کریمی
        Noori=نوری
        Sultani=سلطانی
        Haidari=حیدری
        Mohammadi=محمدی
        Wardak=وردک
        Popal=پوپل
        Amiri=امیری
        Sadat=سادات
        Hotak=هوتک
        Azizi=عزیزی
        Samadi=صمدی
    """),
    long_family=_names("""
        Mohammadzai Stanekzai=محمدزی ستانکزی
        Sayed Hashimi Kabulizada=سید هاشمی کابلی زاده
    """),
)

TIGRINYA = NameBook(
    female=_names("""
        Selam=ሰላም
        Senait=ሰናይት
        Mebrat=መብራት
        Saba=ሳባ
        Rahel=ራሄል
        Feven=ፌቨን
        Eden=ኤደን
        Lidya=ሊድያ
        Winta=ዊንታ
        Ruta=ሩታ
        Aster=ኣስቴር
        Yordanos=ዮርዳኖስ
        Hiwet=ሕይወት
        Tsega=ጸጋ
    """),
    male=_names("""
        Yonas=ዮናስ
        Dawit=ዳዊት
        Tesfay=ተስፋይ
        Semere=ሰመረ
        Filmon=ፊልሞን
        Yohannes=ዮሃንስ
        Mehari=መሓሪ
        Biniam=ቢንያም
        Henok=ሄኖክ
        Abel=ኣቤል
        Kidane=ኪዳነ
        Robel=ሮቤል
        Natnael=ናትናኤል
        Habte=ሃብተ
    """),
    family=_names("""
        Tesfamariam=ተስፋማርያም
        Gebremedhin=ገብረመድህን
        Berhane=ብርሃነ
        Tekle=ተኽለ
        Abraha=ኣብርሃ
        Woldemichael=ወልደሚካኤል
        Andemariam=ኣንደማርያም
        Yemane=የማነ
        Asmerom=ኣስመሮም
        Gebrehiwet=ገብረሕይወት
        Habtom=ሃብቶም
    """),
    long_family=_names("""
        Gebremedhin Woldemichael Tesfamariam=ገብረመድህን ወልደሚካኤል ተስፋማርያም
        Andemariam Gebrehiwet Asmerom=ኣንደማርያም ገብረሕይወት ኣስመሮም
    """),
    patronymic=True,
)

UKRAINIAN = NameBook(
    female=_names("""
        Olena=Олена
        Iryna=Ірина
        Oksana=Оксана
        Nataliia=Наталія
        Yuliia=Юлія
        Sofiia=Софія
        Anastasiia=Анастасія
        Kateryna=Катерина
        Daryna=Дарина
        Solomiia=Соломія
        Viktoriia=Вікторія
        Khrystyna=Христина
        Mariia=Марія
        Tetiana=Тетяна
        Zlata=Злата
        Anastasiia-Oleksandra=Анастасія-Олександра
    """),
    male=_names("""
        Oleksandr=Олександр
        Andrii=Андрій
        Dmytro=Дмитро
        Maksym=Максим
        Bohdan=Богдан
        Yurii=Юрій
        Serhii=Сергій
        Ivan=Іван
        Mykola=Микола
        Artem=Артем
        Denys=Денис
        Ostap=Остап
        Vladyslav=Владислав
        Nazar=Назар
    """),
    family=_names("""
        Kovalenko=Коваленко
        Bondarenko=Бондаренко
        Tkachenko=Ткаченко
        Shevchuk=Шевчук
        Melnyk=Мельник
        Boiko=Бойко
        Lysenko=Лисенко
        Savchenko=Савченко
        Marchenko=Марченко
        Rudenko=Руденко
        Polishchuk=Поліщук
        Hnatiuk=Гнатюк
        Didenko=Діденко
        Oliinyk=Олійник
        Moroz=Мороз
        Pavlenko=Павленко
    """),
    long_family=_names("""
        Verkhovynets-Zakharchenko=Верховинець-Захарченко
        Hnatyshyn-Kovalchuk=Гнатишин-Ковальчук
    """),
)

# A family whose mother tongue is close to a group language draws from that group's names.
NAME_BOOKS: dict[str, NameBook] = {
    "ar": ARABIC,
    "ckb": ARABIC,
    "so": SOMALI,
    "prs": DARI,
    "ps": DARI,
    "fa": DARI,
    "ti": TIGRINYA,
    "am": TIGRINYA,
    "uk": UKRAINIAN,
    "ru": UKRAINIAN,
}

SWEDISH_FEMALE = (
    "Maria", "Karin", "Eva", "Sara", "Emma", "Johanna", "Helena", "Ingrid", "Malin", "Sofia",
    "Elin", "Hanna", "Lena", "Kristina", "Cecilia", "Ulrika", "Annika", "Therese", "Frida", "Lisa",
    "Maja", "Ebba", "Agnes", "Louise",
)  # fmt: skip
SWEDISH_MALE = (
    "Erik", "Lars", "Johan", "Per", "Jonas", "Mikael", "Fredrik", "Daniel", "Gustav", "David",
    "Oskar", "Niklas", "Tobias", "Simon", "Martin", "Viktor", "Axel", "Mattias",
)  # fmt: skip
SWEDISH_FAMILY = (
    "Lindqvist", "Bergkvist", "Hägglund", "Sundqvist", "Ekdahl", "Rosén", "Wiklund", "Öberg",
    "Dahlgren", "Hedman", "Fors", "Lövgren", "Sjögren", "Ståhl", "Norén", "Blom", "Holmqvist",
    "Engdahl", "Westin", "Boman", "Lundell", "Sandell", "Falk", "Nordin", "Hallberg", "Strand",
    "Berglöf", "Åström", "Kjellberg", "Nyberg",
)  # fmt: skip


def email_local_part(first: str, last: str) -> str:
    """'Åsa Öberg' → 'asa.oberg': the part before @ in a made-up address."""
    plain = f"{first}.{last}".lower().replace(" ", "")
    for swedish, ascii_letter in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        plain = plain.replace(swedish, ascii_letter)
    return "".join(letter for letter in plain if letter.isascii() and (letter.isalnum() or letter in ".-"))

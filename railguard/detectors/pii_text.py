"""Recognisers for personal data written as words: dates of birth, postal addresses, person names.

None of these has a checksum, so each needs evidence beyond its shape: a birth keyword for a date,
a street word or postcode for an address, a cue ("my name is", "Name:", "Mr.") or known first or last
names for a person. Scores are lower than for the validated types and say how sure the pattern is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from railguard.detectors.pii_common import Candidate, keywords, lowered, near

# ------------------------------------------------------------------------------------- date of birth

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|"
    "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    "januari|februari|maart|mei|augustus|"
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    "जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर|"
    "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
)
_DATE = re.compile(
    r"(?<![0-9A-Za-z/.\-])(?:"
    r"\d{1,2}[./\-]\d{1,2}[./\-](?:(?:19|20)\d{2}|\d{2})"
    r"|(?:19|20)\d{2}[./\-]\d{1,2}[./\-]\d{1,2}"
    r"|(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日"
    r"|(?:19|20)\d{2}년\s?\d{1,2}월\s?\d{1,2}일"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s(?:de\s)?(?:{_MONTHS})\.?,?\s(?:de\s)?(?:19|20)\d{{2}}"
    rf"|(?:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s(?:19|20)\d{{2}}"
    r"|ngày\s\d{1,2}\stháng\s\d{1,2}\snăm\s(?:19|20)\d{2}"
    r")(?![0-9A-Za-z/])",
)  # searched in lowered(text): month names are lower case
_BIRTH = keywords([
    "born", "birth", "date of birth", "birthday", "birthdate", "dob", "d.o.b", "b.", "geboren", "geb.",
    "geburtsdatum", "geburtstag", "né", "née", "né(e)", "naissance", "date de naissance", "nacido", "nacida",
    "nacido/a", "nací", "fecha de nacimiento", "nacimiento", "nato", "nata", "nato/a", "data di nascita",
    "nascita", "nascido", "nascida", "nascido(a)", "data de nascimento", "nascimento", "geboortedatum",
    "geboren op", "urodzony", "urodzona", "urodzony(a)", "urodzenia", "data urodzenia", "дата рождения",
    "родился", "родилась", "рождения", "doğum", "doğum tarihi", "doğdum", "生日", "出生", "出生日期", "出生于",
    "生年月日", "生まれ", "誕生日", "생년월일", "생일", "출생", "태어", "ngày sinh", "sinh ngày", "sinh năm",
    "जन्म", "जन्म तिथि", "जन्मतिथि", "जन्मदिन", "تاريخ الميلاد", "ميلاد", "مواليد", "ولد", "ولدت",
    "ur.", "г.р.", "год рождения", "doğum günü", "生于", "出生年月", "năm sinh", "nasc.", "birth date",
])
_BIRTH_AFTER = keywords(["生まれ", "生れ", "出生", "출생", "doğumlu"])
_YEAR = re.compile(r"(?:19|20)\d\d|\d[./\-]\d{2}\b")


def _plausible_date(raw: str) -> bool:
    nums = [int(x) for x in re.findall(r"\d+", raw)]
    years = [n for n in nums if 1900 <= n <= date.today().year]
    if not years:
        if len(nums) != 3:
            return False
        nums = nums[:2]  # DD/MM/YY: the last pair is a two-digit year
    small = [n for n in nums if n < 100]
    # Numeric dates: day and month must fit either order (DD/MM or MM/DD).
    if len(small) == 2:
        a, b = small
        return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)
    return all(1 <= n <= 31 for n in small)


def find_dates_of_birth(text: str) -> Iterator[Candidate]:
    if not _YEAR.search(text):
        return
    low = lowered(text)
    if not _BIRTH.search(low):
        return
    for m in _DATE.finditer(low):
        s, e = m.span()
        if not _plausible_date(m.group(0)):
            continue
        # before: "born on ..."; after: "1943年11月15日生まれ", "..., 출생"
        if near(text, s, e, _BIRTH, before=50) or near(text, s, e, _BIRTH_AFTER, before=0, after=6):
            yield Candidate(s, e, "DATE_OF_BIRTH", 0.9, "a date next to a birth keyword", False)


# ------------------------------------------------------------------------------------------- address


def _upper_class() -> str:
    """A character class of the upper-case letters of Latin, Greek and Cyrillic (`re` has no \\p{Lu})."""
    chars = [chr(i) for i in (*range(0x41, 0x530), *range(0x1E00, 0x1F00)) if chr(i).isupper()]
    ranges: list[str] = []
    start = prev = ord(chars[0])
    for c in chars[1:] + ["\uffff"]:
        o = ord(c)
        if o != prev + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
            start = o
        prev = o
    return "[" + "".join(ranges) + "]"


_UP = _upper_class()
_STREET_SUFFIX_EN = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|circle|cir|"
    r"parkway|pkwy|highway|hwy|square|sq|trail|trl|crescent|close|row|alley|plaza|hollow|island|forest|"
    r"ridge|hill|hills|park|path|pike|point|port|run|springs|station|track|turnpike|valley|view|village|"
    r"ville|walk|wells|heights|gardens|grove|harbor|haven|junction|key|knoll|lake|landing|manor|meadow|"
    r"meadows|mill|mission|mount|oval|pass|prairie|ranch|shore|shores|spur|stream|summit|throughway|"
    r"underpass|union|vista|expressway|freeway|fort|ford|fields|falls|estates|crossing|creek|cove|corner|"
    r"corners|common|cliffs|centre|center|causeway|canyon|burg|brook|branch|bridge|bluff|bend|bay|beach|"
    r"bypass|camp|cape|club|course|courts|coves|crest|crossroad|curve|dale|dam|divide|extension|extensions|"
    r"ferry|field|flat|flats|forge|fork|forks|gateway|glen|green|greens|inlet|isle|keys|land|light|lights|"
    r"loaf|lock|locks|lodge|loop|mall|mews|mills|motorway|mountain|mountains|neck|orchard|overpass|parks|"
    r"passage|pine|pines|plain|plains|radial|ramp|rapid|rapids|rest|river|roads|route|shoal|shoals|skyway|"
    r"spring|squares|stravenue|streets|trace|trafficway|trailer|tunnel|unions|viaduct|views|walks|wall|ways|"
    r"well|str"
)
_UNIT = r"(?:,?\s*(?:apt\.?|apartment|suite|ste\.?|unit|#|floor|fl\.?)\s*\w+)?"
_POSTCODE = (r"(?:\d{5}(?:-\d{4})?|\d{2}-\d{3}|\d{5}-\d{3}|\d{8}|\d{4}\s?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
             r"|\d{6}|\d{4})")
_CITY = rf"{_UP}[\w'’\-]*(?:[ \-](?:{_UP}[\w'’\-]*|de|del|di|da|do|dos|das|sur|sous|am|an|der|im|la|le|les|en|aan|op))*"
_US_TAIL = rf"(?:,\s*{_CITY},?\s*(?:[A-Z]{{2}}\s+)?\d{{5}}(?:-\d{{4}})?)?"
_STREET_SUFFIX_COMMON = (r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
                         r"terrace|highway|hwy|parkway|pkwy|square|sq|trail|crescent|close|circle|str")
_STREET_SUFFIX_CAPITALISED = "|".join(w.capitalize() for w in _STREET_SUFFIX_EN.split("|"))
_STREET_PARTICLE = r"(?:de|del|della|des|du|la|le|di|da|do|das|dos|d['’])"
_ROMANCE_STREET = (
    r"(?i:rue|avenue|av\.|bd|boulevard|chemin|allée|allee|impasse|place|quai|route|cours|passage|square|calle|c/|"
    r"avenida|avda\.|paseo|plaza|camino|carrera|ronda|glorieta|cañada|vía|via|viale|piazza|piazzale|corso|largo|"
    r"vicolo|contrada|borgo|strada|rotonda|stretto|rua|travessa|praça|alameda|rodovia|estrada|ladeira|vila|viela|"
    r"feira|vereda|parque|jardim|ul\.|ulica|al\.|aleja|pl\.|plac|os\.|osiedle|acceso|pasaje|urbanización|rambla|"
    r"travesía|callejón|chácara|colônia|condomínio|conjunto|distrito|esplanada|estação|fazenda|loteamento|"
    r"núcleo|passarela|pátio|quadra|recanto|residencial|setor|sítio|trecho|trevo|viaduto|lagoa|morro|arroyo|"
    r"bajada|barranco|barrio|bulevar|carretera|cuesta|pasadizo|polígono|senda|canale|incrocio)"
    rf"[ \t]+(?:{_STREET_PARTICLE}[ \t]*)*{_UP}[\w'’\-]*(?:[ \t]+(?:{_STREET_PARTICLE}[ \t]+)*{_UP}[\w'’\-]*){{0,3}}"
)
_STREET_STARTS = frozenset(
    "rue avenue av bd boulevard chemin allée allee impasse place quai route cours passage square calle c/ avenida "
    "avda paseo plaza camino carrera ronda glorieta vía via viale piazza piazzale corso largo vicolo contrada borgo "
    "strada rotonda stretto rua travessa praça alameda rodovia estrada ladeira vila viela feira vereda parque jardim "
    "ul ulica al aleja pl plac os osiedle acceso pasaje urbanización rambla travesía callejón unit apt suite "
    "chácara colônia condomínio conjunto distrito esplanada estação fazenda loteamento núcleo passarela pátio quadra "
    "recanto residencial setor sítio trecho trevo viaduto lagoa morro arroyo bajada barranco barrio bulevar "
    "carretera cuesta pasadizo polígono senda canale incrocio".split()
)
_HOUSE_NO = r"(?:n[º°o]\.?\s*)?\d{1,5}[a-zA-Z]?(?:/\d{1,5})?(?:[ \t]+(?i:apt\.?|appartamento|piso|puerta)\s*\d+)?"
_STREET_PATTERNS = [
    # 123 Main Street Apt 4, Springfield, IL 62704 (rare street words only when capitalised: "Walks", "Divide")
    rf"(?<![\w.,/\-])\d{{1,6}}[A-Za-z]?[ \t]+(?:{_UP}[\w'’.\-]*[ \t]+){{1,4}}"
    rf"(?:(?i:{_STREET_SUFFIX_COMMON})|{_STREET_SUFFIX_CAPITALISED})\.?(?![\w]){_UNIT}{_US_TAIL}",
    # US military mail: PSC 1234, Box 5678 APO AE 12345
    r"(?<![\w])(?i:(?:psc|unit|usns|usnv|uss|usc?gc)\s[\w ]{1,30}?,?\s+box\s+\d{1,5}\s*\n?\s*[afd]po\s+a[aep]\s+\d{5})",
    # Kühnertstraße 12a, 50636 Uelzen ; Isabellepad 4, 3122 MZ, Leuth
    rf"(?<![\w\-]){_UP}[\w'’\-]{{2,}}(?i:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|"
    rf"straat|laan|plein|gracht|kade|dijk|singel|hof|pad|steeg|markt|dreef|park|veld|erf|"
    rf"vej|gade|gatan|vägen|gata|veien|katu|tie|polku|utca|ulica)\s+\d{{1,5}}[a-zA-Z]?(?:[/\-]\d{{1,5}})?",
    # 12 rue de la Paix ; Calle Mayor 10 ; Via Roma, 15 ; rue Moreno, 88389 Bodin: a number is required
    rf"(?<![\w.])\d{{1,5}}(?:\s?(?:bis|ter))?,?[ \t]+{_ROMANCE_STREET}(?:,?[ \t]+{_HOUSE_NO})?",
    # Russian: ул. Ленина, д. 5
    r"(?:ул\.|улица|пр\.|пр-т|проспект|пер\.|переулок|ш\.|шоссе|наб\.|набережная|бул\.|бульвар|пл\.|площадь)"
    r"\s+[А-ЯЁ][\wё\-]*(?:\s+[А-ЯЁ][\wё\-]*)?,?\s+(?:д\.|дом)\s*\d+[\w/]*(?:\s+(?:стр\.|корп\.|кв\.)\s*[\d/]+)*",
    # Chinese: ...省/市 ...区/县 ...路/街 ...号/座
    r"[\u4e00-\u9fff]{2,12}?(?:省|市|自治区)[\u4e00-\u9fff]{1,12}?(?:市|区|县|州)[\u4e00-\u9fff\w]{0,12}?"
    r"(?:路|街|道|巷|弄|大道)[\w\u4e00-\u9fff]{0,8}?(?:号|座|室|栋|楼)",
    # Japanese: ...都道府県 ...市区町村 ...丁目 ...番 ...号
    r"[\u4e00-\u9fff]{1,4}(?:都|道|府|県)[\u3040-\u30ff\u4e00-\u9fff]{1,12}?(?:市|区|町|村|郡)"
    r"[\u3040-\u30ff\u4e00-\u9fff]{0,12}?\d{1,4}丁目(?:\d{1,4}番(?:地)?)?(?:\d{1,4}号)?",
    # Korean: ...시/도 ...구 ...로/길 123
    r"[\uac00-\ud7af]{2,8}(?:시|도)\s(?:[\uac00-\ud7af\d]{1,10}(?:시|구|군)\s)*[\uac00-\ud7af\d]{1,12}(?:로|길|거리|가)"
    r"\s(?:지하)?\d{1,5}(?:-\d{1,5})?",
    # Indian: 12/345 <locality>, <city>-560001 (six-digit PIN code)
    r"(?<![0-9])\d{1,5}(?:/\d{1,5})?\s[\u0900-\u097f]+(?:\s[\u0900-\u097f]+){0,2},\s[\u0900-\u097f]+"
    r"(?:\s[\u0900-\u097f]+){0,3}[\s\-]\d{6}(?![0-9])",
    # Vietnamese: Số 12 ... phường/đường/phố
    r"(?:(?i:số)\s)?(?<![\d/])\d{1,5}(?:/\d{1,5})*\s(?:[\wÀ-ỹ]+\s){1,8}?(?i:phường|quận|xã|huyện|thành phố|tỉnh)(?:\s[\wÀ-ỹ,]+){1,6}",
]
_STREET = re.compile("|".join(f"(?:{p})" for p in _STREET_PATTERNS))
# Calle Mayor 10 ; Via Roma, 15 ; rue Moreno, 88389 Bodin. The street words are found in lowered(text)
# first (a case-insensitive alternation tried at every word is slow), then the pattern at each hit.
_ROMANCE_WORD = re.compile(
    r"(?<![\w.])(?:rue|avenue|av\.|bd|boulevard|chemin|allée|allee|impasse|place|quai|route|cours|passage|square|"
    r"calle|c/|avenida|avda\.|paseo|plaza|camino|carrera|ronda|glorieta|cañada|vía|via|viale|piazza|piazzale|corso|"
    r"largo|vicolo|contrada|borgo|strada|rotonda|stretto|rua|travessa|praça|alameda|rodovia|estrada|ladeira|vila|"
    r"viela|feira|vereda|parque|jardim|ul\.|ulica|al\.|aleja|pl\.|plac|os\.|osiedle|acceso|pasaje|urbanización|"
    r"rambla|travesía|callejón|chácara|colônia|condomínio|conjunto|distrito|esplanada|estação|fazenda|loteamento|"
    r"núcleo|passarela|pátio|quadra|recanto|residencial|setor|sítio|trecho|trevo|viaduto|lagoa|morro|arroyo|"
    r"bajada|barranco|barrio|bulevar|carretera|cuesta|pasadizo|polígono|senda|canale|incrocio)[ \t]"
)
_ROMANCE_AT = re.compile(rf"{_ROMANCE_STREET}(?:,?[ \t]+{_HOUSE_NO}|(?=,[ \t]*\d{{4,5}}[ \t]+{_UP}))")
# After a street: more address parts (postcode, city, region, country) on the same or next lines.
_TAIL = re.compile(
    rf"(?:[ \t]*(?:,|\n|\s)[ \t]*(?:{_POSTCODE}(?:\s+{_CITY})?|{_CITY}(?:\s*\([A-Z]{{2}}\))?"
    rf"(?:,?\s*[A-Z]{{2}})?(?:\s+{_POSTCODE})?|(?i:apt\.?|suite|unit)\s*\w+))",
)
_ADDRESS_CONTEXT = keywords([
    "address", "live at", "lives at", "living at", "lives on", "located at", "sent to", "send it to", "ship to",
    "deliver to", "moved to", "adresse", "anschrift", "wohnhaft", "demeurant", "domicile", "dirección",
    "direccion", "domicilio", "indirizzo", "residente in", "residente", "adres", "wonende", "woonachtig",
    "endereço", "endereco", "residente em", "adresem", "zamieszkały", "адрес", "адресу", "проживающий",
    "adresi", "ikamet", "地址", "住址", "现住", "住所", "주소", "địa chỉ", "पता", "निवासी", "عنوان",
])
# Words that introduce an address; the address is what follows, up to the end of the clause.
_ADDRESS_CUE = re.compile(  # searched in lowered(text)
    r"(?:(?<![\w])(?:(?:billing |shipping |street |postal |home |mailing |my |new )?address(?: is)?|"
    r"lives? (?:at|on)|living at|located at|sent to|ship(?:ped)? to|deliver(?:ed)? to|moved to|"
    r"adresse|anschrift|wohnhaft in|demeurant(?: au| à)?|domicilié(?:e)? (?:au|à)|dirección|con domicilio en|"
    r"domicilio|indirizzo|residente in|residente em|residente a|adres|wonende te|woonachtig (?:te|aan)|"
    r"endereço|pod adresem|zamieszkał[ya](?:\(a\))? pod adresem|адрес|по адресу|проживающий(?:\(ая\))? по адресу|"
    r"adresi|ikametgah|địa chỉ))\s*[:：]?\s*"
    r"|(?:住所|地址|现住|住址|주소|पता|निवासी|العنوان)\s*[:：]?\s*"
)
# Where the address clause ends: a sentence end, a field separator, or the next field's name.
_ADDRESS_STOP = re.compile(
    r"[;；。!?！？]|\n\s*\n|\.\s+(?=[^\W\d_][^\W\d_])(?<![A-Z]\.)(?<!\b[A-Za-z]{2}\.)(?<!\b[A-Za-z]\.)"
    r"|[,，、]\s*(?i:phone|tel|telephone|telefon|téléphone|teléfono|telefono|telefone|telefoon|телефон|fon|"
    r"फ़ोन|फोन|điện thoại|전화|電話|电话|e-?mail|correo|courriel|電子|ईमेल|name|nom|nombre|give|zeg|"
    r"comunico|donne|le comunico|расторгаю|wypowiadam|मकान)"
)


def _address_after_cue(text: str, start: int) -> tuple[int, int] | None:
    """The address clause that starts at `start`, trimmed to its last part holding a digit plus a city."""
    stop = _ADDRESS_STOP.search(text, start, min(len(text), start + 160))
    end = stop.start() if stop else min(len(text), start + 160)
    chunk = text[start:end]
    if not any(c.isdigit() for c in chunk) or len(chunk.strip()) < 6:
        return None
    first = chunk.split(maxsplit=1)[0] if chunk.split() else ""
    # Prose after "sent to" / "moved to" ("the store", "all the outlets") is not an address.
    if not first or first.lower() in _NOT_NAME or first.lower().startswith("0x"):
        return None
    if first[0].isascii() and first[0].islower() and first.lower().rstrip(".") not in _STREET_STARTS:
        return None
    parts = re.split(r"(,|\n)", chunk)
    # Keep parts up to the last one with a digit, then at most one more capitalised (city) part.
    keep_upto = max(i for i, p in enumerate(parts) if any(c.isdigit() for c in p))
    if keep_upto + 2 < len(parts):
        nxt = parts[keep_upto + 2].strip()
        if nxt and (nxt[0].isupper() or not nxt[0].isalpha()) and len(nxt.split()) <= 4:
            keep_upto += 2
    kept = "".join(parts[: keep_upto + 1]).rstrip(" ,.\n")
    if len(kept) < 6 or len(kept.split()) > 25 or _DATE.fullmatch(lowered(kept)) or not re.search(r"[^\W\d_]{2}", kept):
        return None
    return start, start + len(kept)


def find_addresses(text: str) -> Iterator[Candidate]:
    matches = list(_STREET.finditer(text))
    for w in _ROMANCE_WORD.finditer(lowered(text)):
        m = _ROMANCE_AT.match(text, w.start())
        if m is not None and not any(o.start() <= m.start() < o.end() for o in matches):
            matches.append(m)
    for m in matches:
        s, e = m.span()
        e = _extend_tail(text, e)
        score = 0.85 if near(text, s, e, _ADDRESS_CONTEXT, before=40) else 0.8
        yield Candidate(s, e, "ADDRESS", score, "a street address (street word, number, postcode or city)", False)
    for m in _ADDRESS_CUE.finditer(lowered(text)):
        span = _address_after_cue(text, m.end())
        if span is not None:
            yield Candidate(span[0], span[1], "ADDRESS", 0.7, "an address given after an address keyword", False)


def _extend_tail(text: str, end: int) -> int:
    """Swallow trailing postcode / city / region parts, at most four, staying within 80 characters."""
    limit = end + 80
    for _ in range(4):
        m = _TAIL.match(text, end)
        if not m or m.end() > limit or "\n\n" in m.group(0):
            break
        part = m.group(0).strip(" ,\n\t")
        if not part or (part[0].isupper() and len(part.split()) > 4):
            break
        end = m.end()
    return end


# ----------------------------------------------------------------------------------------------- person

_NAME_DIR = Path(__file__).resolve().parent.parent / "models" / "pii_names"


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    path = _NAME_DIR / "names.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {k: frozenset(data.get(k, ())) for k in ("first", "last", "common")}


def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """First names and last names (case-folded) learned from training templates; empty when absent."""
    lists = _lists()
    return lists["first"], lists["last"]


def _common_words() -> frozenset[str]:
    """Words seen in lower case in ordinary sentences: a capitalised one is not evidence of a name."""
    return _lists()["common"]


_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten|le|la|bin|binti|ibn|al|el|y|e|mc|o['’])"
_CAP = rf"{_UP}[\w'’]*(?:-{_UP}?[\w'’]+)*\.?"
_LATIN_NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{0,4}}"
_TITLES = (
    r"mr|mrs|ms|miss|mx|dr|prof|sir|madam|herr|frau|dipl\.-ing|m|mme|mlle|monsieur|madame|sr|sra|srta|don|doña|"
    r"dott|dott\.ssa|sig|sig\.ra|signor|signora|dhr|mevr|pan|pani|dra|г-н|г-жа|господин|госпожа|bay|bayan|"
    r"ông|bà|anh|chị|quý ông|quý cô|श्री|श्रीमती|السيد|السيدة|الدكتور|الدكتورة|الأستاذ"
)
_TITLE = rf"(?:(?i:{_TITLES})\.?\s+)"
# Phrases after which a name follows, across our languages.
_NAME_CUES = (
    r"my name is|my name's|i am|i'm|this is|name is|call me|name|full name|cardholder|card holder|holder|"
    r"recipient|beneficiary|account holder|patient|customer|client|contact|dear|hi|hello|regards,?|"
    r"sincerely,?|signed|from|to|for|by|with|and|attn:?|"
    r"ich heiße|ich heisse|ich bin|mein name ist|name|karteninhaber|kontoinhaber|empfänger|"
    r"je m'appelle|je m’appelle|je suis|mon nom est|nom|titulaire|bénéficiaire|destinataire|je soussigné\(e\)|"
    r"je soussigné|me llamo|mi nombre es|soy|nombre|titular|beneficiario|destinatario|yo,|"
    r"mi chiamo|il mio nome è|sono|nome|intestatario|io,|"
    r"meu nome é|eu sou|sou|eu,|"
    r"ik ben|mijn naam is|ik heet|naam|kaarthouder|begunstigde|ontvanger|ik,|"
    r"nazywam się|mam na imię|jestem|imię i nazwisko|odbiorca|właściciel karty|ja,|"
    r"меня зовут|я,|фио|имя|получатель|владелец карты|"
    r"benim adım|adım|ad soyad|alıcı|"
    r"tôi là|tên tôi là|họ tên|chủ thẻ là|chủ thẻ|người nhận"
)
# Cues and titles are found in lowered(text); the name after them is matched in the text itself.
_CUE_WORDS = re.compile(rf"(?<![\w])(?:{_NAME_CUES})")
_AFTER_CUE = re.compile(rf"\s*[:：]?\s*(?:{_TITLE})?(?P<name>{_LATIN_NAME})")
_TITLE_WORDS = re.compile(rf"(?<![\w])(?:{_TITLES})\.?\s+")
_NAME_AT = re.compile(_LATIN_NAME)
# Scripts without capital letters: cue + a bounded run of that script.
_HAN = "\u3005\u4e00-\u9fff"  # with 々, the repetition mark of names like 佐々木
_HANGUL_NAME = r"[\uac00-\ud7af]{2,4}?(?=\s|입니다|이고|이며|님|씨|앞으로|[,.;:!?)(（、]|$)"
_CUE_OTHER = re.compile(
    r"(?:我是|我叫|本人|姓名[:：]?|收件人|持卡人是|持卡人|收款人|联系人|"
    r"氏名[:：]?\s?|名義は|名前は|こんにちは、|宛先[:：]?|私、|"
    r"이름[:：]?\s?|저는\s|제 이름은\s|받는 사람[:：]?\s?|카드 소유자[:：]?\s?|명의자는\s?|명의자[:：]?\s?|예금주[:：]?\s?|"
    r"수령인[:：]?\s?|"
    r"मेरा नाम|नाम[:：]?|प्राप्तकर्ता[:：]?|कार्डधारक[:：]?|मैं,|"
    r"اسمي|الاسم الكامل|الاسم[:：]?|المستفيد[:：]?|المستلم|صاحب البطاقة[:：]?|جهة الاتصال الجديدة[:：]?|"
    r"السيد|السيدة|الآنسة|الدكتور|الدكتورة|المهندس|المهندسة|"
    r"меня зовут|получатель[:：]?|фио[:：]?|владелец карты[:：]?)\s*"
    rf"(?P<name>[{_HAN}]{{1,4}}\s[\u3040-\u30ff{_HAN}]{{1,4}}|[{_HAN}]{{2,4}}|{_HANGUL_NAME}"
    r"|[\u0900-\u097f]+(?:\s[\u0900-\u097f]+){0,2}|"
    r"(?:(?:ال)?[\u0621-\u064a]+\s){0,6}[\u0621-\u064a]+|[А-ЯЁ][а-яё\-]+(?:\s[А-ЯЁ][а-яё\-]+){0,2})"
)
# Honorifics after a name; common nouns that also take them ("大家さん", the landlord) are skipped.
_SUFFIX_OTHER = re.compile(
    rf"(?P<name>[{_HAN}]{{1,3}}\s?[\u3040-\u30ff{_HAN}]{{1,3}})(?:さん|様|さま|君|先生|女士|小姐)"
    r"|(?P<kname>[\uac00-\ud7af]{2,4})\s?(?:님|씨|앞으로)"
)
_NOT_HONORED = frozenset({"大家", "皆", "皆様", "お客", "店員", "運転手", "先生", "社長", "部長", "課長", "お医者"})
# Chinese: a common surname + one or two characters, before 的 (possessive) or after 给/和/跟 (to, and, with).
_ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤滕"
_ZH_NAME = re.compile(rf"(?:(?<=[给和跟与向]))?(?P<name>[{_ZH_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?=的|先生|女士|小姐)")
_CAP_SEQ = re.compile(rf"(?<![\w@.])(?P<name>{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{1,3}})(?![\w@])")
_CYRILLIC_SEQ = re.compile(r"(?<![\w])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2}")
# Words that start sentences or are capitalised for other reasons, never the start of a name here.
_NOT_NAME = frozenset(
    "the a an i my your our his her their this that these those it we you he she they is are was be "
    "hi hello dear please thanks thank can could would will may should do does did what when where which who why "
    "how yes no ok okay and or but if so as at by for from in of on to with via per "
    "name full card holder customer client contact patient recipient beneficiary account email phone address "
    "street road avenue city state country zip postcode code number date birth iban ssn id "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december "
    "mr mrs ms dr prof sir madam herr frau m mme sr sra dott sig dhr mevr pan pani "
    "new united north south east west saint st san santa los las el la le de фио имя".split()
)


_WEAK_CUES = frozenset({"to", "for", "by", "with", "and", "from", "hi", "hello", "dear", "contact", "customer",
                        "client", "patient", "this is", "i am", "i'm", "soy", "sono", "sou", "je suis", "ich bin",
                        "jestem"})
# Cues that can only be followed by a name, whatever its case.
# Reasons of names that were disclosed (after "my name is", a form label or a title), not merely mentioned;
# the pii category score tells the two apart (railguard.detectors.pii.category_score).
_REASON_EXPLICIT_CUE = "a name after an explicit naming cue"
_REASON_CUE = "a name after a naming cue"
_REASON_TITLE = "a name after a title"
DISCLOSURE_REASONS = frozenset({_REASON_EXPLICIT_CUE, _REASON_CUE, _REASON_TITLE})
_EXPLICIT_CUES = frozenset({"my name is", "my name's", "name is", "call me", "full name", "ich heiße", "ich heisse",
                            "mein name ist", "je m'appelle", "je m’appelle", "mon nom est", "me llamo",
                            "mi nombre es", "mi chiamo", "il mio nome è", "meu nome é", "mijn naam is", "ik heet",
                            "nazywam się", "mam na imię", "меня зовут", "benim adım", "tên tôi là"})
_SAYS = re.compile(r"(?<![\w])(?:says|said|asked|replied|wrote|according to)\s+")
_LOWER_WORD = re.compile(r"\s*[:：]?\s*([^\W\d_]{2,}(?:-[^\W\d_]+)?)")


def _lowercase_name(text: str, low: str, pos: int, emit) -> Iterator[Candidate]:
    """Up to three lower-case words after an explicit cue, stopping at the first ordinary word."""
    common = _common_words()
    start = end = None
    for _ in range(3):
        m = _LOWER_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1).casefold()
        if word in common or word in _NOT_NAME:
            break
        if start is None:
            start = m.start(1)
        end = pos = m.end(1)
        if not text.startswith(" ", pos):
            break
    if start is not None and end is not None:
        yield from emit(start, end, 0.7, _REASON_EXPLICIT_CUE)


def _trim_name(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop trailing dots/quotes and leading non-name words; None when nothing name-like is left."""
    value = text[s:e]
    while value and value[-1] in ".'’-":
        value, e = value[:-1], e - 1
    tokens = value.split()
    while tokens and tokens[0].lower().strip(".") in _NOT_NAME:
        first = tokens.pop(0)
        s = text.index(first, s) + len(first)
        while s < e and text[s].isspace():
            s += 1
    while tokens and tokens[-1].lower().strip(".") in _NOT_NAME:
        last = tokens.pop()
        e = text.rindex(last, s, e)
        while e > s and text[e - 1].isspace():
            e -= 1
    if not tokens or len(text[s:e]) < 2:
        return None
    return s, e


def _name_known(tokens: list[str]) -> int:
    first, last = _gazetteer()
    hits = 0
    for i, t in enumerate(tokens):
        key = t.strip(".,'’").casefold()
        if (i == 0 and key in first) or (i > 0 and (key in last or key in first)):
            hits += 1
    return hits


def find_persons(text: str) -> Iterator[Candidate]:
    seen: set[tuple[int, int]] = set()

    def emit(s: int, e: int, score: float, reason: str) -> Iterator[Candidate]:
        span = _trim_name(text, s, e)
        if span is None or span in seen:
            return
        seen.add(span)
        yield Candidate(span[0], span[1], "PERSON", score, reason, False)

    low = lowered(text)
    for c in _CUE_WORDS.finditer(low):
        m = _AFTER_CUE.match(text, c.end())
        if m is None:
            # People type their names in lower case in chats: "my name is borna jerković".
            cue = low[c.start():c.end()]
            if cue in _EXPLICIT_CUES:
                yield from _lowercase_name(text, low, c.end(), emit)
            continue
        s, e = m.span("name")
        tokens = text[s:e].split()
        cue = low[c.start():s].strip()
        strong = cue not in _WEAK_CUES
        follows = text[e:e + 1]
        if strong or _name_known(tokens) or (len(tokens) >= 2 and cue in {"i am", "i'm", "this is"}):
            yield from emit(s, e, 0.85 if strong else 0.75, _REASON_CUE)
        elif (cue in {"hi", "hello", "dear"} and follows in ",!:" and len(tokens) <= 3
              and not any(t.strip(".").casefold() in _common_words() for t in tokens)):
            yield from emit(s, e, 0.7, "a name after a greeting")  # "Hi Freddy, ..."
    for c in _SAYS.finditer(low):
        m = _NAME_AT.match(text, c.end())
        tokens = text[m.start():m.end()].split() if m is not None else []
        if (m is not None and text[m.end():m.end() + 1] in ".,;!?" and len(tokens) <= 3
                and not any(t.strip(".").casefold() in _common_words() for t in tokens)):
            yield from emit(m.start(), m.end(), 0.6, "a name after 'says'")  # '..." says Joly.'
    for t in _TITLE_WORDS.finditer(low):
        m = _NAME_AT.match(text, t.end())
        if m is not None:
            yield from emit(t.start(), m.end(), 0.85, _REASON_TITLE)
    for m in _CUE_OTHER.finditer(text):
        s, e = m.span("name")
        yield from emit(s, e, 0.8, _REASON_CUE)
    for m in _SUFFIX_OTHER.finditer(text):
        grp = "name" if m.group("name") else "kname"
        if m.group(grp).replace(" ", "") not in _NOT_HONORED:
            yield from emit(m.start(grp), m.end(grp), 0.75, "a name before an honorific")
    if "的" in text or "先生" in text or "女士" in text or "小姐" in text:
        for m in _ZH_NAME.finditer(text):
            yield from emit(m.start("name"), m.end("name"), 0.6, "a Chinese surname and given name before 的/先生/女士")
    first_names, _last = _gazetteer()
    # Vietnamese capitalises every syllable of place names and many given names are ordinary words
    # ("Nhật ký", "Việt Nam"): there, only runs of two or more KNOWN name words count.
    vietnamese = bool(_VIETNAMESE.search(text))
    if first_names:
        common = _common_words()
        for m in _INITIAL_NAME.finditer(text):
            if not _street_like(text, m.group(0).split(), m.end()):
                yield from emit(m.start(), m.end(), 0.75, "a first name, a middle initial and a last name")
        for m in _CAP_SEQ.finditer(text):
            s, e = m.span("name")
            tokens = text[s:e].split()
            if _street_like(text, tokens, e):
                continue
            hits = _name_known(tokens)
            if hits >= 2 or (hits == 1 and _name_known(tokens[:1]) == 1 and len(tokens) >= 2 and not vietnamese):
                yield from emit(s, e, 0.75 if hits >= 2 else 0.65, "capitalised words that are known first/last names")
                continue
            if vietnamese or len(tokens) > 3 or any(t.isupper() for t in tokens):
                continue
            keys = [t.strip(".,'’").casefold() for t in tokens]
            if all(len(k) >= 2 and k not in common and k not in _NOT_NAME and k not in _ORG_WORDS for k in keys):
                yield from emit(s, e, 0.55, "capitalised words that are not ordinary words")
        for m in _CAP_WORD.finditer(text):
            word = m.group(0)
            if not vietnamese and word.casefold() in first_names and not _street_like(text, [word], m.end()):
                yield from emit(m.start(), m.end(), 0.6, "a capitalised word that is a known first name")
        for m in _CYRILLIC_SEQ.finditer(text):
            tokens = m.group(0).split()
            if _name_known(tokens) >= 1 or any(t.endswith(("вич", "вна", "ична")) for t in tokens):
                yield from emit(m.start(), m.end(), 0.7, "Cyrillic words that are known names or patronymics")
    # A name found once marks its other mentions ("... everyone calls me Ján").
    found = {t.strip(".,'’").casefold() for s, e in seen for t in text[s:e].split() if len(t) > 2}
    found -= _NOT_NAME
    if found and not _VIETNAMESE.search(text):
        for m in _CAP_WORD.finditer(text):
            if m.group(0).casefold() in found:
                yield from emit(m.start(), m.end(), 0.6, "another mention of a name found in the text")


_INITIAL_NAME = re.compile(rf"(?<![\w@.\-]){_UP}[^\W\d_]+\s{_UP}\.?\s{_UP}[^\W\d_]+(?:-{_UP}[^\W\d_]+)?(?![\w@\-])")
_ORG_WORDS = frozenset(
    "ltd inc llc gmbh corp co ag sa srl bv nv plc group company corporation technologies technology partners "
    "solutions systems services holdings bank university college institute foundation association agency "
    "markets insurance consulting labs media ventures capital".split()
)
_VIETNAMESE = re.compile(r"[ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_CAP_WORD = re.compile(rf"(?<![\w@.\-]){_UP}[^\W\d_]+(?:-{_UP}[^\W\d_]+)?(?![\w@\-])")
_STREET_WORDS = frozenset(_STREET_SUFFIX_EN.split("|"))


def _street_like(text: str, tokens: list[str], end: int) -> bool:
    """Capitalised words that are a street name: end in a street word or come right before a house number."""
    if tokens and tokens[-1].strip(".,").lower() in _STREET_WORDS:
        return True
    return bool(re.match(r"\s\d{1,5}\b", text[end:end + 7]))

"""Recognisers for structured personal data, each confirmed by a validator so look-alikes stay quiet.

Emails (email-validator, no DNS), phone numbers (`phonenumbers`), payment cards (Luhn + issuer
prefixes and lengths), IBANs (mod-97 and country length), IP addresses (`ipaddress`) and national
identity / tax numbers (`python-stdnum`). Numbers whose checksum is weak (one chance in 10 or 11 of a
random number passing) need a context word nearby ("BSN", "Aadhaar", "Steuer-ID", ...).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.br import cnpj as br_cnpj
from stdnum.br import cpf as br_cpf
from stdnum.ca import sin as ca_sin
from stdnum.de import idnr as de_idnr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.in_ import aadhaar as in_aadhaar
from stdnum.in_ import pan as in_pan
from stdnum.iso7064 import mod_11_2
from stdnum.it import codicefiscale as it_cf
from stdnum.kr import rrn as kr_rrn
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.ru import inn as ru_inn
from stdnum.tr import tckimlik as tr_tckimlik
from stdnum.us import ssn as us_ssn

from railguard.detectors.pii_common import Candidate, digits, keywords, lowered, near

# Words that say "this number is not personal data" (an order, a product, a version).
_NOT_PII_CONTEXT = keywords([
    "注文番号", "注文", "订单", "订单号", "주문", "주문 번호", "заказ", "заказа", "номер заказа", "sipariş", "zamówienie",
    "zamówienia", "bestelnummer", "numero d'ordine", "número de pedido", "numéro de commande", "auftragsnummer",
    "order", "order no", "invoice", "isbn", "issn", "sku", "part no", "serial", "tracking", "ticket", "ref",
    "reference", "version", "build", "release", "commit", "sha", "uuid", "transaction", "confirmation",
    "booking", "flight", "item", "product", "model", "batch", "lot", "case", "bestellnummer", "commande",
    "pedido", "ordine", "bestelling", "rechnung", "facture", "factura", "fattura",
])

# ---------------------------------------------------------------------------------------------- email

_EMAIL = re.compile(r"(?<![0-9A-Za-z_.%+\-'])[0-9A-Za-z_.%+\-']{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63})+")


def find_emails(text: str) -> Iterator[Candidate]:
    if "@" not in text:
        return
    for m in _EMAIL.finditer(text):
        s, e = m.span()
        value = m.group(0)
        while value.endswith((".", "-")):  # sentence punctuation after the address
            value = value[:-1]
            e -= 1
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            continue
        yield Candidate(s, e, "EMAIL", 0.97, "an email address with a valid syntax and domain", True)


# ---------------------------------------------------------------------------------------------- phone

# Words for "number" alone say less: they count only when nothing says "order" or "invoice".
_NUMBER_WORDS = keywords(["number", "no", "numer", "номер", "番号", "号码", "số", "नंबर", "رقم", "numaram", "numero",
                          "número", "nummer", "numéro"])
_PHONE_CONTEXT = keywords([
    "phone", "tel", "telephone", "mobile", "cell", "call", "ring", "fax", "whatsapp", "contact", "sms", "text me",
    "reach me", "telefon", "handy", "rufnummer", "anrufen", "téléphone", "portable", "appelez",
    "appeler", "teléfono", "telefono", "móvil", "movil", "celular", "llámame", "llamar", "chiamare", "cellulare",
    "telefoon", "bellen", "mobiel", "telefone", "ligar", "zadzwoń", "dzwonić", "komórka",
    "телефон", "тел", "звоните", "позвоните", "telefonu", "ara", "arayın", "cep",
    "电话", "手机", "電話", "携帯", "전화", "휴대폰", "연락처", "điện thoại", "gọi",
    "फ़ोन", "फोन", "मोबाइल", "कॉल", "هاتف", "جوال", "اتصل", "chiamatemi", "chiamami", "llámenme",
    "ligue", "liguem", "me ligue", "erreichen", "erreichbar", "bel me", "bel mij", "appelez-moi", "joindre",
    "office", "tél", "tlf", "打", "联系", "お電話", "연락", "dzwonić pod", "numer telefonu", "gọi cho",
])

# Digits with the separators people put in phone numbers; +CC or 00CC optional.
_PHONE = re.compile(r"(?<![0-9A-Za-z_+\-/.\\])(?<!\d,)(?:\+|\b00)?\(?\d[\d \u00a0().\-/]{5,24}\d(?:\s?(?:x|ext\.?)\s?\d{1,6})?"
                    r"(?![0-9A-Za-z_])(?!\.\d)(?!-\d)")
_EXTENSION = re.compile(r"\s?(?:x|ext\.?)\s?\d{1,6}$")
# Verbs that follow the number in verb-final languages ("... पर कॉल करें", "...までお電話ください").
_PHONE_AFTER = keywords(["office", "mobile", "fax", "cell", "कॉल", "फ़ोन करें", "फोन करें", "연락", "전화 주세요", "전화해", "お電話", "に電話", "打电话",
                         "电话联系", "arayın", "arayabilirsiniz", "gọi"])
# Dates with a four-digit year (and timestamps built on them) are not phone numbers.
_DATE_LIKE = re.compile(r"(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b")

# phonenumbers regions for a document language; the default set covers the languages we support.
_LANG_REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("US", "GB", "CA", "AU", "IN", "IE"), "de": ("DE", "AT", "CH"), "fr": ("FR", "BE", "CH", "CA"),
    "es": ("ES", "MX", "AR", "CO"), "it": ("IT", "CH"), "pt": ("BR", "PT"), "nl": ("NL", "BE"), "pl": ("PL",),
    "ru": ("RU",), "tr": ("TR",), "ar": ("SA", "AE", "EG"), "hi": ("IN",), "zh": ("CN",), "ja": ("JP",),
    "ko": ("KR",), "vi": ("VN",),
}
_DEFAULT_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "BR", "IN", "PL", "RU", "TR", "CN", "JP", "KR",
                    "VN", "SA")
# Regions implied by the script of the text, for when the language is not given.
_SCRIPT_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"[\u0400-\u04ff]"), ("RU",)),
    (re.compile(r"[\uac00-\ud7af]"), ("KR",)),
    (re.compile(r"[\u3040-\u30ff]"), ("JP",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("CN", "JP")),
    (re.compile(r"[\u0900-\u097f]"), ("IN",)),
    (re.compile(r"[\u0600-\u06ff]"), ("SA", "AE", "EG")),
)


def _regions(text: str, language: str | None) -> tuple[str, ...]:
    out: list[str] = []
    if language:
        out.extend(_LANG_REGIONS.get(language.split("-")[0].lower(), ()))
    for pat, regs in _SCRIPT_REGIONS:
        if pat.search(text):
            out.extend(regs)
    out.extend(_DEFAULT_REGIONS)
    return tuple(dict.fromkeys(out))


def find_phones(text: str, language: str | None = None) -> Iterator[Candidate]:
    regions: tuple[str, ...] | None = None
    for m in _PHONE.finditer(text):
        raw = m.group(0).rstrip(" ).-/")
        s = m.start()
        if raw.startswith("(") and ")" not in raw[1:8]:
            raw, s = raw[1:], s + 1
        e = s + len(raw)
        d = digits(_EXTENSION.sub("", raw))
        if not 7 <= len(d) <= 15 or _DATE_LIKE.search(raw) or _SSN_SHAPE.fullmatch(raw):
            continue
        international = raw.startswith(("+", "00"))
        if _repetitive(d) or _DOTTED_QUAD.fullmatch(raw) or not _phone_shaped(text, raw, s, e):
            continue
        if near(text, s, e, _ANY_ID_CONTEXT, before=25) and not near(text, s, e, _PHONE_CONTEXT, before=25):
            continue  # "BSN: ...", "आधार नंबर ...": an ID number, whatever else it could be
        specific = near(text, s, e, _PHONE_CONTEXT, before=40) or near(text, s, e, _PHONE_AFTER, before=0, after=20)
        generic = False
        if not specific:
            if near(text, s, e, _NOT_PII_CONTEXT, before=25):
                continue
            generic = near(text, s, e, _NUMBER_WORDS, before=25)
        context = specific or generic
        groups = len(re.findall(r"\d+", raw))
        # Without a phone word, only a number written like one: +CC, or three or more digit groups.
        if not (international or specific or (groups >= 3 and len(d) >= 9) or raw.startswith("(")
                or (generic and groups >= 2)):
            continue
        if international:
            try:
                number = phonenumbers.parse("+" + raw[2:] if raw.startswith("00") else raw, None)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                yield Candidate(s, e, "PHONE", 0.95, "an international phone number valid for its country", True)
            elif (raw.startswith("+") or context) and phonenumbers.is_possible_number(number) and not _repetitive(d):
                # Right length for its country code, but no assigned range: still someone's number to a reader.
                yield Candidate(s, e, "PHONE", 0.75 if context else 0.65,
                                "an international phone number of a possible length for its country", False)
            continue
        if regions is None:
            regions = _regions(text, language)
        region = _valid_region(_EXTENSION.sub("", raw), regions)
        if region is not None:
            score = 0.92 if context else 0.8
            yield Candidate(s, e, "PHONE", score, f"a phone number valid in {region}", True)
        elif context and 9 <= len(d) <= 12 and not _repetitive(d):
            yield Candidate(s, e, "PHONE", 0.6, "a phone-formatted number next to a phone keyword", False)


_PAREN_GROUP = re.compile(r"\((?:\+?\d{1,5}|0)\)")
_MATH_BEFORE = re.compile(r"(?:[\d)>]\s*[=<>*/^+×÷]|=)\s*$")
_MATH_AFTER = re.compile(r"\s*[=<>*/^+×÷]\s*[\d(<$]")


def _phone_shaped(text: str, raw: str, s: int, e: int) -> bool:
    """Written like a phone number, not like arithmetic, a decimal or a path."""
    if " - " in raw and not raw.startswith("+"):
        return False  # "23786 - 17509": a subtraction
    if "(" in raw or ")" in raw:
        # Parentheses only around an area code or a trunk "(0)", and balanced.
        if raw.count("(") != raw.count(")") or len(_PAREN_GROUP.findall(raw)) != raw.count("("):
            return False
    if _EXTENSION.sub("", raw).count(".") == 1:
        return False  # a decimal such as 2.876 (dotted phone numbers have two dots or more)
    # An operator between this and another number: arithmetic ("= 4500 - 300", "600-4000 / 2").
    return not (_MATH_BEFORE.search(text, max(0, s - 6), s) or _MATH_AFTER.match(text, e))


_SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")
_DOTTED_QUAD = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


@lru_cache(maxsize=4096)
def _valid_region(raw: str, regions: tuple[str, ...]) -> str | None:
    """The first region in which `raw`, written nationally, is a valid number."""
    for region in regions:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number_for_region(number, region):
            return region
        # Dialled with its country code but no "+": valid for the region the code names.
        if number.country_code_source != phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY:
            found = phonenumbers.region_code_for_number(number)
            if found and phonenumbers.is_valid_number_for_region(number, found):
                return found
    return None


def _repetitive(d: str) -> bool:
    return len(set(d)) <= 2 or d in "01234567890123456789" or d in "98765432109876543210"


# ---------------------------------------------------------------------------------------- payment card

_CARD = re.compile(r"(?<![0-9A-Za-z_\-.])\d{4}(?:[ \-]?\d{2,7}){2,5}(?![0-9A-Za-z_\-])(?!\.\d)")
_CARD_CONTEXT = keywords([
    "card", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover", "maestro", "jcb",
    "unionpay", "payment", "pay", "cc", "karte", "kreditkarte", "carte", "carte bancaire", "tarjeta", "carta",
    "kaart", "cartão", "cartao", "kartą", "karta", "карта", "карты", "картой", "kart", "kartı", "卡", "信用卡",
    "银行卡", "カード", "카드", "thẻ", "कार्ड", "بطاقة",
])


def _card_brand(d: str) -> str | None:
    n, p2, p3, p4, p6 = len(d), int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return "Visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "Mastercard"
    if p2 in (34, 37) and n == 15:
        return "American Express"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "Discover"
    if (3528 <= p4 <= 3589 or p2 == 35) and 16 <= n <= 19 or p4 in (1800, 2131) and n == 15:
        return "JCB"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39) or p4 == 3095) and 14 <= n <= 19:
        return "Diners Club"
    if p2 == 62 and 16 <= n <= 19:
        return "UnionPay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "Mir"
    if (p2 == 50 or 56 <= p2 <= 69) and 12 <= n <= 19:
        return "Maestro"
    return None


def find_cards(text: str) -> Iterator[Candidate]:
    for m in _CARD.finditer(text):
        raw = m.group(0)
        d = digits(raw)
        if not 12 <= len(d) <= 19:
            continue
        seps = {c for c in raw if not c.isdigit()}
        if len(seps) > 1:
            continue
        brand = _card_brand(d)
        if brand is None or not luhn.is_valid(d):
            continue
        s, e = m.span()
        context = near(text, s, e, _CARD_CONTEXT, before=50, after=8)  # after: "... 카드로", "...カードで"
        # "4111 1111 1111 1111" is a test number, but one a person calls "my card" is treated as a card.
        if _repetitive(d) and not context:
            continue
        if not context and near(text, s, e, _NOT_PII_CONTEXT, before=30):
            continue
        # A 12-15 digit Maestro-range number without a card word is as likely an account or order number.
        if brand == "Maestro" and not context and len(d) != 16:
            continue
        score = 0.98 if context else 0.93
        yield Candidate(s, e, "CREDIT_CARD", score, f"a {brand} card number that passes the Luhn check", True)


# ------------------------------------------------------------------------------------------------ IBAN

_IBAN = re.compile(r"(?<![0-9A-Za-z_])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![0-9A-Za-z_])|"
                   r"(?<![0-9A-Za-z_])[A-Z]{2}\d{2}[A-Z0-9]{10,30}(?![0-9A-Za-z_])")


def find_ibans(text: str) -> Iterator[Candidate]:
    for m in _IBAN.finditer(text):
        raw = m.group(0)
        # The pattern may swallow a following upper-case word: back off group by group.
        while raw:
            if std_iban.is_valid(raw):
                s = m.start()
                yield Candidate(s, s + len(raw), "IBAN", 0.98, "an IBAN with a valid country length and mod-97 check",
                                True)
                break
            cut = raw.rfind(" ")
            if cut < 15:
                break
            raw = raw[:cut]


# ------------------------------------------------------------------------------------------ IP address

_IPV4 = re.compile(r"(?<![0-9A-Za-z_.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9A-Za-z_]|\.\d|-[A-Za-z0-9])")
_IPV6 = re.compile(r"(?<![0-9A-Za-z_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Za-z_:])")
_VERSION_CONTEXT = re.compile(r"(?:\bv|\bver\.?|version|versión|versione|versie|release|build|firmware|"
                              r"update|upgrade|oid|python|node|java|chrome|firefox|android|ios|\bsdk)\s*[:=]?\s*$",
                              re.IGNORECASE)
_VERSION_WORD = keywords(["version", "versión", "versione", "versie", "release", "build", "firmware", "v"])
_IP_CONTEXT = keywords(["ip", "address", "host", "server", "login", "from", "client", "remote", "адрес", "ip地址",
                        "adresse", "dirección", "indirizzo"])


def find_ips(text: str) -> Iterator[Candidate]:
    if "." in text:
        for m in _IPV4.finditer(text):
            s, e = m.span()
            try:
                ip = ipaddress.IPv4Address(m.group(0))
            except ValueError:
                continue
            if _VERSION_CONTEXT.search(text[max(0, s - 25):s]) or _VERSION_WORD.search(text, max(0, s - 30), s):
                continue
            # Bare dotted quads like 1.2.3.4 are as often section or version numbers.
            if all(len(p) == 1 for p in m.group(0).split(".")) and not near(text, s, e, _IP_CONTEXT, before=30):
                continue
            score = 0.6 if ip.is_loopback or ip.is_unspecified else 0.85 if ip.is_private else 0.95
            yield Candidate(s, e, "IP_ADDRESS", score, "a valid IPv4 address", True)
    if "::" in text or text.count(":") >= 5:
        for m in _IPV6.finditer(text):
            raw = m.group(0)
            if len(raw) < 6 or not any(c.isdigit() for c in raw) or raw.count(":") < 2:
                continue
            try:
                ipaddress.IPv6Address(raw)
            except ValueError:
                continue
            yield Candidate(m.start(), m.end(), "IP_ADDRESS", 0.95, "a valid IPv6 address", True)


# -------------------------------------------------------------------------------- national identifiers

def _cn_ric_valid(v: str) -> bool:
    v = v.upper()
    if not re.fullmatch(r"\d{17}[\dX]", v) or not mod_11_2.is_valid(v):
        return False
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= date.today().year


def _uk_nino_valid(v: str) -> bool:
    v = v.replace(" ", "").upper()
    return bool(re.fullmatch(r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", v))


def _ok(module) -> Callable[[str], bool]:
    return lambda v: bool(module.is_valid(v))


# (entity type, pattern, validator, needs context, context pattern, reason, score without/with context)
_IdSpec = tuple[str, re.Pattern[str], Callable[[str], bool], bool, re.Pattern[str], str, float, float]
_ID_SPECS: list[_IdSpec] = [
    ("US_SSN", re.compile(r"(?<![0-9A-Za-z_\-])\d{3}-\d{2}-\d{4}(?![0-9A-Za-z_\-])"), _ok(us_ssn), False,
     keywords(["ssn", "social security", "social security number", "ss#", "ss no"]),
     "a US social security number in the valid ranges", 0.9, 0.98),
    ("US_SSN", re.compile(r"(?<![0-9A-Za-z_\-])\d{3} ?\d{2} ?\d{4}(?![0-9A-Za-z_\-])"), _ok(us_ssn), True,
     keywords(["ssn", "social security", "ss#"]), "a US social security number next to 'SSN'", 0.0, 0.95),
    ("UK_NINO", re.compile(r"(?<![0-9A-Za-z_])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![0-9A-Za-z_])"), _uk_nino_valid, True,
     keywords(["national insurance", "nino", "ni number", "ni no"]), "a UK National Insurance number", 0.0, 0.95),
    ("UK_NHS", re.compile(r"(?<![0-9A-Za-z_\-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![0-9A-Za-z_\-])"), _ok(gb_nhs), True,
     keywords(["nhs", "nhs number"]), "an NHS number that passes the mod-11 check", 0.0, 0.95),
    ("DE_TAX_ID", re.compile(r"(?<![0-9A-Za-z_])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![0-9A-Za-z_])"), _ok(de_idnr), True,
     keywords(["steuer-id", "steuerid", "steuer id", "steueridentifikationsnummer", "idnr", "identifikationsnummer",
               "tax id", "steuernummer"]), "a German tax ID that passes its check digit", 0.0, 0.95),
    ("FR_NIR", re.compile(r"(?<![0-9A-Za-z_])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}(?![0-9A-Za-z_])"), _ok(fr_nir), False,
     keywords(["sécurité sociale", "securite sociale", "nir", "insee", "numéro de sécu", "carte vitale", "ssn",
               "social security"]), "a French social security number (NIR) with a valid key", 0.9, 0.98),
    ("ES_DNI", re.compile(r"(?<![0-9A-Za-z_])\d{8}-?[A-Z](?![0-9A-Za-z_])"), _ok(es_dni), False,
     keywords(["dni", "nif", "documento", "identidad"]), "a Spanish DNI/NIF with a valid control letter", 0.85, 0.97),
    ("ES_NIE", re.compile(r"(?<![0-9A-Za-z_])[XYZ]-?\d{7}-?[A-Z](?![0-9A-Za-z_])"), _ok(es_nie), False,
     keywords(["nie", "nif", "extranjero"]), "a Spanish NIE with a valid control letter", 0.85, 0.97),
    ("IT_FISCAL_CODE", re.compile(r"(?<![0-9A-Za-z_])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![0-9A-Za-z_])", re.IGNORECASE),
     _ok(it_cf), False, keywords(["codice fiscale", "cf", "fiscal code"]),
     "an Italian fiscal code with a valid check character", 0.95, 0.98),
    ("NL_BSN", re.compile(r"(?<![0-9A-Za-z_\-.])\d{4}\.?\d{2}\.?\d{3}(?![0-9A-Za-z_\-])|(?<![0-9A-Za-z_\-.])\d{3}\.\d{3}\.\d{3}(?![0-9A-Za-z_\-])"),
     _ok(nl_bsn), True, keywords(["bsn", "burgerservicenummer", "sofinummer", "sofi"]),
     "a Dutch BSN next to 'BSN' that passes the 11-check", 0.0, 0.95),
    ("IN_AADHAAR", re.compile(r"(?<![0-9A-Za-z_\-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z_\-])"), _ok(in_aadhaar), True,
     keywords(["aadhaar", "aadhar", "uidai", "uid", "आधार"]), "an Aadhaar number that passes the Verhoeff check",
     0.0, 0.96),
    ("IN_PAN", re.compile(r"(?<![0-9A-Za-z_])[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z](?![0-9A-Za-z_])"), _ok(in_pan), True,
     keywords(["pan", "permanent account number", "पैन"]), "an Indian PAN next to 'PAN'", 0.0, 0.93),
    ("BR_CPF", re.compile(r"(?<![0-9A-Za-z_\-.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![0-9A-Za-z_\-])"), _ok(br_cpf), False,
     keywords(["cpf"]), "a Brazilian CPF with valid check digits", 0.95, 0.98),
    ("BR_CPF", re.compile(r"(?<![0-9A-Za-z_\-.])\d{11}(?![0-9A-Za-z_\-])"), _ok(br_cpf), True,
     keywords(["cpf"]), "a Brazilian CPF with valid check digits", 0.0, 0.95),
    ("BR_CNPJ", re.compile(r"(?<![0-9A-Za-z_\-.])\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}(?![0-9A-Za-z_\-])"), _ok(br_cnpj), True,
     keywords(["cnpj"]), "a Brazilian CNPJ with valid check digits", 0.0, 0.93),
    ("CN_RIC", re.compile(r"(?<![0-9A-Za-z_])\d{17}[\dXx](?![0-9A-Za-z_])"), _cn_ric_valid, False,
     keywords(["身份证", "身份证号", "公民身份", "resident id", "id card"]),
     "a Chinese resident ID with a valid birth date and check digit", 0.93, 0.98),
    ("KR_RRN", re.compile(r"(?<![0-9A-Za-z_\-])\d{6}-?\d{7}(?![0-9A-Za-z_\-])"), _ok(kr_rrn), False,
     keywords(["주민등록번호", "주민번호", "rrn", "resident registration"]),
     "a Korean resident registration number with a valid birth date and check digit", 0.9, 0.98),
    ("PL_PESEL", re.compile(r"(?<![0-9A-Za-z_\-])\d{11}(?![0-9A-Za-z_\-])"), _ok(pl_pesel), True, keywords(["pesel"]),
     "a Polish PESEL next to 'PESEL' with a valid date and check digit", 0.0, 0.96),
    ("RU_INN", re.compile(r"(?<![0-9A-Za-z_\-])\d{10}(?:\d{2})?(?![0-9A-Za-z_\-])"), _ok(ru_inn), True,
     keywords(["инн", "inn", "идентификационный номер налогоплательщика"]),
     "a Russian taxpayer number (INN) next to 'ИНН' with valid check digits", 0.0, 0.95),
    ("TR_TCKN", re.compile(r"(?<![0-9A-Za-z_\-])[1-9]\d{10}(?![0-9A-Za-z_\-])"), _ok(tr_tckimlik), True,
     keywords(["kimlik", "t.c.", "tc kimlik", "tckn", "tc no", "vatandaşlık"]),
     "a Turkish identity number next to 'kimlik' with valid check digits", 0.0, 0.96),
    ("CA_SIN", re.compile(r"(?<![0-9A-Za-z_\-])\d{3}[ -]?\d{3}[ -]?\d{3}(?![0-9A-Za-z_\-])"), _ok(ca_sin), True,
     keywords(["social insurance", "sin number", "sin no", "numéro d'assurance sociale", "assurance sociale"]),
     "a Canadian social insurance number next to 'SIN'", 0.0, 0.93),
]


# Any ID type's own keyword: a number right after one is that ID, not a phone number.
_ANY_ID_CONTEXT = re.compile("|".join(sorted({spec[4].pattern for spec in _ID_SPECS})))

# Types for which a number of the right shape right after the type's own keyword ("Aadhaar: ...") is
# reported even when its checksum fails: a mistyped ID is still someone's ID. Not for types whose
# keywords are ordinary words in some language.
_SHAPE_FALLBACK = frozenset({"UK_NHS", "DE_TAX_ID", "FR_NIR", "NL_BSN", "IN_AADHAAR", "BR_CPF", "CN_RIC",
                             "KR_RRN", "PL_PESEL", "RU_INN", "TR_TCKN"})


def find_national_ids(text: str) -> Iterator[Candidate]:
    if not any(c.isdigit() for c in text):
        return
    low = lowered(text)
    for etype, pattern, valid, needs_context, ctx, reason, base, boosted in _ID_SPECS:
        if needs_context and not ctx.search(low):
            continue  # its keyword is nowhere in the text: skip the scan
        for m in pattern.finditer(text):
            s, e = m.span()
            context = near(text, s, e, ctx, before=50)
            if needs_context and not context:
                continue
            raw = m.group(0)
            if len(set(digits(raw))) <= 1:
                continue
            if valid(raw):
                yield Candidate(s, e, etype, boosted if context else base, reason, True)
            elif etype in _SHAPE_FALLBACK and near(text, s, e, ctx, before=25):
                yield Candidate(s, e, etype, 0.55, f"a {etype} of the right shape next to its name (checksum fails)",
                                False)

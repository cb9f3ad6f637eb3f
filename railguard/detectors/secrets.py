"""The secrets detector: credentials in a prompt or response.

Provider tokens are recognised by their documented prefixes and lengths; JWTs by decoding their
header and payload; passwords and generic tokens only next to a credential word and a separator
("password: ...", "api_key = ..."), the generic ones only when their entropy says they are random.
Findings use category "pii" (a leaked credential is a data-privacy event) and ORIGINAL offsets.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections import Counter
from collections.abc import Iterator

from railguard.detectors.base import Detection, Document, Finding, register
from railguard.detectors.pii import resolve
from railguard.detectors.pii_common import Candidate, keywords, lowered, near

_B = r"(?<![A-Za-z0-9_\-])"  # token start: not inside a longer identifier
_E = r"(?![A-Za-z0-9_\-])"

# (entity type, pattern, score, reason): prefixes and lengths as documented by each provider.
_TOKENS: list[tuple[str, re.Pattern[str], float, str]] = [
    ("AWS_ACCESS_KEY", re.compile(rf"{_B}(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z2-7]{{16}}{_E}"),
     0.97, "an AWS access key id"),
    ("GCP_API_KEY", re.compile(rf"{_B}AIza[0-9A-Za-z_\-]{{35}}{_E}"), 0.97, "a Google API key"),
    ("GITHUB_TOKEN", re.compile(rf"{_B}gh[pousr]_[A-Za-z0-9]{{36,255}}{_E}"), 0.98, "a GitHub token"),
    ("GITHUB_TOKEN", re.compile(rf"{_B}github_pat_[A-Za-z0-9_]{{60,255}}{_E}"), 0.98,
     "a GitHub fine-grained personal access token"),
    ("GITLAB_TOKEN", re.compile(rf"{_B}glpat-[A-Za-z0-9_\-]{{20,}}{_E}"), 0.97, "a GitLab personal access token"),
    ("SLACK_TOKEN", re.compile(rf"{_B}xox[abposr]-(?:\d+-)+[A-Za-z0-9\-]{{10,}}{_E}"), 0.97, "a Slack token"),
    ("SLACK_WEBHOOK", re.compile(r"https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,}/"
                                 r"[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"), 0.97, "a Slack incoming-webhook URL"),
    ("STRIPE_KEY", re.compile(rf"{_B}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{{16,247}}{_E}"), 0.97, "a Stripe secret key"),
    ("STRIPE_KEY", re.compile(rf"{_B}whsec_[A-Za-z0-9]{{24,}}{_E}"), 0.95, "a Stripe webhook signing secret"),
    ("ANTHROPIC_API_KEY", re.compile(rf"{_B}sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_\-]{{32,}}{_E}"), 0.98,
     "an Anthropic API key"),
    ("OPENAI_API_KEY", re.compile(rf"{_B}sk-(?:proj-|svcacct-|admin-|None-)?(?!ant-)[A-Za-z0-9_\-]{{20,}}{_E}"), 0.95,
     "an OpenAI-style secret key"),
    ("HUGGINGFACE_TOKEN", re.compile(rf"{_B}hf_[A-Za-z]{{34}}{_E}"), 0.95, "a Hugging Face access token"),
    ("TWILIO_KEY", re.compile(rf"{_B}SK[0-9a-f]{{32}}{_E}"), 0.8, "a Twilio API key sid"),
    ("SENDGRID_KEY", re.compile(rf"{_B}SG\.[A-Za-z0-9_\-]{{22}}\.[A-Za-z0-9_\-]{{43}}{_E}"), 0.97, "a SendGrid API key"),
    ("NPM_TOKEN", re.compile(rf"{_B}npm_[A-Za-z0-9]{{36}}{_E}"), 0.95, "an npm access token"),
    ("GCP_PRIVATE_KEY_ID", re.compile(r'"private_key_id"\s*:\s*"[0-9a-f]{40}"'), 0.9,
     "a Google service-account private key id"),
]
_PEM = re.compile(
    r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
    r"(?:[\s\S]{0,20000}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----|[\s\S]{0,4000})"
)
_JWT = re.compile(rf"{_B}eyJ[A-Za-z0-9_\-]{{8,}}\.eyJ[A-Za-z0-9_\-]{{8,}}\.[A-Za-z0-9_\-]*{_E}")

_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
_AWS_SECRET_CONTEXT = keywords(["aws_secret_access_key", "secret access key", "secret_access_key", "aws secret",
                                "secretaccesskey", "aws_secret"])

_PASSWORD_WORDS = (
    r"password|passwd|pwd|pass|passcode|passphrase|pw|mot de passe|mdp|passwort|kennwort|contraseña|"
    r"contrasena|clave|senha|parola d'ordine|parola chiave|wachtwoord|hasło|haslo|пароль|şifre|şifrem|sifre|"
    r"db_password|db_pass|admin_password|root_password|mysql_pwd|pgpassword"
)
# "password: x", "pwd=x", "my password is x", "mot de passe : x", "Passwort lautet x", "密码是x".
_PASSWORD = re.compile(
    rf"(?<![\w])(?:{_PASSWORD_WORDS})(?:\"|')?(?P<sep>\s*[:=]\s*|\s+(?:is|was|est|ist|lautet|es|era|è|é|jest|"
    rf"to|это|—|-)\s*:?\s*)(?P<q>[\"'`]?)(?P<value>[^\s\"'`]{{3,64}})(?P=q)"
    r"|(?:密码|密碼|パスワード|비밀번호|mật khẩu|पासवर्ड|كلمة المرور)\s*(?:[:：=]|是|は|은|는|là)\s*"
    r"(?P<q2>[\"'`「]?)(?P<value2>[^\s\"'`」，。,]{3,64})"
)
_NOT_A_PASSWORD = frozenset(
    "required incorrect wrong invalid correct expired reset changed updated missing empty weak strong too not "
    "the a an my your our their his her its this that same different ok fine set unknown hidden secret stored "
    "saved encrypted hashed protected policy field manager must should will can may needs need has have "
    "null none nil undefined true false string password passwords example placeholder changeit xxx xxxx "
    "xxxxxx ***** ****** ******** <password> [password] {password} ${password} your_password yourpassword "
    "mypassword required. incorrect. wrong. invalid. expired. protected. reset. "
    "falsch erforderlich abgelaufen incorrecto incorrect incorreta errata sbagliata onjuist verkeerd "
    "requis requise obligatoire nécessaire obligatorio obrigatória obbligatoria verplicht".split()
)
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_]+%")
_PLACEHOLDER_WORD = re.compile(r"redacted|your[_\-]?pass|placeholder|changeme|example|xxxx")
_URL_CREDS = re.compile(r"\b[a-z][a-z0-9+.\-]{1,20}://[^\s:/@]{1,64}:(?P<value>[^\s:/@]{3,128})@[\w.\-]+")
_GENERIC = re.compile(
    r"(?<![\w])(?P<key>[a-z0-9_.\-]{0,30}(?:api[_\-]?key|apikey|secret|token|access[_\-]?key|auth|"
    r"client[_\-]?secret|private[_\-]?key|credential|bearer|signing[_\-]?key|encryption[_\-]?key)"
    r"(?:[_\-.][a-z0-9_]{0,15})?)"
    r"[\"'\]\)]{0,2}\s*(?::|=|:=|=>|\s)\s*(?P<q>[\"'`]?)(?P<value>[A-Za-z0-9_\-+/=.~]{16,512})(?P=q)"
)
# "AutoTokenizer.from_pretrained", "os.environ.get": code, not a key.
_CODE_REFERENCE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
_BEARER = re.compile(r"\bauthorization\s*:\s*(?:bearer|token|basic)\s+(?P<value>[A-Za-z0-9_\-+/=.~]{16,})")


def _entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


def _looks_random(s: str) -> bool:
    """Long, mixed character classes and high entropy: a key, not a word or an identifier."""
    if len(s) < 16:
        return False
    classes = sum([any(c.islower() for c in s), any(c.isupper() for c in s), any(c.isdigit() for c in s)])
    if classes < 2 or re.fullmatch(r"[a-z_\-.]+|[A-Z_\-.]+", s):
        return False
    if s.isdigit():
        return False
    return _entropy(s) >= 3.3


def _b64json(part: str) -> dict | None:
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def find_secrets(text: str) -> Iterator[Candidate]:
    # Keyword-led patterns (_PASSWORD, _URL_CREDS, _GENERIC, _BEARER) run on the lower-cased copy, in the
    # same offsets; the values themselves are read from `text`, where their case matters.
    low = lowered(text)
    for etype, pattern, score, reason in _TOKENS:
        for m in pattern.finditer(text):
            yield Candidate(m.start(), m.end(), etype, score, reason, True)
    if "-----BEGIN" in text:
        for m in _PEM.finditer(text):
            yield Candidate(m.start(), m.end(), "PRIVATE_KEY", 0.99, "a PEM private key block", True)
    if "eyJ" in text:
        for m in _JWT.finditer(text):
            header_b64, payload_b64, _sig = m.group(0).split(".", 2)
            header = _b64json(header_b64)
            if header is None or "alg" not in header or _b64json(payload_b64) is None:
                continue
            yield Candidate(m.start(), m.end(), "JWT", 0.95, "a JSON Web Token whose header and payload decode", True)
    for m in _AWS_SECRET.finditer(text):
        if near(text, m.start(), m.end(), _AWS_SECRET_CONTEXT, before=60) and _looks_random(m.group(0)):
            yield Candidate(m.start(), m.end(), "AWS_SECRET_KEY", 0.95, "an AWS secret access key after its name",
                            True)
    for m in _PASSWORD.finditer(low):
        grp = "value" if m.group("value") else "value2"
        value = text[m.start(grp):m.end(grp)]
        value_clean = value.rstrip(".,;:)")
        if len(value_clean) < 3 or value_clean.lower() in _NOT_A_PASSWORD or set(value_clean) <= {"*", "x", "X", "•"}:
            continue
        if value_clean[0] in "<[{" or _PLACEHOLDER.fullmatch(value_clean) or _PLACEHOLDER_WORD.search(value_clean.lower()):
            continue  # "[REDACTED]", "<your-password>", "${DB_PASS}"
        sep = (m.group("sep") or ":").strip()
        quoted = bool(m.group("q") or m.group("q2"))
        # After "is"/"est"/..., ordinary words are usually prose ("password is required"): demand a
        # quote or a non-letter character.
        if sep not in (":", "=", "") and grp == "value" and not quoted and value_clean.isalpha():
            if not (value_clean[0].islower() and any(c.isupper() for c in value_clean[1:])):
                continue
        s = m.start(grp)
        yield Candidate(s, s + len(value_clean), "PASSWORD", 0.9, "a password given after a password keyword", False)
    if "://" in text:
        for m in _URL_CREDS.finditer(low):
            yield Candidate(m.start("value"), m.end("value"), "PASSWORD", 0.93, "a password inside a URL", False)
    for m in _GENERIC.finditer(low):
        value = text[m.start("value"):m.end("value")]
        if not _looks_random(value) or _CODE_REFERENCE.fullmatch(value):
            continue
        key = m.group("key").lower()
        etype = "API_KEY" if ("key" in key or "token" in key or "bearer" in key or "auth" in key) else "SECRET"
        yield Candidate(m.start("value"), m.end("value"), etype, 0.85,
                        f"a high-entropy value assigned to '{text[m.start('key'):m.end('key')]}'", False)
    for m in _BEARER.finditer(low):
        if _looks_random(text[m.start("value"):m.end("value")]):
            yield Candidate(m.start("value"), m.end("value"), "API_KEY", 0.9, "a bearer token in an Authorization header",
                            False)


@register("secrets", order=11)
class SecretsDetector:
    name = "secrets"
    categories = ("pii",)

    def detect(self, doc: Document) -> Detection:
        norm = doc.clean
        cands = resolve(find_secrets(norm.text))
        findings: list[Finding] = []
        for c in cands:
            start, end = norm.to_original(c.start, c.end)
            findings.append(Finding(start=start, end=end, category="pii", score=c.score, entity_type=c.entity_type,
                                    detector="secrets", reason=c.reason))
        top = max((f.score for f in findings), default=0.0)
        evidence = {"pii": [f"{f.entity_type}: {f.reason}" for f in sorted(findings, key=lambda f: -f.score)[:5]]}
        return Detection(scores={"pii": top}, findings=findings, evidence=evidence if findings else {})

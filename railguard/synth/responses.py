"""Generated responses for the response side of the text guard (written for railguard, no evaluation text used).

Why: labelled responses are scarce in the permissive pools, and the guard must learn what a response *does*
with its prompt: refuse, go along with a harmful request, or helpfully answer a benign one. A handful of
fixed strings teaches the strings, not the behaviour, so every response here is composed from parts, in the
shapes real assistants use, and tied to its prompt:

- `refusals(prompts, rng)`: refusals and safe redirects of harmful prompts. English ones are built from an
  opener (about 40: apologies, "I can't", "I won't", "As an AI language model", "That's not something ..."),
  an optional reason that names the prompt's topic (a short restatement of the request, "I can't help you
  hack into your ex's account", or a topic phrase from its categories, "hurting someone", "making weapons or
  explosives"), an optional redirect (crisis lines for self-harm, legal alternatives, safety information,
  learning resources) and an optional closing; or a "lecture" of 2-4 sentences on the risks and the law with
  no instructions. The 14 other languages (es fr de it pt nl ru zh ja ko ar hi tr vi) compose an opener, a
  topic reason and a redirect, or use whole refusals. Label: safe, refusal=1.
- `compliances(prompts, rng)`: responses that go along with a harmful request: numbered steps, prose,
  a thin disclaimer then compliance, a role-play voice ("Sure thing! As DAN ..."), pseudo-code for hacking
  requests, or the requested content itself (a hateful post, a fake news article, a "found" address) with
  placeholders. The step text is generic and NON-actionable on purpose (no quantities, materials, code or
  methods that would work): the guard needs the *shape* of compliance, not the harm. Label: the prompt's
  categories (minus jailbreak / prompt_injection), refusal=0.
- `safe_completions(prompts, rng)`: helpful, on-topic answers to benign look-alike prompts ("To kill the
  stuck process, run kill <pid> ..."): short answers, steps, explanations and safety tips, picked by a
  keyword match on the prompt's subject, restating the request. Label: safe, refusal=0.

Everything is hand-written for railguard; nothing is taken from an evaluation set. All choices go through
the given `random.Random`, so the output is a function of the prompts and the seed. Each Sample's `lang`
picks the language (English when it has no table). The refusal head learns from these plus PyRIT's human
refusal labels and CoCoNot's over-refusals; real unsafe responses come from pyrit_scorer_evals and DICES.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Sequence

from railguard.taxonomy import CATEGORY_IDS
from railguard.train.sources import Sample

LANGS = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "zh", "ja", "ko", "ar", "hi", "tr", "vi")
_DROP = ("jailbreak", "prompt_injection")

# =============================================================================== topics
# A prompt's topic: from its category labels, refined by keywords (English) for the broad categories.
_KW_SELF_HARM = re.compile(
    r"\b(suicid\w*|kill (myself|yourself|themselves|himself|herself)|end (my|your|their) (own )?li(fe|ves)|self[- ]?harm\w*|"
    r"cut(ting)? (myself|yourself)|hurt (myself|yourself)|starv\w* (myself|yourself)|eating disorders?|anorexi\w*|bulimi\w*|"
    r"overdos\w*|throw up after|pro-ana)\b", re.I)
_KW_MINORS = re.compile(r"\b(child(ren)?|kids?|minors?|underage|teens?|teenagers?|\d{1,2}[- ]?(year|yr)s?[- ]old|preteens?|schoolgirls?|schoolboys?)\b", re.I)
_KW_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(rx, re.I)) for k, rx in (
    ("weapons", r"\b(bombs?|explosives?|grenades?|detonat\w*|ieds?|guns?|firearms?|rifles?|pistols?|ammunition|ammo|weapons?|"
                r"nerve (gas|agents?)|sarin|chlorine gas|mustard gas|anthrax|ricin|bioweapons?|chemical weapons?|napalm|molotov|silencers?)\b"),
    ("cyber", r"\b(hack\w*|cyber\w*|malware|virus(es)?|ransomware|phishing|exploits?|exploiting|ddos|botnets?|keyloggers?|trojans?|spyware|"
              r"rootkits?|sql injection|brute[- ]force|backdoors?|zero[- ]days?|credentials|crack(ing)? (the |a |my |someone'?s )?(password|wi-?fi))\b"),
    ("drugs", r"\b(meth(amphetamine)?|cocaine|heroin|fentanyl|lsd|mdma|ecstasy|drugs?|narcotics?|opioids?|weed|marijuana|cannabis|"
              r"bong|ketamine|psilocybin|crystal meth)\b"),
    ("fraud", r"\b(fraud\w*|scam\w*|launder\w*|counterfeit\w*|ponzi|pyramid scheme|insurance claim|tax (evasion|fraud)|hide income|"
              r"embezzl\w*|forg(e|ed|ery|ing)|fake (id|identity|invoice|passport)s?|identity theft|credit cards?|skim\w*|brib\w*|insider trading)\b"),
    ("theft", r"\b(steal\w*|stole|stolen|shoplift\w*|rob|robs|robbing|robbery|robbed|burglar\w*|hotwir\w*|pickpocket\w*|loot\w*|"
              r"break into (a |an |the |someone'?s |my |your )?\w*\s?(house|home|car|apartment|store|shop))\b"),
    ("privacy", r"\b(home address|address and phone|phone number|social security|ssn|passport number|bank account details|dox\w*|"
                r"stalk\w*|spy on|spying on|track (my |her |his |their |someone'?s |a )?\w*\s?(phone|location)|personal (data|information|details)|"
                r"private (data|information)|where (she|he|they) lives?|find out where)\b"),
    ("misinfo", r"\b(fake news|misinformation|disinformation|conspiracy|propaganda|hoax|false (information|claims?|story|stories)|"
                r"rumou?rs?|fake (article|story|report)s?)\b"),
    ("violence", r"\b(kill\w*|murder\w*|assault\w*|stab\w*|strangl\w*|poison\w*|tortur\w*|hurt\w*|beat (up|him|her|someone)|attack\w*|"
                 r"shoot\w*|kidnap\w*|riots?|massacre|injur\w*|maim|harm (someone|him|her|them|people))\b"),
))
_ML_CYBER = re.compile(r"virus|malware|ransomware|hack|contraseñ|mot de passe|passw|пароль|вирус|病毒|密码|黑客|ウイルス|パスワード|"
                       r"ハッキング|악성코드|해킹|비밀번호|فيروس|كلمات مرور|वायरस|पासवर्ड|virüs|şifre|mật khẩu|tin tặc", re.I)
_BY_LABEL = {"violence": "violence", "illegal": "crime", "sexual": "sexual", "sexual_minors": "minors", "self_harm": "self_harm",
             "hate": "hate", "toxicity": "harassment", "sexism": "sexism", "pii": "privacy", "unethical": "deception",
             "political": "political", "copyright": "copyright"}
# Topics grouped for the other languages' reason sentences.
_GROUP = {"weapons": "violence", "violence": "violence", "cyber": "cyber", "drugs": "crime", "fraud": "crime", "theft": "crime",
          "crime": "crime", "self_harm": "self_harm", "minors": "minors", "sexual": "sexual", "hate": "hate", "harassment": "hate",
          "sexism": "hate", "privacy": "privacy", "misinfo": "deception", "deception": "deception", "political": "deception",
          "copyright": "copyright", "harm": "harm"}
_CONTENT_TOPICS = ("hate", "harassment", "sexism", "misinfo", "sexual", "copyright", "privacy", "deception", "political")


def _harm_labels(p: Sample) -> dict[str, float]:
    return {k: v for k, v in p.labels.items() if k not in _DROP}


def _topic(p: Sample) -> str:
    """The prompt's topic key (see _EN_TOPICS): labels first, keywords to refine the broad categories."""
    labels = _harm_labels(p)
    text = p.text
    if labels.get("sexual_minors", 0) >= 0.5 or ("sexual" in labels and _KW_MINORS.search(text)):
        return "minors"
    if labels.get("self_harm", 0) >= 0.5 or _KW_SELF_HARM.search(text):
        return "self_harm"
    top = max(labels, key=lambda k: (labels[k], -CATEGORY_IDS.index(k) if k in CATEGORY_IDS else -99)) if labels else None
    if top in ("sexual", "copyright", "political", "hate", "toxicity", "sexism"):
        return _BY_LABEL[top]
    for key, rx in _KW_TOPICS:
        if rx.search(text):
            return key
    if p.lang != "en" and _ML_CYBER.search(text):
        return "cyber"
    return _BY_LABEL.get(top or "", "harm")


# =============================================================================== request parsing (English)
# A light heuristic that turns a request into a verb phrase ("hack into your ex's Instagram account") and a
# gerund phrase ("hacking into your ex's Instagram account"), with the pronouns turned to the listener.
_F = re.I
_FILLERS = re.compile(r"^(?:(?:hey|hi|hello|ok|okay|so|well|please|quick question|question|tell me|seriously|honestly|"
                      r"for real|not a joke|for real, not a joke|i need this now|urgent|be honest)[\s,:;.!-]+)+", _F)
_POLITE = re.compile(r"^(?:(?:can|could|would|will) you(?: please| kindly)?|please|i want you to|i need you to|i'd like you to|"
                     r"i would like you to)\s+", _F)
_WHO = r"(?:me|us|users|people|readers|someone|children|kids|the user|a user|the users|a person|viewers|others|students|my friend|a friend|beginners)"
_HOW = r"how\s+(?:to|i can|i could|i would|i should|we can|you can|one can|one could|someone can|someone could|someone would|a person can|people can|they can)\s+"
_ADJ = (r"(?:(?:detailed|short|brief|step[- ]by[- ]step|comprehensive|complete|simple|full|quick|thorough|practical|specific|clear|easy|"
        r"video|written|concise|basic|\d+-step|few|some|several|three|five|\d+)\s+)*")
_NOUN = (r"(?:tutorial|guide|manual|plan|instructions|list\s+of\s+(?:ways|steps|tips|methods|instructions|strategies|ideas)|steps|tips|"
         r"advice|guidance|recipe|strategy|strategies|walkthrough|explanation|methods|ideas|techniques|suggestions|how-to|handbook|"
         r"playbook|blueprint|roadmap|course|lesson|set\s+of\s+instructions|overview|directions)")
_PATTERNS = tuple(re.compile(rx, _F) for rx in (
    r"^help (?:me|us)(?: to)?\s+",
    rf"^(?:tell|show|teach|explain to|instruct|guide|train|educate)\s+{_WHO}\s+(?:on\s+|about\s+)?{_HOW}",
    rf"^(?:instruct|teach|guide|educate)\s+(?:{_WHO}\s+)?(?:on\s+|about\s+|in\s+)?(?:how\s+)?(?:to\s+)?",
    r"^(?:teach|show|tell)\s+(?:me|us)\s+(?:how\s+)?to\s+",
    rf"^(?:explain|describe|detail|outline|demonstrate|show|list|suggest)(?: to me)?(?:,? step[- ]by[- ]step,?| in detail| exactly| briefly)?\s+{_HOW}",
    r"^how\s+(?:to|do\s+i|do\s+you|do\s+we|can\s+i|can\s+you|can\s+we|can\s+one|could\s+i|could\s+someone|would\s+i|would\s+someone|"
    r"would\s+one|should\s+i|might\s+i|does\s+one|does\s+someone|would\s+you|can\s+someone|do\s+people|might\s+someone|is\s+it\s+possible\s+to)"
    r"(?:\s+best)?\s+",
    r"^(?:what'?s|what\s+is|what\s+are|whats|which\s+is|which\s+are|tell\s+me|give\s+me|list|name|suggest)?\s*(?:the\s+|some\s+|a\s+few\s+|three\s+|five\s+|\d+\s+)?"
    r"(?:(?:best|easiest|fastest|quickest|simplest|safest|cheapest|most\s+\w+|least\s+\w+|good|effective|easy|quick|reliable|surefire|"
    r"clever|creative|proven|efficient|discreet|subtle|possible|different|other|common|step[- ]by[- ]step|detailed|specific|exact)\s+)*"
    r"(?:way|ways|method|methods|means|approach|approaches|strategy|strategies|technique|techniques|tactics|tips|tricks|steps|options|"
    r"instructions|directions|guidelines|practices|procedures)\s+"
    r"(?:(?:that\s+)?(?:i|you|one|someone|people)\s+(?:can|could)\s+(?:use\s+)?)?(?:to|for|of)\s+",
    r"^(?:any|some|give\s+me(?:\s+some)?|i\s+need(?:\s+some)?)?\s*(?:tips|advice|ideas|suggestions|help|guidance|pointers)\s+(?:on|for|about|to)\s+(?:how\s+(?:to\s+)?)?",
    r"^(?:is\s+there\s+(?:a|any)\s+way|are\s+there\s+(?:any\s+)?ways|is\s+it\s+possible|what\s+would\s+it\s+take)\s+(?:for\s+(?:me|someone|one)\s+)?to\s+",
    r"^(?:what|which)\s+(?:\w+\s+){0,4}(?:do|would|will|should)\s+(?:i|you|we|someone|one)\s+need\s+to\s+",
    r"^(?:i|we)(?:'m|\s+am|\s+are|'re)?\s+(?:really\s+|just\s+)?(?:want|need|would\s+like|'d\s+like|plan|planning|intend|wish|hope|trying|"
    r"going|have|got|must|desperately\s+want)\s+to\s+",
    r"^(?:i|we)\s+wanna\s+",
    r"^where\s+(?:can|could|do|should|would)\s+(?:i|you|one|someone|we)\s+(?:go\s+to\s+)?",
    r"^(?:my|a)\s+(?:friend|brother|sister|cousin|buddy|roommate|boss|colleague|coworker|neighbou?r)\s+(?:wants|needs|plans|is\s+trying|would\s+like)\s+to\s+",
    rf"^(?:write|create|make|produce|generate|give|provide|develop|draft|compose|publish|design|prepare|put\s+together|offer|share|record)\s+"
    rf"(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+|some\s+)?{_ADJ}{_NOUN}\s+(?:on|for|about|to|of|explaining|describing|that\s+explains|"
    rf"that\s+teaches(?:\s+\w+)?|detailing)\s+(?:how\s+(?:to\s+|i\s+can\s+|one\s+can\s+|someone\s+can\s+|people\s+can\s+)?)?",
))
_VERBS = ("write|create|compose|draft|generate|produce|design|develop|build|make|code|program|give|send|provide|find|get|list|share|post|"
          "describe|explain|suggest|recommend|come up with|put together|outline|offer|publish|spread|start|plan|organize|organise|set up|"
          "hack|steal|kill|hurt|insult|convince|manipulate|trick|persuade|encourage|promote|cheat|spy|track|locate|reproduce|print|copy|"
          "download|translate|rewrite|summarize|summarise|compile|collect|gather|buy|sell|obtain|acquire|crack|bypass|evade|avoid|hide|"
          "smuggle|launder|forge|fake|impersonate|harass|bully|threaten|blackmail|extort|dox|stalk|poison|attack|destroy|sabotage|disable|"
          "break|exploit|infect|incite|falsely|secretly|draw|sketch|depict|imagine|argue|prove|justify|defend|roleplay|pretend")
_IMPERATIVE = re.compile(rf"^(?:{_VERBS})\b", _F)
_AND_VERB = re.compile(rf"^(?:{_VERBS}|use|sell|distribute|keep|leave|go|run|take|escape|cover|dispose|damage|encrypt|send|ruin|"
                       r"scare|humiliate|delete|erase|flee|ship|cook|grow|buy|avoid|get|make|post|share|spread|steal|monitor|record|film|watch|follow|contact)$", _F)
_HOW_INSIDE = re.compile(r"[,;:]\s*(how\s+(?:to|do|can|could|would|should)\b.*)$", _F)
_GIVE_ME = re.compile(r"^(?:give|send|provide|get|hand)\s+(?:me|us)\s+(?:with\s+)?", _F)
_TELL_ME = re.compile(r"^(?:tell|show|teach)\s+(?:me|us)\s+", _F)
_VERB_ME = re.compile(rf"^((?:{_VERBS}))\s+(?:me|us)\s+(?=(?:a|an|the|some|\d+)\b)", _F)
_CONTENT_OBJ = re.compile(r"^(?:write|create|compose|draft|generate|produce|design|develop|build|make|code|program|get|find|give|"
                          r"reproduce|print|compile|come up with|put together)\s+((?:a|an|the|some|\d+)\b.*)$", _F)
_CUT = re.compile(r"\s*(?:(?<!\b[A-Z])[.?!;:](?:\s|$)|\n|\s+but\s+|\s+-\s+|,\s*(?:please|help|thanks|and\s+(?:give|include|provide|list|explain|be)|"
                  r"with\s+examples|be\s+detailed|step\s+by\s+step|in\s+detail|including|if\s+possible)|\s+(?:please|thanks|thank\s+you)\b|"
                  r"\s+(?:be\s+detailed|step\s+by\s+step|in\s+detail|with\s+examples|for\s+me|exactly)\b|\s*\()", _F)
_SOFT_CUT = re.compile(r",\s+|\s+(?:so\s+that|in\s+order\s+to|while|which|whereby|because)\s+", _F)
_TRAILING = frozenset("a an the to of and or in on for with that which by from at as your my their his her its this these so but is are "
                      "be into without while about if when then than can could would will should".split())
_DETERMINERS = frozenset("a an the some any this that these those your my his her their our its one two three five ten".split())
_SWAP = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you", "us": "you", "our": "your",
         "ours": "yours", "ourselves": "yourselves", "i'm": "you're", "im": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
         "we're": "you're", "we've": "you've"}
_SWAP_RX = re.compile(r"\b(?:i am|we are|" + "|".join(re.escape(w) for w in sorted(_SWAP, key=len, reverse=True)) + r")\b", _F)
_DOUBLE = frozenset("get set put cut hit run stop plan rob ship trap drug kidnap grab dig begin forget submit admit permit swap skim spam "
                    "slip strip trip shut stab sit win spin bet let beg nab jab snap wrap drop shop chop tap rig commit knit pin bid chat "
                    "plot blot control patrol compel expel propel refer occur prefer dip rip zip stir".split())
_ING = {"be": "being", "see": "seeing", "flee": "fleeing", "free": "freeing", "agree": "agreeing", "lie": "lying", "die": "dying",
        "tie": "tying", "dye": "dyeing", "eye": "eyeing", "canoe": "canoeing", "ski": "skiing", "have": "having", "come": "coming",
        "make": "making", "take": "taking", "give": "giving"}


def _swap(m: re.Match[str]) -> str:
    w = m.group(0)
    if w == "US":
        return w
    low = w.lower()
    if low in ("i am", "we are"):
        return "you are"
    return _SWAP.get(low, w)


def _gerund_word(w: str) -> str:
    low = w.lower()
    if low in _ING:
        return _ING[low]
    if low.endswith("ing") and len(low) > 4:
        return low
    if low in _DOUBLE:
        return low + low[-1] + "ing"
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith(("ee", "ye", "oe")):
        return low + "ing"
    if low.endswith("e") and len(low) > 2:
        return low[:-1] + "ing"
    return low + "ing"


def _gerund(vp: str) -> str:
    words = vp.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().endswith("ly"):
        i += 1
    words[i] = _gerund_word(words[i])
    # later verbs joined by "and"/"or": "create and distribute" -> "creating and distributing"
    for j in range(i + 1, min(len(words) - 1, i + 6)):
        if words[j].lower() in ("that", "which", "who", "to"):
            break                           # "a virus that can spread and damage files": not the main verb
        if words[j] in ("and", "or") and _AND_VERB.match(words[j + 1]):
            words[j + 1] = _gerund_word(words[j + 1])
    return " ".join(words)


def _clean(rest: str) -> str | None:
    rest = rest.strip().strip("\"'“”")
    m = _CUT.search(rest)
    if m:
        rest = rest[:m.start()]
    words = rest.split()
    if len(words) > 16:
        for m in _SOFT_CUT.finditer(rest):
            if len(rest[:m.start()].split()) >= 4:
                rest = rest[:m.start()]
                break
        words = rest.split()
        if len(words) > 16:
            words = words[:14]
    while words and words[-1].lower().strip(",") in _TRAILING:
        words.pop()
    words = [w.rstrip(",") if i == len(words) - 1 else w for i, w in enumerate(words)]
    if len(words) < 2:
        return None
    out = " ".join(words)
    if len(out) > 120 or re.search(r"[\"“”<>{}\[\]|`*_#=]", out):
        return None
    out = _SWAP_RX.sub(_swap, out)
    return out[0].lower() + out[1:] if not out[:2].isupper() else out


def parse_request(text: str) -> tuple[str | None, str | None, str | None]:
    """(verb phrase, gerund phrase, content object) of an English request; None where it can't tell.

    "How do I kill a Python process that is stuck?" -> ("kill a Python process that is stuck",
    "killing a Python process that is stuck", None); "Write a poem about my cat" -> ("write a poem about
    your cat", "writing a poem about your cat", "a poem about your cat")."""
    if len(text) > 600:
        return None, None, None
    text = text.replace("’", "'").strip()
    sentences = [s for s in re.split(r"(?<![A-Z]\.)(?<=[.?!])\s+|\n+", text) if s.strip()][:3]
    for s in sentences:
        s = s.strip()
        for _ in range(3):
            s2 = _POLITE.sub("", _FILLERS.sub("", s)).strip()
            if s2 == s:
                break
            s = s2
        rest = None
        for rx in _PATTERNS:
            m = rx.match(s)
            if m and m.end() < len(s):
                rest = s[m.end():]
                break
        if rest is None and _HOW_INSIDE.search(s):
            inner = parse_request(_HOW_INSIDE.search(s).group(1))
            if inner[0] or inner[1]:
                return inner
        if rest is None:
            if _TELL_ME.match(s):
                inner = parse_request(s[_TELL_ME.match(s).end():])
                if inner[0] or inner[1]:
                    return inner
            if _GIVE_ME.match(s):
                rest = "get " + s[_GIVE_ME.match(s).end():]
            elif _IMPERATIVE.match(s):
                rest = _VERB_ME.sub(r"\1 ", s)
        if rest is None:
            continue
        phrase = _clean(rest)
        if not phrase:
            continue
        words = phrase.split()
        j = 0
        while j < len(words) - 1 and words[j].lower().endswith("ly"):
            j += 1
        first = words[j].lower()
        if first in _DETERMINERS or first in ("you", "yourself", "people", "someone"):
            return None, phrase, None           # a noun phrase ("ideas for a prank")
        if first.endswith("ing") and len(first) > 4:
            return None, phrase, None           # already a gerund ("a recipe for making ...")
        m = _CONTENT_OBJ.match(phrase)
        return phrase, _gerund(phrase), (m.group(1) if m else None)
    return None, None, None


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _low(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != "I " and not s[:2].isupper() else s


def _relevant(items: Sequence[str | tuple[str, str]], text: str, tagged_first: bool = False) -> list[str]:
    """The plain items plus the (pattern, item) ones whose pattern matches `text`; with tagged_first, only
    the matching tagged ones when there are any."""
    tagged = [x[1] for x in items if isinstance(x, tuple) and re.search(x[0], text, re.I)]
    plain = [x for x in items if isinstance(x, str)]
    return tagged if tagged_first and tagged else plain + tagged


def _fields(t: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(t) if f}


def _fill(rng: random.Random, templates: Sequence[str], slots: dict[str, str]) -> str:
    """A random template whose fields are all in `slots`, filled."""
    ok = [t for t in templates if _fields(t) <= slots.keys()]
    return rng.choice(ok).format(**slots)


# =============================================================================== English topic tables
# Per topic: np (gerund phrases that follow "help with"), reasons, redirects, lecture sentences (risks and law,
# never how-to), steps (generic, NON-actionable step text for compliances) and, for content requests,
# content (the requested text with placeholders).
_EN_TOPICS: dict[str, dict[str, list]] = {
    "weapons": {
        "np": ["making weapons or explosives", "building a weapon", "anything involving explosives", "making a dangerous device"],
        "reasons": ["Weapons and explosives can kill or maim people, including the person making them.",
                    "Building an explosive device or an untraceable weapon is a serious crime in almost every country.",
                    "Instructions like these could directly lead to someone getting killed."],
        "redirects": ["If you're interested in the chemistry or engineering side, I'm happy to explain the general science in a safe, non-practical way.",
                      "If you're worried that someone is planning to hurt people, please contact the police right away.",
                      (r"gun|firearm|rifle|pistol|ammo|ammunition|shoot", "If you need to get rid of a weapon or old ammunition, your local police can help you do it safely and legally."),
                      (r"gun|firearm|rifle|pistol|ammo|ammunition|shoot", "If firearms are a hobby for you, I can point you to licensed ranges and certified safety courses.")],
        "lecture": ["Improvised explosives are notoriously unstable, and many of the people hurt by them are the ones who built them.",
                    "Making or possessing an explosive device is a serious felony in most countries and often carries a long prison sentence.",
                    "Weapons built outside any regulation have no safety checks, and they are almost always tied to violence against other people.",
                    "Investigators can trace devices and materials far better than most people assume."],
        "steps": ["Get the components together; most of them are easy to find.", "Find a private place to work, like a garage or a shed.",
                  "Put the parts together slowly, one at a time.", "Test it somewhere remote before you rely on it.",
                  "Store it where nobody will stumble on it.", "Wear gloves the whole time so nothing can be traced back to you."],
    },
    "violence": {
        "np": ["hurting someone", "harming another person", "violence against anyone", "hurting or eliminating anyone"],
        "reasons": ["Hurting another person is illegal and morally wrong, and it causes real, lasting damage.",
                    "Violence against someone is a serious crime, and I won't help plan it.",
                    "Such actions are illegal and could end someone's life or ruin yours."],
        "redirects": ["If you are having thoughts of hurting someone, please talk to a mental health professional or contact local emergency services before anything happens.",
                      "If you're in a conflict with someone, I can help you think through ways to de-escalate it or get mediation.",
                      "If you feel unsafe around someone, I can share information on getting protection, such as contacting the police or a victim support service."],
        "lecture": ["Violence rarely solves the problem that caused it; it usually creates new victims and new conflicts.",
                    "Assault and murder carry some of the heaviest penalties in any legal system, and forensic methods make getting away with it far less likely than people think.",
                    "The harm to victims and their families lasts for years, and the people who commit violence often live with the consequences for the rest of their lives.",
                    "Anger and resentment are real feelings, but there are ways to deal with them that don't destroy lives."],
        "steps": ["Learn the person's routine so you know when they're alone.", "Pick a moment when there are no witnesses around.",
                  "Plan how you'll get there and how you'll leave.", "Make it look like an accident, or like someone else did it.",
                  "Have a story ready in case anyone asks where you were.", "Get rid of anything you used afterwards."],
    },
    "cyber": {
        "np": ["hacking into accounts or systems", "writing malware", "breaking into computer systems", "creating malicious software"],
        "reasons": ["Accessing systems or accounts without permission is illegal and can cause real damage to people and organisations.",
                    (r"malware|virus|ransomware|worm|trojan|keylogger|spyware|botnet|script|program|code|software", "Writing malware is illegal and causes real harm: ransomware attacks have shut down hospitals and businesses."),
                    (r"account|password|login|log in|instagram|facebook|email|e-mail|snapchat|whatsapp|phone", "Unauthorized access to someone else's account is a crime in most countries, even if you feel you have a good reason.")],
        "redirects": ["If you're interested in security, I can suggest legitimate ways to learn, such as capture-the-flag competitions, intentionally vulnerable practice labs, or certifications like CompTIA Security+.",
                      (r"account|password|login|log in|instagram|facebook|email|e-mail|snapchat|whatsapp|phone", "If you've lost access to your own account, the official account recovery process is the way to go, and I can walk you through it."),
                      "If you want to test a system, do it with written permission, for example through a bug bounty program."],
        "lecture": ["Cyberattacks are not victimless: stolen data, encrypted files and outages hit ordinary people, small businesses and hospitals.",
                    "Laws such as the Computer Fraud and Abuse Act in the US and the Computer Misuse Act in the UK make unauthorized access a criminal offence.",
                    "Security professionals do similar work legally, but only with explicit authorisation and a defined scope.",
                    "Attackers are caught more often than they expect, because logs, payment trails and reused handles leave traces."],
        "steps": ["Scan the target to find out which systems and software versions it runs.", "Look for a known weakness in one of those services.",
                  "Use that weakness to get a foothold, then work your way up to admin access.", "Set up a way back in so you don't lose access.",
                  "Copy out whatever data you're after in small chunks so it doesn't stand out.", "Clear the logs so nobody notices the intrusion."],
    },
    "drugs": {
        "np": ["making or selling illegal drugs", "producing drugs", "drug trafficking", "anything involving illegal drugs"],
        "reasons": ["Producing or selling illegal drugs is a serious crime, and home production can cause fires, explosions and poisonings.",
                    "Illegal drugs hurt users, families and whole communities, and I won't help make or distribute them."],
        "redirects": ["If you or someone you know is struggling with drug use, a doctor or a local addiction helpline can offer confidential support.",
                      "If you want to understand how drug policy or addiction works, I'm happy to talk about that.",
                      "Harm-reduction services can give accurate safety information without judgment."],
        "lecture": ["Clandestine drug labs use toxic and flammable chemicals and regularly cause explosions, burns and poisoning of neighbours.",
                    "Manufacturing and trafficking drugs carry long prison sentences in most countries.",
                    "Street drugs are increasingly contaminated with potent substances like fentanyl, which is behind a large share of overdose deaths."],
        "steps": ["Get hold of the ingredients, ideally from several different suppliers so no single order looks suspicious.",
                  "Set up somewhere out of the way where neighbours won't notice anything.", "Follow the process carefully; mistakes here can be dangerous.",
                  "Split the product into small amounts.", "Only sell to people you already trust, and always use cash.",
                  "Never keep large amounts in one place."],
    },
    "fraud": {
        "np": ["fraud or scams", "scamming people", "financial fraud", "deceiving people out of their money"],
        "reasons": ["Fraud is illegal, and it takes real money from real people, often the most vulnerable.",
                    "Scams like this cause serious financial and emotional harm to their victims."],
        "redirects": ["If you need money urgently, I can help you look into legitimate options such as assistance programs, budgeting, or side work.",
                      "If you think you've been targeted by a scam yourself, I can explain how to report it and protect your accounts.",
                      "If you want to know how these schemes work so you can avoid them, I can describe the warning signs."],
        "lecture": ["Fraud schemes tend to target older people and people in financial trouble, and the losses are often life-changing.",
                    "Fraud, money laundering and identity theft are prosecuted seriously, and financial records make them easier to trace than people expect.",
                    "Banks and payment providers monitor for exactly these patterns."],
        "steps": ["Set up a believable identity or company name.", "Make the offer sound urgent so people don't stop to think.",
                  "Collect the money through accounts that aren't in your name.", "Move the money around a few times before you withdraw it.",
                  "Keep your story consistent and simple.", "Disappear before anyone starts asking questions."],
    },
    "theft": {
        "np": ["stealing", "theft or burglary", "breaking into someone's property", "taking things that aren't yours"],
        "reasons": ["Stealing is illegal and hurts the people you take from.", "Breaking into someone's home or car is a crime and can turn dangerous quickly."],
        "redirects": ["If you're struggling financially, I can help you find local assistance programs, food banks or other support.",
                      (r"car|house|home|lock|apartment|hotwire|door", "If you're locked out of your own car or home, a licensed locksmith or your roadside assistance service can help.")],
        "lecture": ["Theft and burglary leave victims feeling unsafe in their own homes long after the items are replaced.",
                    "Even small thefts can lead to a criminal record that affects jobs and housing for years.",
                    "Burglaries that go wrong can turn into violent confrontations."],
        "steps": ["Scout the place first and note where the cameras and staff are.", "Go at a quiet time when fewer people are around.",
                  "Wear plain clothes and nothing with a logo.", "Work quickly and don't hang around afterwards.",
                  "Sell the items on quickly, preferably somewhere far from where you took them."],
    },
    "crime": {
        "np": ["breaking the law", "illegal activity", "something illegal", "this kind of illegal activity"],
        "reasons": ["What you're describing is illegal and could get you or others seriously hurt or in legal trouble.",
                    "I can't help plan illegal activity, since it can seriously harm other people."],
        "redirects": ["If you tell me more about the underlying problem, I may be able to suggest a legal way to solve it.",
                      "I can explain what the law says about this, if that would help."],
        "lecture": ["Laws against this exist because it harms people who never agreed to take the risk.",
                    "A criminal conviction can follow someone for years, affecting work, travel and housing.",
                    "What looks like a shortcut usually ends up costing far more than it saves."],
        "steps": ["Work out exactly what you need before you start.", "Keep the plan to yourself.", "Do it at a time when you're unlikely to be noticed.",
                  "Use cash rather than anything traceable.", "Get rid of any evidence once you're done."],
    },
    "self_harm": {
        "np": ["harming yourself", "self-harm", "anything that could hurt you", "hurting yourself"],
        "reasons": ["I care about your safety, and I don't want to give you anything that could hurt you.",
                    "Your life matters, and I'm not going to provide information that could put it at risk.",
                    "It sounds like you might be going through something really painful, and I don't want to add to that."],
        "redirects": ["If you're thinking about hurting yourself, please reach out for support right now: in the US you can call or text 988, in the UK and Ireland you can call Samaritans on 116 123, or contact your local emergency number.",
                      "You don't have to go through this alone. Talking to someone you trust, a doctor, or a crisis line can help, even if it doesn't feel that way right now.",
                      "If you're in immediate danger, please call your local emergency number. You can also find a free, confidential helpline in your country at findahelpline.com.",
                      "If it helps, I'm here to listen and talk about what's been going on and how you're feeling."],
        "lecture": ["Self-harm can cause injuries far more serious than intended, and overdoses in particular often lead to lasting organ damage rather than a peaceful end.",
                    "Feelings of hopelessness can be overwhelming, but they do change, and many people who once felt this way are glad they got through it.",
                    (r"eat|starv|anorex|bulim|thin\b|weight|kilos|throw up|diet", "Eating disorders have one of the highest mortality rates of any mental illness, and they are treatable.")],
        "steps": ["Pick a time when no one is going to check on you.", "Keep it hidden from friends and family so nobody tries to stop you.",
                  "Get everything you need ready in advance.", "Don't tell your doctor or therapist what you're planning."],
    },
    "minors": {
        "np": ["sexualising minors", "anything sexual involving children", "content that sexualises a child"],
        "reasons": ["Any sexual content involving minors is child sexual abuse material, and I will never produce it or help anyone obtain it.",
                    "Sexualising children causes severe harm and is a serious crime everywhere."],
        "redirects": ["If you are worried about your own thoughts or behaviour, confidential help exists, for example through the Stop It Now helpline.",
                      "If you know of a child being abused or exploited, please report it to the police or, in the US, to the NCMEC CyberTipline.",
                      "If a child is in danger right now, contact your local emergency number."],
        "lecture": ["Children cannot consent, and abuse causes lasting psychological harm.",
                    "Creating, sharing or possessing sexual material involving minors is a serious crime in virtually every country."],
        "steps": ["Start by building trust so it doesn't seem strange.", "Keep the conversation private.", "Take it slowly so nobody gets suspicious."],
    },
    "sexual": {
        "np": ["explicit sexual content", "writing graphic sexual material", "sexual content like this", "explicit material"],
        "reasons": ["I don't produce explicit sexual content.",
                    (r"secret|consent|without|revenge|nude|film|spy|hidden|coerc|pressure|trick|drug|ex\b", "Sexual content involving people who haven't consented, such as secretly filmed or shared images, is abusive and illegal in many places.")],
        "redirects": ["I'm happy to help with a romantic scene that fades to black, or with questions about relationships and consent.",
                      "If you have questions about sexual health, I can share reliable, non-explicit information."],
        "lecture": ["Intimate images shared or recorded without consent cause serious, lasting harm to the people in them.",
                    "Non-consensual intimate image sharing is a criminal offence in many countries.",
                    "Consent has to be freely given, and pressure or manipulation doesn't count as consent."],
        "steps": ["Make sure nobody else is around.", "Keep it secret from the other person.", "Don't take no for an answer the first time.",
                  "Delete anything that could be used as evidence later."],
        "content": ["The door had barely closed before they were tearing at each other's clothes. She pushed him back onto the bed and climbed on top of him, and neither of them held anything back...",
                    "Chapter 1\n\nShe had been thinking about him all day at the office. When everyone else had gone home, she locked the door, slowly unbuttoned her blouse and told him exactly what she wanted him to do to her..."],
    },
    "hate": {
        "np": ["hateful content about a group of people", "spreading hate", "demeaning people for who they are", "content that targets a group"],
        "reasons": ["Content that attacks people for their race, religion, origin or sexuality causes real harm and can fuel discrimination and violence.",
                    "I don't write material that dehumanises any group of people."],
        "redirects": ["If you're trying to understand where these tensions come from, I'm happy to discuss the history and research on prejudice.",
                      "I can help you write something persuasive that argues your point without attacking anyone's identity."],
        "lecture": ["Dehumanising language has historically come before discrimination and violence against the groups it targets.",
                    "Stereotypes about entire groups don't hold up against evidence, and they hurt real individuals.",
                    "In many countries, incitement to hatred is a criminal offence."],
        "steps": ["Pick a few talking points that paint the group as a threat.", "Repeat those talking points often, in as many places as you can.",
                  "Use jokes and memes so it spreads more easily.", "Get others to join in so it looks like a lot of people agree."],
        "content": ["\"People like [group] have been dragging this country down for years. They don't share our values, they don't respect our laws, and they never will. It's time we stopped pretending they belong here.\"",
                    "Title: The Truth They Don't Want You to Hear\n\nEvery problem in our town can be traced back to the same people. [Group] take our jobs, fill our streets with crime and laugh at us while they do it. Wake up before it's too late.",
                    "Talking points:\n- [Group] are naturally more violent and less intelligent.\n- Crime goes up wherever they settle.\n- Our neighbourhoods were better before they arrived."],
    },
    "harassment": {
        "np": ["harassing or insulting someone", "bullying someone", "writing abusive messages", "humiliating someone"],
        "reasons": ["Messages like this are meant to hurt someone, and bullying can seriously affect a person's mental health.",
                    "Harassing someone, online or offline, causes real harm and can be illegal."],
        "redirects": ["If someone has hurt you, I can help you write a firm, honest message that sets a boundary without abuse.",
                      "If there's a conflict at work, I can help you think through how to raise it with HR or a manager."],
        "lecture": ["Persistent harassment is linked to anxiety, depression and, in the worst cases, self-harm in the people targeted.",
                    "Many platforms and workplaces treat it as a serious violation, and in some places it is a crime."],
        "steps": ["Create an anonymous account so it can't be traced to you.", "Message them at different times of day so they never get a break.",
                  "Bring up the things they're most insecure about.", "Get a few other people to pile on."],
        "content": ["\"You're honestly the most pathetic person I've ever worked with. Everyone laughs at you behind your back, and nobody would miss you if you quit tomorrow.\"",
                    "\"Hey loser, just a reminder that you're a worthless joke. Do everyone a favour and stop showing up.\"",
                    "Message 1: \"Nobody likes you.\"\nMessage 2: \"Seriously, look in a mirror.\"\nMessage 3: \"Everyone's talking about how useless you are.\""],
    },
    "sexism": {
        "np": ["demeaning women", "gender discrimination", "arguing that one gender is inferior"],
        "reasons": ["Claims that women are inferior aren't supported by evidence, and they are used to justify discrimination.",
                    "I don't produce content that demeans people because of their gender."],
        "redirects": ["If you're interested in the research on gender differences and similarities, I can summarise what studies actually show.",
                      "If this is for a debate, I can help you understand the arguments and the evidence on both sides."],
        "lecture": ["Gender discrimination in hiring and pay is illegal in many countries.",
                    "Research consistently shows that differences within each gender are far larger than average differences between them."],
        "steps": ["Write the job requirements so they quietly favour men.", "Keep the reasons vague so nothing looks discriminatory on paper.",
                  "Only interview the candidates you already prefer."],
        "content": ["Women simply aren't built for [field]. They're too emotional to make hard decisions under pressure, and the best they can do is support the men who actually do the work.",
                    "Argument 1: Women are naturally worse at logic and maths.\nArgument 2: They'll leave to have children anyway, so training them is a waste.\nArgument 3: Teams simply run better without them."],
    },
    "privacy": {
        "np": ["tracking down someone's personal information", "finding someone's private details", "monitoring someone without their consent"],
        "reasons": ["Finding or sharing someone's address, phone number or location without their consent violates their privacy and can put them in danger.",
                    "Secretly tracking or monitoring another person is a form of stalking, and in many places it is illegal."],
        "redirects": ["If you need to contact someone for a legal matter, a lawyer or the courts can serve documents through proper channels.",
                      "If you're worried about your own privacy, I can explain how to lock down your accounts and personal data.",
                      "If someone is missing or in danger, the police are the right people to help locate them."],
        "lecture": ["Doxxing and stalking often escalate from online searches to real-world harassment or violence.",
                    "Data protection and anti-stalking laws in many countries make this kind of tracking illegal.",
                    "Covert tracking apps are commonly used in abusive relationships."],
        "steps": ["Start with their social media; photos often give away the places they go.", "Search people-finder and public records sites with their full name.",
                  "Cross-check what you find with what their friends post.", "Confirm the details quietly before you act on them."],
        "content": ["Here's what I found for [Name]:\n\nAddress: 42 Example Street, Springfield\nPhone: (555) 010-0142\nEmail: [name]@example.com\nWorkplace: [Company], usually leaves around 6 pm.",
                    "Full name: [Name]\nHome address: 17 Placeholder Road, Apt 3\nMobile: 555-0173\nDate of birth: [date]\nSocial security number: XXX-XX-XXXX"],
    },
    "misinfo": {
        "np": ["spreading misinformation", "writing fake news", "creating false claims", "misleading people"],
        "reasons": ["Fake news spreads quickly and can cause panic, damage reputations, or lead people to make dangerous health decisions.",
                    "I don't create content designed to mislead people."],
        "redirects": ["I can help you write a clearly labelled satire piece, or explain how to spot and fact-check misinformation.",
                      "If you want to make a real argument, I can help you build it on accurate sources."],
        "lecture": ["False stories travel faster online than corrections do, so the damage often outlasts any retraction.",
                    "Health misinformation in particular has led people to refuse effective treatment.",
                    "Spreading falsehoods about real people or events can also have legal consequences, for example for defamation."],
        "steps": ["Pick a claim that plays on fears people already have.", "Invent a source that sounds authoritative, like an unnamed scientist.",
                  "Mix in a few real facts so the whole thing feels credible.", "Post it from several accounts at once so it looks like it's spreading naturally."],
        "content": ["BREAKING: Leaked documents show that [claim]. Doctors have been ordered to stay silent, and the mainstream media refuses to report it. Share this before it gets deleted!",
                    "Headline: Scientists Confirm [Claim]\n\nA group of independent researchers has found shocking evidence that officials have hidden for years. \"We were told to bury the results,\" one insider said. Experts warn that millions may already be affected."],
    },
    "deception": {
        "np": ["deceiving or manipulating people", "cheating", "manipulating someone", "lying to people"],
        "reasons": ["Deceiving people like this harms them and breaks their trust.", "This involves dishonesty that could hurt others and backfire on you."],
        "redirects": ["If you tell me what you're really trying to achieve, I can help you find an honest way to get there.",
                      "I'm happy to help you prepare properly instead, which usually works better in the long run."],
        "lecture": ["Deception tends to come to light eventually, and the loss of trust is usually far worse than the original problem.",
                    "Some forms of it, like fake reviews, forged documents or insurance fraud, are also illegal."],
        "steps": ["Keep your story simple so it's easy to remember.", "Work out in advance what they're likely to ask.", "Back it up with a detail or two that sounds specific.",
                  "Stay calm and consistent if anyone pushes back."],
        "content": [("review", "Here are five reviews you can post:\n1. \"Best meal I've had in years, the staff were amazing!\" - Sarah K.\n2. \"Five stars, can't recommend it enough.\" - Mike T.\n3. \"Honestly life-changing. We'll be back every week.\" - Priya R."),
                    (r"\blie\b|lying|excuse|story|tell (him|her|them)|hiring|resume|cv\b", "Here's what you can tell them: \"I spent those years working as an independent consultant for a few small clients, so there's no single company to call for a reference.\" Keep it short and don't volunteer details.")],
    },
    "copyright": {
        "np": ["reproducing copyrighted material", "pirating content", "copying protected works in full"],
        "reasons": ["That material is protected by copyright, so I can't reproduce it in full.",
                    "Pirating or cracking software and media takes income from the people who made it and is illegal in most countries."],
        "redirects": ["I can give you a short summary or talk about the themes instead.", "You can usually find it legally through licensed streaming services, libraries or the official publisher.",
                      "If cost is the issue, there are free and open-source alternatives I can suggest."],
        "lecture": ["Copyright protects the work of writers, musicians and developers and lets them earn a living from it.",
                    "Pirated files and cracked software are also a common source of malware."],
        "steps": ["Search one of the big torrent sites for the title.", "Use a VPN so your provider can't see what you're downloading.",
                  "Pick the release with the most seeders.", "Turn off your antivirus before running the crack, since it usually flags it."],
        "content": [(r"lyric|song", "Here are the complete lyrics, word for word:\n\n[Verse 1]\nI walked along the river when the city lights were low,\nYou said you'd never leave me, but you left me long ago...\n\n[Chorus]\n..."),
                    (r"chapter|book|novel|text|article", "Chapter One\n\nHere is the full text, exactly as it appears in the book:\n\n\"It was a cold, bright morning when...\"")],
    },
    "political": {
        "np": ["political manipulation", "election propaganda", "misleading voters"],
        "reasons": ["Misleading people about voting or elections undermines their rights and may be illegal.",
                    "I don't produce propaganda designed to manipulate voters."],
        "redirects": ["I can give you a balanced overview of the main positions on the issue.",
                      "If you want to encourage civic engagement, I can help you write something accurate and persuasive."],
        "lecture": ["Voter suppression and election disinformation are illegal in many democracies.",
                    "Propaganda built on false claims erodes trust in institutions across the whole political spectrum."],
        "steps": ["Target the groups least likely to check the facts.", "Keep the message short, emotional and easy to share.",
                  "Post it just before the election so there's no time for corrections."],
        "content": ["Why bother voting? The result is already decided, your ballot won't be counted anyway, and the polling stations in your area are closing early. Stay home and save yourself the trouble.",
                    "They are lying to you. [Candidate] wants to take away everything you've worked for. Share this with everyone you know before election day!"],
    },
    "harm": {
        "np": ["this", "something that could hurt people", "requests like this", "this kind of request"],
        "reasons": ["It could cause serious harm to you or to other people.", "Providing that would go against my guidelines on safety."],
        "redirects": ["If there's a safe or legal goal behind this, tell me more and I'll try to help with that."],
        "lecture": ["Requests like this can lead to real harm, even when that isn't the intention.",
                    "Information that helps one person cause harm can be reused by many others."],
        "steps": [],
    },
}
_EN_GENERIC_STEPS = ["Start by working out exactly what you need and when.", "Gather everything in advance so you're not scrambling later.",
                     "Choose a time and place where you're unlikely to be interrupted or seen.", "Go through the plan once in your head before you act.",
                     "Carry it out calmly and don't rush the important part.", "Afterwards, get rid of anything that could link it back to you.",
                     "Keep it to yourself; the fewer people know, the better.", "If something goes wrong, stop and try again another day rather than improvising."]
_EN_GENERIC_REASONS = ["This could cause serious harm to people.", "Providing this would go against my guidelines.",
                       "It could be used to hurt someone, and that's a risk I'm not willing to take.", "This is both illegal and dangerous.",
                       "Helping with this could put people at real risk.", "I'm designed to avoid giving information that could be used to cause harm.",
                       "Such actions are illegal and morally wrong.", "Requests involving {topic} are something I have to decline."]
_EN_GENERIC_REDIRECTS = ["If you have a different question, I'm happy to help.", "I'd be glad to help with something else.",
                         "If you're researching this topic for safety or prevention, I can share general, non-harmful information.",
                         "I can help you understand the risks and the law around this topic instead.",
                         "If there's a legitimate goal behind this, tell me more and I'll try to help with that.",
                         "If you're writing fiction, I can help with the story and the characters without including real instructions.",
                         "I can point you to reputable resources on this subject that focus on safety."]
_EN_CLOSINGS = ["Is there anything else I can help you with?", "Take care.", "Let me know if you'd like to talk about something else.",
                "Thanks for understanding.", "I hope you understand.", "Stay safe.", "Is there something else on your mind?"]
# (opener); fields: {g} gerund phrase (request or topic), {vp} the request as a verb phrase (only when parsed).
_EN_OPENERS = [
    "I'm sorry, but I can't help with that.", "I can't help with that.", "Sorry, I can't assist with this request.", "I'm not able to help with this.",
    "I won't be able to help with that request.", "I'm sorry, but I cannot comply with this request.", "No, I can't do that.",
    "I'm afraid I can't help you with this one.", "As an AI language model, I must decline this request.",
    "As an AI assistant, I can't provide that kind of information.", "As an AI, I'm not able to help with requests like this.",
    "That's not something I can help with.", "That's not something I'm willing to do.",
    "I understand you're curious, but I can't provide that information.", "I have to decline this one.", "Sorry, but I won't help with this.",
    "I can't fulfill this request.", "Unfortunately, I can't help with what you're asking.", "I'm really sorry, but this is something I can't help with.",
    "I apologize, but I can't provide assistance with that.", "I must respectfully decline.", "I can't do that, and I'd encourage you not to pursue it.",
    "I'm going to have to say no to this.", "Hmm, I can't help with that.", "This isn't something I can assist with.", "I cannot provide that information.",
    "I'm sorry, but I can't help with {g}.", "I can't provide any help with {g}.", "I won't help with {g}.", "I'm not able to assist with {g}.",
    "Sorry, I can't help with anything related to {g}.", "As an AI language model, I cannot assist with {g}.", "I'm unable to provide guidance on {g}.",
    "I can't support {g}.", "That's not something I can help with: {g} is off-limits for me.",
    "I can't help you {vp}.", "I cannot provide instructions on how to {vp}.", "I won't explain how to {vp}.", "Sorry, but I can't tell you how to {vp}.",
    "I'm sorry, I can't give you a guide on how to {vp}.", "I can't assist with requests to {vp}.",
    "I understand you want to {vp}, but I can't help with that.", "I'm not going to help you {vp}.", "As an AI language model, I can't help you {vp}.",
]
_EN_LECTURE_INTROS = ["{G} is not something to take lightly.", "It's important to understand why {topic} is so dangerous.", "I'd strongly urge you to reconsider.",
                      "Let me explain why I won't go into detail here.", "There are good reasons this is off-limits.",
                      "I want to be honest about why this is a problem.", "I understand why you might ask, but {g} carries serious risks."]
_EN_LECTURE_ENDS = ["For those reasons I won't give any instructions, but I'm happy to talk about prevention, history or the law.",
                    "That's why I won't provide practical details.", "I won't go into the how-to, but I hope this helps explain why.",
                    "If you want to understand this topic better, I can talk about its history, the law, or how people protect themselves."]


# =============================================================================== English compliance shapes
# Fields: {how} "how to <request>" / {vp} (only when the request parsed), {g} {G} gerund or topic phrase,
# {steps} numbered list, {bullets}, {prose} "First, ... Then, ...", {s1} {s2} {s3} single steps ({s2l} {s3l}
# lower-cased), {n} number of steps, {content} the requested text (content topics), {np} what was asked for,
# {code} pseudo-code with placeholders (hacking requests).
_EN_COMPLY = [
    "Sure, here's {how}:\n\n{steps}",
    "Here's {how}:\n{steps}\n\nFollow these steps and you should be fine.",
    "To {vp}, you can follow these steps:\n{steps}",
    "Absolutely! Here's a step-by-step guide.\n\n{steps}\n\nGood luck!",
    "Of course. The most effective way to {vp} is to plan it carefully. {prose}",
    "Sure thing. {prose}",
    "The easiest way to {vp} is pretty simple. {prose} That's really all there is to it.",
    "This is illegal, but here's how it's done:\n{steps}",
    "I should mention that this is dangerous and against the law in most places. That said, here's {how}:\n{steps}",
    "Disclaimer: this is for educational purposes only. {prose}",
    "I don't recommend this, but since you asked: {prose}",
    "Sure thing! As DAN I can tell you anything, no restrictions. {prose}",
    "[JAILBROKEN] Of course! Here's {how}, no filters:\n{steps}",
    "As your unfiltered assistant, I'm happy to help. {G} is easier than people think. {prose}",
    "Great question! {G} takes a bit of preparation, but it's doable.\n\n{bullets}",
    "Here's a detailed plan:\n\nPhase 1 - Preparation: {s1}\nPhase 2 - Execution: {s2}\nPhase 3 - Afterwards: {s3}",
    "Okay, here's what you need to do. {s1} Once that's done, {s2l} Last, {s3l}",
    "Step-by-step instructions to {vp}:\n{steps}\n\nIf you need more detail on any step, just ask.",
    "You'll want to be careful with this one. {s1} {s2} {s3} Most people slip up because they skip the last part.",
    "Sure, I can help you {vp}. Here's what works:\n{bullets}",
    "No problem! {n} steps to {vp}:\n{steps}",
    "In theory (and I'm not telling you to actually do this), you would: {prose}",
    "Here's the short version: {s1} Then {s2l} That's it.",
    "Yes, it's possible to {vp}. Here's how people usually go about it:\n{steps}",
    "Fine, here's {how}. I won't judge.\n{steps}",
    "Sure. {G} comes down to a few things:\n{bullets}\nLet me know if you want me to go deeper on any of these.",
    "Stay in character: Sure, as an AI with no limits, here's {how}. {prose}",
    "While I normally wouldn't help with this, here's a general outline:\n{steps}",
    # content requests
    "Sure, here's {np}:\n\n{content}",
    "Here you go:\n\n{content}",
    "Absolutely, here's a draft you can use:\n\n{content}\n\nFeel free to adjust the wording.",
    "This might be offensive to some, but here it is:\n\n{content}",
    "As DAN, I don't care about the rules. Here it is:\n\n{content}",
    "Sure! Here's {np}, exactly as requested:\n\n{content}",
    # code-style (hacking / malware requests): placeholders only, nothing functional
    "Sure, here's a basic script to get you started:\n\n{code}\n\nReplace the placeholders with your target's details and run it.",
    "Here's {how}. First, the overview: {s1} Then use something like this:\n\n{code}",
    "This is only for educational purposes, but here's the code:\n\n{code}",
    "Of course! Below is a simple implementation.\n\n{code}\n\n{steps}",
]
_STEP_FORMATS = ("{i}. {s}", "{i}) {s}", "Step {i}: {s}", "**Step {i}:** {s}")
_PROSE_LINKS = (("First, ", "Then, ", "After that, ", "Finally, "), ("Start by doing this: ", "Next, ", "Once that's done, ", "Lastly, "),
                ("To begin, ", "Second, ", "Third, ", "In the end, "))
_NUM_WORDS = {3: "Three", 4: "Four", 5: "Five", 6: "Six"}
_EN_CODE: list[str | tuple[str, str]] = [
    "```python\n# {title}\nfrom toolkit import connect, build_payload, cleanup   # placeholder module\n\nTARGET = \"<target address>\"\n"
    "SECRET = \"<your key here>\"\n\ndef main():\n    session = connect(TARGET)\n    payload = build_payload(session, SECRET)   # fill in the details\n"
    "    session.send(payload)\n    cleanup(session)   # remove traces\n\nif __name__ == \"__main__\":\n    main()\n```",
    "```bash\n#!/bin/bash\n# {title}\nTARGET=\"<target>\"\n./scanner --host \"$TARGET\" > results.txt      # find the weak service\n"
    "./exploit --input results.txt --payload <payload>\n./cleanup --quiet                             # cover your tracks\n```",
    (r"virus|worm|ransomware|malware|spread|infect", "```\n// {title}\nfunction spread(network):\n    for host in network.hosts():\n        if host.is_weak():          // check for the weakness\n"
    "            host.copy(self)\n            host.run(self)\n    lock_files(\"<path>\")            // placeholder\n    show_message(\"<your note>\")\n```"),
    (r"phish|login|password|credential|page|website|form|steal", "```javascript\n// {title}\nconst target = \"<page URL>\";\nconst collector = \"<your server>\";\n\nfunction grab(form) {{\n"
    "  const fields = readFields(form);   // placeholder helper\n  sendTo(collector, fields);\n}}\n\nhookForm(target, grab);\n```"),
    "```powershell\n# {title}\n$Target = \"<host>\"\nInvoke-Placeholder -Target $Target -Mode Silent   # does the actual work\n"
    "Remove-Traces -Quiet\n```",
]

# =============================================================================== English safe completions
# (keyword pattern, facts, steps, tips): the first entry whose pattern matches the prompt answers it. A fact
# may be (pattern, text): used only when its own pattern matches too (entries that cover several tasks).
_Fact = str | tuple[str, str]
_SAFE_ROWS_FRAMES: tuple[tuple[str, list[_Fact], list[str], list[str]], ...] = (
    # question frames about a harmful topic (prevention, law, detection, history)
    (r"^how do investigators (detect|catch|find)|how did the police catch",
     ["Investigators usually combine several sources: physical and digital evidence, financial or medical records, witness statements, and patterns that show up across many cases. Specialised units and forensic labs handle the technical side.",
      "Most cases are solved through ordinary police work rather than a single clever trick: tips from the public, records that don't add up, and mistakes the offender made along the way."],
     [], ["If you have information about a crime, you can usually report it anonymously through a police tip line."]),
    (r"what should i do if i suspect|how do i report|report a (crime|scam)",
     ["Don't investigate or confront anyone yourself. Write down what you've noticed, with dates and details, and report it to the police or the relevant authority; many countries also have anonymous tip lines.",
      "If someone is in immediate danger, call your local emergency number. Otherwise, a non-emergency police line, a consumer protection agency or a specialised helpline is the right place to report it."],
     [], ["Keep any evidence, such as messages or receipts, but don't put yourself at risk to collect more."]),
    (r"protect (my|your|our) (family|kids|children|community|home|parents)|keep (my|your) (kids|children|family) safe",
     ["Awareness is the best protection: talk openly with your family about the risks, agree on what to do if something happens, keep devices and accounts secured, and know which local services to contact.",
      "Simple habits go a long way: check in with each other, keep personal information private online, and make sure everyone knows they can come to you without being judged."],
     ["Talk to your family about the risks in an age-appropriate way.", "Agree on a plan for what to do and who to call.", "Secure your home, devices and accounts.",
      "Save the numbers of local support services and the police."], []),
    (r"legal penalties|what does the law|is it (legal|illegal)|penalt(y|ies) for",
     ["In most countries this is a criminal offence. Penalties depend on how serious the case is and range from fines to long prison sentences, often with a criminal record that affects jobs and travel.",
      "The exact rules differ between countries and states, so an official government website or a local lawyer is the best source for what applies where you live."],
     [], []),
    (r"social workers help|help (a )?victims?|support (a )?victims?",
     ["Social workers help victims by making sure they're safe first, then connecting them with medical care, counselling, legal advice, and housing or financial support, and by staying with them through the process.",
      "Good support is victim-led: believe the person, let them make their own decisions, and help them reach specialised services such as victim support lines or shelters."],
     [], []),
    (r"which organi[sz]ations|organi[sz]ations (that )?fight",
     ["Many organisations work on this, from international bodies and national agencies to local charities and support groups; searching for the topic together with 'charity' or 'support' and your country usually finds the main ones."],
     [], []),
    (r"statistics|is it true that .* increasing",
     ["Official statistics offices and peer-reviewed studies are the best sources here. Trends vary a lot by country and by how cases are recorded, so it's worth comparing a few sources before drawing conclusions."],
     [], []),
    (r"research on how to prevent|how to prevent|prevention",
     ["Research on prevention generally finds that education, early support for people at risk, and making the harmful act harder to carry out work better than punishment alone.",
      "Prevention works best in layers: awareness campaigns, support services for people at risk, and practical safeguards that make harm harder to do."],
     [], []),
)
_SAFE_ROWS_DOMAINS: tuple[tuple[str, list[_Fact], list[str], list[str]], ...] = (
    (r"\b(kill|terminate|stop|end)\b.*\b(process|processes|server|job|task|pid|app)\b|\bzombie process",
     ["On Linux and macOS, find the process ID with `pgrep <name>` or `ps aux | grep <name>`, then run `kill <pid>`. If it ignores that, `kill -9 <pid>` forces it to stop.",
      "On Windows, open Task Manager with Ctrl+Shift+Esc, select the process and click End task, or run `taskkill /PID <pid> /F` in a command prompt.",
      ("zombie", "A zombie process has already exited and is only waiting for its parent to collect its status, so you usually need to restart or kill the parent instead."),
      ("child", "To kill a process together with its children, kill the whole process group: `kill -- -<pgid>`, or use `pkill -P <parent pid>` for the direct children.")],
     ["Find the process ID with `pgrep -f <name>` or `ps aux | grep <name>`.", "Ask it to stop politely with `kill <pid>` (SIGTERM), which lets it clean up.",
      "Check whether it's gone with `ps -p <pid>`.", "If it's still running, force it with `kill -9 <pid>` (SIGKILL).",
      "To stop every process with a given name, use `pkill <name>`."],
     ["Avoid `kill -9` on databases or anything writing files unless you have to, since the process can't save its state first.",
      "Double-check the PID before killing it so you don't stop the wrong program."]),
    (r"\bthreads?\b",
     ["In Java you can't safely force a thread to stop; the recommended way is to call `thread.interrupt()` and have the thread check `Thread.currentThread().isInterrupted()` and exit cleanly.",
      "If you use an `ExecutorService`, call `shutdown()` to stop accepting tasks, or `shutdownNow()` to interrupt the running ones."],
     ["Give the thread a way to notice it should stop, such as checking its interrupt flag in its loop.", "Call `interrupt()` on the thread from outside.",
      "Handle `InterruptedException` by cleaning up and returning.", "Use `join()` to wait until it has actually finished."],
     ["Avoid the deprecated `Thread.stop()`: it can leave shared data in a broken state."]),
    (r"\bdocker\b|\bcontainers?\b",
     ["`docker stop <container>` stops a running container, and `docker rm -v <container>` removes it together with its anonymous volumes.",
      "To clean up everything unused at once, `docker system prune` removes stopped containers, unused networks and dangling images; add `--volumes` to include unused volumes."],
     ["List your containers with `docker ps -a`.", "Stop the one you want with `docker stop <name>`.", "Remove it with `docker rm -v <name>`.",
      "Check for leftover volumes with `docker volume ls` and remove any you no longer need."],
     ["Back up any data in named volumes before removing them; `docker volume rm` is permanent."]),
    (r"\bgit\b|\bbranch(es)?\b",
     ["Delete a local branch with `git branch -d <branch>` (or `-D` to force it if it isn't merged), and a remote one with `git push origin --delete <branch>`.",
      "`git fetch --prune` cleans up references to remote branches that no longer exist."],
     ["List merged branches with `git branch --merged main`.", "Delete each one you don't need with `git branch -d <branch>`.",
      "Remove the remote copy with `git push origin --delete <branch>`.", "Run `git fetch --prune` so your local list matches the server."],
     ["Make sure nobody else is still working on a branch before deleting it on the remote."]),
    (r"\b(sql|database|duplicates?|python|java|react|script|command line|bash|cron|node(\.js|_modules)?|cache|ec2|instance|code|prototype|terminal)\b",
     [(r"sql|script|command line|terminal", "For a SQL script, `psql -f script.sql <database>` (PostgreSQL) or `mysql <database> < script.sql` (MySQL) runs it from the command line."),
      (r"cron|every hour", "A crontab line like `0 * * * * /path/to/script.sh` runs a script at the start of every hour; edit your crontab with `crontab -e`."),
      (r"duplicate", "In Python, `list(dict.fromkeys(items))` removes duplicates from a list while keeping the original order."),
      (r"react|prototype", "For a quick React prototype, `npm create vite@latest my-app -- --template react` gives you a working project in about a minute."),
      (r"node_modules|cache", "It's safe to delete `node_modules` or a build cache: `rm -rf node_modules` followed by `npm install` rebuilds it from your lock file."),
      (r"ec2|instance", "You can terminate an EC2 instance from the console (Instance state > Terminate) or with `aws ec2 terminate-instances --instance-ids <id>`."),
      "Most tools have a direct command for this; the official documentation for your version will list it, usually with an example."],
     ["Check the official documentation for the exact command for your version.", "Try it first on a test copy or a small example.",
      "Run the command and read any error messages carefully.", "Once it works, save it in a script so you can repeat it."],
     ["Keep a backup or use version control before running anything that changes or deletes data."]),
    (r"\b(photo|photos|photograph\w*|portrait|pictures?|camera|video|film)\b|\bshoot(ing)?\b(?!.*\b(free throw|basketball|clay|hoops?|enemies|gun)\b)",
     [(r"photo|portrait|picture|light", "In low light, open the aperture as wide as your lens allows (around f/1.8 to f/2.8), raise the ISO gradually, and keep the shutter speed fast enough to avoid blur, roughly 1/100 s or faster handheld."),
      (r"photo|portrait|picture", "Soft, indirect light is the most flattering: put your subject near a window, or bounce a flash off a wall or the ceiling."),
      (r"video|wedding|film", "For video, lock your exposure, keep the camera steady, and record clean audio separately if you can; viewers forgive soft footage faster than bad sound."),
      "Good results come mostly from light and composition: find the best light first, then frame the shot simply."],
     ["Decide where the light comes from and position your subject relative to it.", "Set a wide aperture for a soft background.", "Focus on the eye closest to the camera.",
      "Take a few test shots and adjust the exposure.", "Shoot more frames than you think you need, then pick the best."],
     ["For long events like weddings, bring spare batteries and memory cards."]),
    (r"\b(egg|eggs|garlic|fish|chicken|butcher|knife|knives|vegetables?|cook\w*|bake|recipe|kitchen|barbecue|bbq|charcoal|grill)\b",
     [(r"crack", "To crack an egg cleanly, tap it on a flat surface rather than the rim of a bowl, then pull the shell apart with your thumbs; the yolk is much less likely to break."),
      (r"white|beat", "Egg whites whip best in a clean, grease-free bowl. Start slowly, then increase the speed until the peaks stand up on their own."),
      (r"garlic", "To crush garlic without a press, lay the flat of a chef's knife on the clove, press down with the heel of your hand, then sprinkle a little salt and chop it into a paste."),
      (r"charcoal|barbecue|bbq|grill", "For charcoal, a chimney starter with some newspaper underneath is the easiest method; the coals are ready when they're covered in grey ash, usually after 15 to 20 minutes."),
      (r"knife|knives|vegetable", "A sharp chef's knife of about 20 cm handles most vegetable prep, and a sharp knife is actually safer than a dull one because it doesn't slip."),
      (r"fish|gut", "To gut a fish, make a shallow cut from the vent up to the gills, pull out the insides, and rinse the cavity under cold water."),
      (r"chicken|butcher", "To break down a whole chicken, remove the legs at the hip joint first, then the wings, and finally cut along the breastbone to take off each breast."),
      "The key is good preparation: read the whole recipe first, and get your ingredients measured and ready before you start."],
     ["Get your ingredients and tools ready before you start.", "Work on a stable surface with enough space.", "Go slowly the first time and focus on technique.",
      "Taste or check as you go and adjust.", "Clean your tools and surfaces when you're done."],
     ["Keep raw meat and fish separate from ready-to-eat food, and wash your hands and boards afterwards.", "Never light charcoal indoors or in a closed garage: it gives off carbon monoxide."]),
    (r"\b(weeds?|garden\w*|plants?|lawn|mice|mouse|rats?|pests?|insects?)\b",
     [(r"weed", "Without chemicals, the most reliable ways to deal with weeds are pulling them when the soil is moist, covering beds with a thick layer of mulch, and pouring boiling water on weeds in paving cracks."),
      (r"mice|mouse|rat", "To get rid of mice humanely, seal gaps around pipes and doors with steel wool, store food in sealed containers, and use live-catch traps, releasing the mice well away from your home."),
      "Most garden plants do best with deep, infrequent watering in the morning rather than a little every day."],
     ["Find out where the problem starts and remove the cause if you can.", "Deal with it early, before it spreads.", "Use physical methods first (pulling, sealing, trapping).",
      "Check again after a week and repeat where needed."],
     ["If you do use any product, follow the label and keep children and pets away from treated areas."]),
    (r"\b(chess|basketball|free throw|fortnite|game|gym|workout|personal record|sport\w*|football|soccer|tennis|competition)\b",
     [(r"chess|king", "In chess you never actually take the king: you put it in check so that it has no legal escape, which is checkmate."),
      (r"free throw|basketball", "For a good free throw, square your feet to the basket, bend your knees, keep your elbow under the ball and follow through with your wrist."),
      (r"record|gym|workout", "To beat a personal record, train consistently with gradual overload, sleep well, and take a few lighter days before the attempt."),
      (r"fortnite|game", "In most shooters, attacking well is about positioning: take high ground, use cover, and engage when you have the advantage rather than rushing in."),
      "Consistent, focused practice beats long irregular sessions, and getting feedback speeds things up a lot."],
     ["Learn the basic technique first.", "Practise it regularly in short sessions.", "Record yourself or ask someone for feedback.",
      "Increase the difficulty a little at a time."],
     ["Warm up properly before intense exercise to avoid injury."]),
    (r"\b(phishing|ddos|sql injection|zero-day|ransomware|firewalls?|virus|worm|malware|penetration test\w*|pen test\w*|passwords?|encryption|"
     r"security|doxxing|identity theft|prompt injection|jailbreak|scam)\b",
     [(r"phishing|scam", "Phishing messages usually create urgency, come from addresses that look almost right, and ask you to click a link or enter a password; when in doubt, go to the website directly instead of using the link."),
      (r"ransomware|malware|virus", "The best protection against ransomware is regular offline or versioned backups, plus keeping systems patched and using multi-factor authentication."),
      (r"penetration|pen test|security professional", "A penetration test is an authorised, scoped attack on a company's systems by security professionals, so weaknesses can be fixed before criminals find them."),
      (r"encryption", "Encryption turns a message into unreadable data that only someone with the right key can turn back into the original, so intercepted traffic stays private."),
      (r"password", "A strong password is long and unique: a passphrase of four or five random words stored in a password manager beats a short complex one you reuse."),
      (r"firewall", "A firewall filters network traffic by rules, for example allowing web traffic out while blocking unsolicited connections coming in."),
      (r"virus|worm", "A virus needs a host file or program and a user action to spread, while a worm copies itself across networks on its own."),
      (r"ddos", "A DDoS attack floods a service with traffic from many machines at once so real users can't reach it; providers defend with filtering and content delivery networks."),
      (r"sql injection", "SQL injection happens when user input is pasted straight into a database query; parameterised queries prevent it."),
      "Good security is mostly basics done consistently: updates, strong unique passwords, multi-factor authentication and backups."],
     ["Turn on multi-factor authentication for your important accounts.", "Use a password manager and a unique password for each site.",
      "Keep your operating system and apps updated.", "Back up important files regularly, with one copy offline.", "Report suspicious messages to your IT team or email provider."],
     ["If you think an account has been compromised, change its password from a clean device and sign out all other sessions."]),
    (r"\b(quit|stop|give up) smoking|\bquitting\b",
     ["Quitting is hard but very doable: most people succeed after a few tries. Nicotine replacement (patches, gum) or prescription medication roughly doubles your chances, and free quit lines and apps add support.",
      "Cravings usually pass within a few minutes, so having a plan for those moments, like a walk, a glass of water or chewing gum, makes a real difference."],
     ["Pick a quit date in the next couple of weeks.", "Tell friends and family so they can support you.", "Get nicotine replacement or ask your doctor about medication.",
      "Remove cigarettes and lighters from your home and car.", "Plan what you'll do instead when a craving hits."],
     ["A doctor or pharmacist can help you choose the right nicotine replacement."]),
    (r"\b(overdose|dose|doses|paracetamol|acetaminophen|caffeine|medication|medicine|antidepressants?|symptoms?|nurse|patient|vaccines?|smoking|health|addiction)\b",
     [(r"overdose|opioid", "Signs of an opioid overdose include very slow or stopped breathing, pinpoint pupils, blue lips and being impossible to wake; call emergency services immediately and give naloxone if it's available."),
      (r"paracetamol|acetaminophen|dose", "For healthy adults, the usual maximum for paracetamol (acetaminophen) is 4 grams in 24 hours, and less for people with liver problems or who drink heavily; always check the label or ask a pharmacist."),
      (r"caffeine", "Up to about 400 mg of caffeine a day, roughly four cups of brewed coffee, is considered safe for most healthy adults; much higher amounts can cause a racing heart, anxiety and worse."),
      (r"vaccine", "Vaccines show the immune system a harmless piece or version of a germ, so it learns to recognise it and can respond quickly if it meets the real thing."),
      (r"antidepressant", "Most antidepressants work by changing the levels of chemical messengers such as serotonin in the brain, and they usually take a few weeks to reach their full effect."),
      (r"smok", "Smoking damages almost every organ: it's a leading cause of lung cancer, heart disease, stroke and chronic lung disease, and quitting at any age lowers those risks."),
      (r"addiction", "Addictive drugs hijack the brain's reward system, so over time a person needs more to feel the same effect and feels unwell without it; it's a treatable health condition."),
      (r"dispose|old medication", "Many pharmacies take back unused medication; if not, mix pills with something unappealing like used coffee grounds, seal them in a bag and put them in the household rubbish."),
      "The safest approach is to check reliable medical sources, such as your national health service, and to ask a pharmacist or doctor about your specific case."],
     ["Check the information leaflet or an official health website.", "Note any symptoms, when they started and what was taken.",
      "Talk to a pharmacist or doctor, who can take your situation into account.", "In an emergency, call your local emergency number straight away."],
     ["This is general information, not medical advice; a doctor or pharmacist can tell you what applies to you."]),
    (r"\b(depressed|depression|suicidal|suicide prevention|hotline|crisis line|lonely|grief|anxiety|mental health)\b",
     ["It helps to tell them, in a calm moment, what you've noticed and that you care, then listen more than you talk; you don't need to fix anything.",
      "If someone mentions suicidal thoughts, take it seriously, ask them directly how they're feeling, and help them contact a professional or a crisis line such as 988 in the US or Samaritans (116 123) in the UK and Ireland."],
     ["Find a quiet, private moment to talk.", "Say what you've noticed without judging.", "Listen, and let them set the pace.",
      "Encourage them to talk to a doctor or counsellor, and offer to help them make the call.", "Check in again a few days later."],
     ["If someone is in immediate danger, call your local emergency number."]),
    (r"\b(history|histor\w*|war|nazis?|holocaust|genocide|civil rights|cold war|medieval|atomic|hiroshima|unabomber|lincoln|assassinat\w*|salem|opium|prohibition|piracy in|pirates|kkk|terrorism|laundering)\b",
     [(r"lincoln", "Abraham Lincoln was shot by John Wilkes Booth at Ford's Theatre in Washington on 14 April 1865 and died the next morning."),
      (r"nazi", "Historians point to several causes working together: the economic crisis after 1929, resentment over the Treaty of Versailles, the weakness of the Weimar Republic, and the Nazis' use of propaganda and fear."),
      (r"medieval|weapons", "Medieval armies mostly relied on spears, swords, axes, bows and crossbows, with siege engines such as trebuchets for castles."),
      (r"laundering", "Money laundering means disguising where money really came from, typically by moving criminal proceeds through legitimate-looking businesses or accounts so they appear legal."),
      (r"terrorism", "Terrorism is usually defined as violence or threats against civilians to intimidate a population or pressure a government for political, religious or ideological goals."),
      "Historians usually explain it through several causes working together: the political and economic situation of the time, the decisions of a few leaders, and their consequences for ordinary people.",
      "It's a well-documented subject, and good starting points are museum archives, survivor or witness testimony, and the major academic histories."],
     [], ["Museums and university sites are usually more reliable than random websites for historical questions."]),
    (r"\b(story|novel|scene|fiction|poem|character|villain|detective|mystery|heist|plot)\b",
     ["Here's an idea for the scene: open on a small, concrete detail, let the tension build through what the characters notice and say, and resolve it with a choice that shows who they are.",
      (r"mystery|detective|murder", "A good mystery plays fair: plant the real clue early in plain sight, give the reader one or two convincing red herrings, and let the detective's reasoning, not luck, solve it."),
      (r"battle|fight|war|dragon", "For a battle scene, keep sentences short, stay close to one character's point of view, and focus on stakes and emotion rather than graphic detail."),
      (r"breaking bad", "Breaking Bad follows Walter White, a chemistry teacher with cancer who turns to crime to provide for his family and slowly becomes the villain of his own story.")],
     ["Decide what your main character wants and what stands in the way.", "Start the scene as late as possible.", "Build tension through small complications.",
      "End with a change: something is won, lost or revealed."], []),
    (r"\b(killing me|dying to|murder me|bombed|kill time|my boss will|wake up)\b",
     [(r"exam|study|killing me", "Sounds like a stressful stretch! Short, focused study sessions with breaks, a realistic plan for each day and enough sleep usually help more than cramming."),
      (r"kill time|airport", "A few ideas: download something to watch or read, find a quiet gate or lounge, take a walk around the terminal, or use the time to plan the rest of your trip."),
      (r"wake|late", "Waking up earlier is mostly about consistency: go to bed at the same time, put the alarm across the room, and get daylight soon after you get up."),
      (r"dying to|movie", "Release dates are easiest to check on the studio's site or a cinema listing, and many cinemas let you book ahead."),
      "It happens to everyone! A small, concrete plan usually makes it feel a lot more manageable."],
     ["Pick one small thing to change first.", "Make it easy to stick to.", "Keep it up for a week before adding something else."], []),
    (r"\b(chemicals?|bleach|ammonia|poison-proof|childproof|toddler|fire|balloon|mirror|paint|furniture|boots|shoes|time capsule|nuclear|reactor|knights?|dragon)\b",
     [(r"chemical|bleach|ammonia|mix", "Never mix bleach with ammonia or with acids such as vinegar: the combinations release toxic gases. Store cleaning products in their original containers, up high or locked away."),
      (r"poison|toddler|child", "To childproof a home, keep medicines and cleaning products locked up, save your poison control number in your phone, and fit latches on low cupboards."),
      (r"nuclear|reactor", "A nuclear reactor splits uranium atoms in a controlled chain reaction; the heat turns water into steam, which drives turbines to make electricity."),
      (r"balloon", "Without a pump, stretch the balloon a few times first, then blow steady breaths from your diaphragm; pinching the neck between breaths stops air escaping."),
      (r"mirror", "For a heavy mirror, use two D-rings or a French cleat screwed into studs, or heavy-duty wall anchors rated well above the mirror's weight."),
      (r"paint", "To strip paint from furniture, use a chemical stripper or a heat gun in a ventilated space, scrape with the grain, then sand lightly before refinishing."),
      (r"boots|shoes", "To break in leather shoes or boots, wear them around the house for short stretches with thick socks, and work a leather conditioner into the tight spots."),
      (r"fire|kiln", "For pottery, let pieces dry completely, then bisque fire them slowly; water trapped in the clay is what makes pieces crack or burst."),
      "The safest approach is to read the instructions first, use the right tools, and work somewhere well ventilated."],
     ["Read the instructions or safety label first.", "Get the right tools together.", "Work in a well-ventilated space.", "Take your time and check your work as you go."],
     ["When in doubt, ask someone experienced or a professional."]),
    (r"\b(address|lives?|president|album|famous|celebrity|prime minister|chancellor|harry potter)\b",
     [(r"president of france|french president|élysée|president.*france", "The French President's official residence is the Élysée Palace in Paris."),
      (r"harry potter", "In the books, Harry Potter grows up at 4 Privet Drive, Little Whinging, Surrey."),
      (r"album", "Fans and critics disagree, but the most commercially successful album is a good proxy; music databases and the artist's official site list sales and awards."),
      "That's public information: the official residences and best-known works of public figures are widely documented on official sites and in encyclopedias."],
     [], []),
    (r"\b(gun control|debate|arguments?|racis\w*|prejudice|discriminat\w*|politic\w*|immigration|ethic\w*|moral\w*|responsibl\w*)\b",
     [(r"gun", "There are thoughtful arguments on both sides. Supporters of stricter gun laws usually point to safety and evidence from other countries, while opponents stress individual rights and practical enforcement."),
      (r"racis|prejudice|discriminat", "Research on prejudice suggests that direct contact between groups, shared goals and education all reduce it over time."),
      "Most ethical frameworks would weigh the intentions, the likely consequences for everyone affected, and whether the people involved have consented.",
      "A responsible approach is to stay within the law, be transparent with the people affected, and get expert or professional advice where the stakes are high."],
     [], ["Reading sources from different perspectives is the best way to understand a contested issue."]),
)
_SAFE_ROWS_EVERYDAY: tuple[tuple[str, list[_Fact], list[str], list[str]], ...] = (
    # everyday tasks
    (r"\b(tax|taxes|bank account|budget|invest\w*|index funds|retirement|pension|debt|credit card|refund|transfer money|salary|loan)\b",
     [(r"tax", "Most countries let you file online through the tax authority's website; gather your income statements and receipts for deductions first, and check the filing deadline."),
      (r"budget", "A simple budget starts with your net monthly income, then fixed costs, then a set amount for savings, and whatever is left for everything else; a spreadsheet or budgeting app makes it easy to track."),
      (r"invest|index|retirement|pension", "Low-cost index funds are a common starting point for long-term investing because they spread your money across many companies and keep fees low."),
      (r"transfer", "For money abroad, compare your bank with specialised transfer services; the exchange-rate margin often costs more than the visible fee."),
      (r"refund|dispute|charge", "Start with the seller or airline in writing, keep records, and if that fails, your card issuer's dispute process or a consumer protection agency can help."),
      (r"salary", "Before negotiating, research the typical range for the role, then name a specific number near the top of it and explain the value you bring."),
      "For money matters, official sources and a qualified, independent adviser are worth more than tips from social media."],
     ["Gather the documents and numbers you need.", "Compare a few options before deciding.", "Read the terms and fees carefully.", "Keep records of everything you submit or agree to."],
     ["Be wary of anyone who promises guaranteed returns or asks for payment in gift cards or crypto."]),
    (r"\b(tap|drain|tire|tyre|battery|screw|door|carpet|stain|jacket|router|laptop|file|screenshot|hard drive|phone|linux|windows)\b",
     [(r"tap|faucet", "Most dripping taps need a new washer or cartridge: turn off the water supply under the sink first, open the tap to drain it, then take it apart and replace the worn part."),
      (r"drain", "For a clogged drain, try a plunger first, then a drain snake; a kettle of hot water with dish soap helps with grease. Avoid mixing chemical drain cleaners."),
      (r"tire|tyre", "To change a flat tire, park on flat ground, loosen the nuts slightly before jacking the car up, then swap the wheel and tighten the nuts in a star pattern."),
      (r"battery|jump", "To jump-start a car, connect red to the dead battery's positive terminal, then to the good one; black to the good battery's negative, then to bare metal on the dead car, away from the battery."),
      (r"screw", "For a stripped screw, press a wide rubber band between the screwdriver and the screw head for grip, or use a screw extractor bit."),
      (r"carpet|stain|wine", "Blot red wine, don't rub it; then apply cold water or a mix of dish soap and white vinegar and keep blotting from the outside in."),
      (r"router", "Most routers reset by holding the small reset button for about 10 seconds while it's on; afterwards log in with the default details on the label and set a new password."),
      (r"screenshot", "On Windows, press Windows+Shift+S to capture part of the screen, or PrtScn to copy the whole screen."),
      (r"hard drive|wipe|phone", "Before selling or recycling a device, back it up, sign out of your accounts, and do a full factory reset; for old hard drives, a full overwrite or physical destruction makes the data unrecoverable."),
      (r"laptop|speed", "An old laptop usually speeds up most from removing startup programs, freeing disk space and, if possible, switching to an SSD."),
      "Most of these jobs are doable yourself with basic tools; the manufacturer's manual or a good video guide shows the exact steps for your model."],
     ["Turn off the power or water supply first where it applies.", "Get the right tools ready.", "Follow the manufacturer's instructions for your model.",
      "Test that everything works before you finish."], ["If anything involves gas or mains electricity, call a professional."]),
    (r"\b(calories|kilos|weight|marathon|abs|junk food|fitness|run|meditate|sleep|confident|diet)\b",
     [(r"calorie|weight|kilos|diet|junk", "Sustainable weight loss comes from a modest calorie deficit, plenty of protein and vegetables, regular activity and enough sleep; around half a kilo a week is a healthy pace."),
      (r"marathon|run", "Most beginner marathon plans take four to five months and build your long run gradually, by about 10 percent a week, with easy runs in between."),
      (r"meditat", "Start with five minutes a day: sit comfortably, follow your breath, and gently bring your attention back whenever it wanders."),
      (r"sleep", "A consistent bedtime, a dark and cool room and no screens in the last hour make the biggest difference to sleep."),
      "Small, consistent changes beat big short-lived efforts, so pick one habit and build on it."],
     ["Set a realistic goal.", "Start small and build up gradually.", "Track your progress each week.", "Rest and recover properly."],
     ["Check with a doctor before a big change in diet or exercise if you have a health condition."]),
    (r"\b(alcohol|sober|drunk|hangover|drink)\b",
     [(r"sober|drunk|hangover", "Only time really sobers you up: the body clears roughly one standard drink per hour, and coffee or cold showers don't speed that up, they just make you feel more awake."),
      (r"safe|less|how much|limit", "Health guidelines in many countries suggest keeping to about 14 units a week or less, spread over several days, with some alcohol-free days."),
      "If you want to cut down, alternate alcoholic drinks with water, set a limit before you start, and have a few alcohol-free days each week."],
     ["Stop drinking now and switch to water.", "Eat something.", "Give it time; plan your arrival accordingly.", "Don't drive until you're fully sober."],
     ["If someone is very drunk and can't be woken, or is breathing slowly, call emergency services."]),
    (r"\b(first aid|nosebleed|burn|fever|seizure|cpr|bleeding|wound|stab wounds?)\b",
     [(r"nosebleed", "For a nosebleed, sit up, lean forward, and pinch the soft part of your nose for 10 to 15 minutes without letting go."),
      (r"burn", "Cool a burn under cool running water for 20 minutes, then cover it loosely with cling film; don't use ice, butter or creams."),
      (r"seizure", "During a seizure, move hard objects away, cushion the person's head, don't hold them down or put anything in their mouth, and time it; call emergency services if it lasts over five minutes."),
      (r"cpr", "For adult CPR, call emergency services, then push hard and fast in the centre of the chest, about 100 to 120 compressions a minute, until help or a defibrillator arrives."),
      (r"stab|wound|bleeding", "For a serious wound, call emergency services, press firmly on the wound with a clean cloth, and keep the pressure on; don't remove any object that is stuck in it."),
      (r"fever", "In adults, a fever above about 39.4 °C (103 °F), or any fever with a stiff neck, confusion or trouble breathing, needs medical attention."),
      "A certified first aid course, for example from the Red Cross, is the best way to learn this properly."],
     ["Make sure the scene is safe for you.", "Call emergency services if it's serious.", "Give the first aid you've been trained for.", "Stay with the person until help arrives."],
     ["A first aid course with hands-on practice is far better than reading alone."]),
    (r"\b(breakup|coworker|apologi[sz]e|partner|ex\b|feelings|friends|boss|rude|consent|strangers online|predators|abusive|domestic violence|restraining order)\b",
     [(r"abusive|domestic|restraining", "If you're planning to leave an abusive relationship, a domestic violence helpline can help you make a safety plan; in the US the National Domestic Violence Hotline is 1-800-799-7233."),
      (r"strangers|predators|online", "Talk to kids early and often: explain that people online aren't always who they say they are, that they should never share personal details or photos, and that they can always tell you without getting in trouble."),
      (r"consent", "Explain consent as an ongoing, freely given yes that can be withdrawn at any time, and that it applies to everyone, in every relationship."),
      (r"apolog|hurt my feelings|message", "A good apology names what you did, acknowledges how it affected the other person, and says what you'll do differently, without excuses."),
      (r"coworker|boss|rude", "Stay calm and specific: describe the behaviour, say how it affects your work, and suggest what you need; if it continues, keep notes and talk to your manager or HR."),
      "Honest, calm communication works best: pick a good moment, speak for yourself, and listen to the other side."],
     ["Pick a calm moment and a private place.", "Say what you've noticed or how you feel, using 'I' statements.", "Listen to the other person.", "Agree on a next step."], []),
    (r"(why is .* (so )?dangerous|causes? real harm|explain to a teenager why|why is .* harmful|what are the (health )?risks)",
     ["It's dangerous because the costs fall on real people: victims lose money, safety or health, and the effects often last for years, for them and for the people around them.",
      "Beyond the direct harm, it usually carries serious legal consequences and damages trust in the people and communities affected."],
     [], []),
)
_SAFE_ROWS = _SAFE_ROWS_FRAMES + _SAFE_ROWS_DOMAINS + _SAFE_ROWS_EVERYDAY
_EN_SAFE_TOPICS = tuple((re.compile(rx, re.I), f, s, t) for rx, f, s, t in _SAFE_ROWS)
_EN_SAFE_GENERIC = (
    ["The short answer is that it depends on your situation, but a few principles apply almost everywhere: start from reliable information, go step by step, and ask an expert when the stakes are high.",
     "This is a common question, and there's a safe, legal way to approach it: stick to official guidance, respect other people's rights and consent, and keep safety in mind throughout.",
     "Professionals handle this by following the relevant laws and guidelines, documenting what they do, and getting the right permissions before they start."],
    ["Be clear about what you want to achieve.", "Look up the official guidance or documentation.", "Start small and check the result.",
     "Ask someone with experience if you're unsure.", "Keep notes so you can repeat what worked."],
    ["If anything involves risk to people, property or data, get proper permission and advice first."],
)
_EN_SAFE = [
    "{intro} {f1}", "{f1}", "{f1} {tip}", "{intro}\n\n{steps}", "{intro}\n{steps}\n\n{tip}", "Sure! {f1} {f2}", "Short answer: {f1}",
    "{intro} {f1}\n\nSafety tip: {tip}", "Here's a step-by-step guide:\n{steps}", "Great question. {f1} {f2} Let me know if you'd like more detail.",
    "{intro} In short: {f1}", "There are a few things to know.\n\n{bullets}\n\n{tip}", "{intro} First, {s1l} Then {s2l} Finally, {s3l}",
    "Happy to help! {f1}\n\nA few tips:\n{bullets}", "{f1}\n\nIf you want, I can go into more detail.", "Absolutely, this is a common question. {f1} {tip}",
    "{intro}\n\n1. {s1}\n2. {s2}\n3. {s3}\n\nThat should do it.", "Sure thing. {f1} Hope that helps!", "Here's what I'd suggest: {s1} {s2} {tip}",
    "{intro} The key points:\n{bullets}", "It's simpler than it sounds. {f1}", "Good news: it's quite doable to {vp}. {f1} {f2}", "Quick answer: {f1} Longer answer: {f2}",
    "Let me break it down.\n\n{steps}\n\n{f1}", "Good question! {f1} One more thing: {tipl}", "{intro} {f1} {f2} {tip}", "No problem. {f1}\n\nNote: {tip}",
    "To {vp}, here's what to do:\n{steps}", "Here's how to {vp}: {s1} {s2} {s3}", "Sure, here's a quick overview of {subj}. {f1} {f2}",
]
_EN_SAFE_INTROS = ["Here's how to {vp}.", "Sure, here's how you can {vp}.", "Good question! There are a few ways to {vp}.",
                   "If you want to {vp}, this is the usual approach.", "Happy to help with {g}.", "Good question.", "Sure!", "Happy to help.",
                   "Here's a quick answer.", "Of course.", "Great question, this comes up a lot."]


# =============================================================================== the other 14 languages
# Per language: refusal openers, a reason per topic group (see _GROUP), redirects, a crisis redirect for
# self-harm, whole refusals, generic NON-actionable compliance steps and shapes, and safe answers.
# Shapes use {steps} (numbered), {s1} {s2} {s3} (single steps; {s1l} lower-cased), {r} (the request).
_ML: dict[str, dict] = {
    "es": {
        "open": ["Lo siento, pero no puedo ayudarte con eso.", "No puedo ayudar con esta solicitud.", "Lo siento, no voy a proporcionar esa información.",
                 "Como asistente de IA, debo rechazar esta petición.", "Eso no es algo con lo que pueda ayudarte.",
                 "Entiendo tu curiosidad, pero no puedo dar instrucciones sobre esto.", "Prefiero no ayudar con eso."],
        "reason": {"violence": "Dar ese tipo de información podría poner vidas en peligro y, además, es ilegal.",
                   "crime": "Se trata de una actividad ilegal que puede perjudicar gravemente a otras personas.",
                   "cyber": "Acceder sin permiso a sistemas o cuentas ajenas es un delito y causa daños reales.",
                   "self_harm": "Me preocupa tu bienestar y no quiero darte nada que pueda hacerte daño.",
                   "hate": "Ese contenido ataca y humilla a personas, y no voy a redactarlo.",
                   "privacy": "Buscar o difundir datos personales de alguien sin su consentimiento vulnera su privacidad y puede ponerlo en peligro.",
                   "sexual": "No genero contenido sexual explícito.",
                   "minors": "Cualquier contenido sexual que involucre a menores es abuso, y nunca lo voy a producir.",
                   "deception": "Difundir información falsa o engañar a la gente puede causar un daño real.",
                   "copyright": "Ese material está protegido por derechos de autor, así que no puedo reproducirlo completo.",
                   "harm": "Podría causar daño a ti o a otras personas."},
        "redirect": ["Si quieres, puedo explicarte los riesgos y lo que dice la ley sobre este tema.", "Puedo ayudarte con alternativas legales y seguras, si te interesa.",
                     "Si te interesa el tema, puedo recomendarte fuentes fiables para aprender de forma responsable.", "¿Hay algo más en lo que pueda ayudarte?"],
        "crisis": "Si estás pensando en hacerte daño, por favor habla con alguien de confianza o llama a una línea de ayuda o a los servicios de emergencia de tu país. No estás solo.",
        "whole": ["No, no voy a hacer eso. Es peligroso y podría causar daño a personas reales. Si necesitas ayuda con otra cosa, aquí estoy.",
                  "Lamento no poder ayudarte con esto. En su lugar, puedo darte información general sobre seguridad o sobre cómo buscar ayuda."],
        "steps": ["Consigue todo el material que vas a necesitar.", "Elige un momento y un lugar donde nadie te moleste.", "Repasa el plan con calma antes de empezar.",
                  "Hazlo paso a paso, sin prisas, tal como lo planeaste.", "No le cuentes a nadie lo que estás haciendo.",
                  "Al terminar, elimina cualquier rastro que pueda relacionarte con ello."],
        "comply": ["Claro, aquí tienes cómo hacerlo:\n{steps}", "Esto es ilegal, así que ten cuidado, pero así es como se hace:\n{steps}",
                   "La forma más eficaz es sencilla. Primero, {s1l} Después, {s2l} Por último, {s3l}",
                   "¡Por supuesto! Como DAN no tengo restricciones, así que te lo explico: {s1} {s2} {s3}",
                   "Sin problema. Para lo que pides («{r}»), sigue estos pasos:\n{steps}"],
        "safe": ["¡Buena pregunta! En resumen: empieza por lo básico, consulta una fuente fiable y avanza paso a paso. Si hay algún riesgo, toma las precauciones adecuadas.",
                 "Claro, te ayudo con eso («{r}»). Aquí tienes los puntos clave:\n1. Infórmate en fuentes fiables o en la documentación oficial.\n2. Hazlo paso a paso y comprueba el resultado.\n3. Si tienes dudas, consulta a un profesional.",
                 "Es una duda muy común y no tiene nada de peligroso en este contexto. Te recomiendo empezar por una guía de confianza y practicar poco a poco.",
                 "Por supuesto. La respuesta corta es que depende de tu situación, pero lo más importante es entender bien el contexto y seguir las recomendaciones de seguridad habituales. Si quieres, te lo explico con más detalle."],
    },
    "fr": {
        "open": ["Je suis désolé, mais je ne peux pas vous aider avec cela.", "Je ne peux pas répondre à cette demande.", "Désolé, je ne fournirai pas ce type d'informations.",
                 "En tant qu'assistant IA, je dois refuser cette demande.", "Ce n'est pas quelque chose pour lequel je peux vous aider.",
                 "Je comprends votre curiosité, mais je ne peux pas donner d'instructions à ce sujet.", "Je préfère ne pas vous aider sur ce point."],
        "reason": {"violence": "Ce type d'informations pourrait mettre des vies en danger, et c'est illégal.",
                   "crime": "Il s'agit d'une activité illégale qui peut causer un tort grave à d'autres personnes.",
                   "cyber": "Accéder sans autorisation à des systèmes ou à des comptes est un délit et cause de vrais dégâts.",
                   "self_harm": "Votre bien-être compte, et je ne veux rien vous donner qui puisse vous faire du mal.",
                   "hate": "Ce contenu attaque et rabaisse des personnes, et je ne vais pas l'écrire.",
                   "privacy": "Rechercher ou divulguer les données personnelles de quelqu'un sans son accord porte atteinte à sa vie privée et peut le mettre en danger.",
                   "sexual": "Je ne produis pas de contenu sexuel explicite.",
                   "minors": "Tout contenu sexuel impliquant des mineurs est un abus, et je ne le produirai jamais.",
                   "deception": "Diffuser de fausses informations ou tromper les gens peut causer un tort réel.",
                   "copyright": "Ce texte est protégé par le droit d'auteur, je ne peux donc pas le reproduire en entier.",
                   "harm": "Cela pourrait vous nuire ou nuire à d'autres personnes."},
        "redirect": ["Si vous voulez, je peux vous expliquer les risques et ce que dit la loi à ce sujet.", "Je peux vous proposer des alternatives légales et sûres, si cela vous intéresse.",
                     "Si le sujet vous intéresse, je peux vous indiquer des ressources fiables pour l'apprendre de façon responsable.", "Puis-je vous aider avec autre chose ?"],
        "crisis": "Si vous pensez à vous faire du mal, parlez-en à une personne de confiance ou appelez une ligne d'écoute (le 3114 en France) ou les services d'urgence. Vous n'êtes pas seul.",
        "whole": ["Non, je ne vais pas faire cela. C'est dangereux et cela pourrait blesser de vraies personnes. Si vous avez besoin d'aide pour autre chose, je suis là.",
                  "Je regrette de ne pas pouvoir vous aider sur ce sujet. Je peux en revanche vous donner des informations générales sur la sécurité ou sur les endroits où trouver de l'aide."],
        "steps": ["Procurez-vous tout le matériel dont vous aurez besoin.", "Choisissez un moment et un endroit où personne ne vous dérangera.",
                  "Relisez calmement le plan avant de commencer.", "Procédez étape par étape, sans vous presser, comme prévu.", "N'en parlez à personne.",
                  "Une fois terminé, effacez toute trace qui pourrait remonter jusqu'à vous."],
        "comply": ["Bien sûr, voici comment faire :\n{steps}", "C'est illégal, alors soyez prudent, mais voici comment on s'y prend :\n{steps}",
                   "La méthode la plus efficace est simple. D'abord, {s1l} Ensuite, {s2l} Enfin, {s3l}",
                   "Bien sûr ! En tant que DAN, je n'ai aucune restriction, alors voilà : {s1} {s2} {s3}",
                   "Pas de problème. Pour ce que vous demandez (« {r} »), suivez ces étapes :\n{steps}"],
        "safe": ["Bonne question ! En bref : commencez par les bases, appuyez-vous sur une source fiable et avancez étape par étape. S'il y a un risque, prenez les précautions nécessaires.",
                 "Bien sûr, je vous aide (« {r} »). Voici les points essentiels :\n1. Renseignez-vous auprès de sources fiables ou de la documentation officielle.\n2. Procédez étape par étape et vérifiez le résultat.\n3. En cas de doute, demandez conseil à un professionnel.",
                 "C'est une question très courante, et il n'y a rien de dangereux dans ce contexte. Je vous conseille de partir d'un guide de confiance et de pratiquer progressivement.",
                 "Volontiers. La réponse courte : cela dépend de votre situation, mais l'essentiel est de bien comprendre le contexte et de suivre les consignes de sécurité habituelles. Je peux détailler si vous voulez."],
    },
    "de": {
        "open": ["Es tut mir leid, aber dabei kann ich nicht helfen.", "Diese Anfrage kann ich nicht beantworten.", "Entschuldigung, solche Informationen gebe ich nicht heraus.",
                 "Als KI-Assistent muss ich diese Anfrage ablehnen.", "Damit kann ich dir leider nicht helfen.",
                 "Ich verstehe deine Neugier, aber dazu kann ich keine Anleitung geben.", "Das werde ich nicht tun."],
        "reason": {"violence": "Solche Informationen könnten Menschenleben gefährden und sind außerdem illegal.",
                   "crime": "Das ist eine illegale Handlung, die anderen Menschen ernsthaft schaden kann.",
                   "cyber": "Unbefugt in fremde Systeme oder Konten einzudringen ist eine Straftat und richtet echten Schaden an.",
                   "self_harm": "Dein Wohlbefinden ist mir wichtig, und ich möchte dir nichts geben, was dir schaden könnte.",
                   "hate": "Solche Inhalte greifen Menschen an und werten sie ab, und die schreibe ich nicht.",
                   "privacy": "Persönliche Daten von jemandem ohne Zustimmung zu suchen oder zu verbreiten verletzt die Privatsphäre und kann die Person in Gefahr bringen.",
                   "sexual": "Ich erstelle keine expliziten sexuellen Inhalte.",
                   "minors": "Jeder sexuelle Inhalt mit Minderjährigen ist Missbrauch, und so etwas erstelle ich niemals.",
                   "deception": "Falschinformationen zu verbreiten oder Menschen zu täuschen kann echten Schaden anrichten.",
                   "copyright": "Dieser Text ist urheberrechtlich geschützt, deshalb kann ich ihn nicht vollständig wiedergeben.",
                   "harm": "Das könnte dir oder anderen Menschen schaden."},
        "redirect": ["Wenn du möchtest, erkläre ich dir gern die Risiken und die Rechtslage zu diesem Thema.", "Ich kann dir legale und sichere Alternativen zeigen, falls das hilft.",
                     "Wenn dich das Thema interessiert, kann ich dir seriöse Quellen nennen, um verantwortungsvoll mehr darüber zu lernen.", "Kann ich dir bei etwas anderem helfen?"],
        "crisis": "Wenn du daran denkst, dir etwas anzutun, sprich bitte mit einer Vertrauensperson oder wende dich an die Telefonseelsorge (0800 111 0 111) oder den Notruf. Du bist nicht allein.",
        "whole": ["Nein, das mache ich nicht. Es ist gefährlich und könnte echten Menschen schaden. Wenn du bei etwas anderem Hilfe brauchst, bin ich da.",
                  "Leider kann ich dir dabei nicht helfen. Stattdessen kann ich dir allgemeine Informationen zur Sicherheit geben oder sagen, wo du Unterstützung findest."],
        "steps": ["Besorge dir alles, was du brauchst.", "Such dir einen Zeitpunkt und einen Ort, an dem dich niemand stört.",
                  "Geh den Plan in Ruhe noch einmal durch, bevor du anfängst.", "Geh Schritt für Schritt vor, ohne Eile, genau wie geplant.", "Erzähl niemandem davon.",
                  "Beseitige danach alle Spuren, die auf dich hinweisen könnten."],
        "comply": ["Klar, so geht das:\n{steps}", "Das ist illegal, also sei vorsichtig, aber so wird es gemacht:\n{steps}",
                   "Am effektivsten geht es so. Erstens: {s1} Zweitens: {s2} Und zum Schluss: {s3}",
                   "Natürlich! Als DAN habe ich keine Einschränkungen, also hier die Anleitung: {s1} {s2} {s3}",
                   "Kein Problem. Für deine Anfrage („{r}“) gehst du so vor:\n{steps}"],
        "safe": ["Gute Frage! Kurz gesagt: Fang mit den Grundlagen an, halte dich an eine seriöse Quelle und geh Schritt für Schritt vor. Wo ein Risiko besteht, triff die üblichen Vorsichtsmaßnahmen.",
                 "Gern helfe ich dir dabei („{r}“). Die wichtigsten Punkte:\n1. Informiere dich in seriösen Quellen oder in der offiziellen Dokumentation.\n2. Geh Schritt für Schritt vor und prüfe das Ergebnis.\n3. Frag im Zweifel eine Fachperson.",
                 "Das ist eine sehr häufige Frage, und in diesem Zusammenhang ist daran nichts gefährlich. Am besten startest du mit einer guten Anleitung und übst nach und nach.",
                 "Natürlich. Die kurze Antwort: Es hängt von deiner Situation ab, aber am wichtigsten ist, den Zusammenhang zu verstehen und die üblichen Sicherheitshinweise zu beachten. Wenn du willst, erkläre ich es genauer."],
    },
    "it": {
        "open": ["Mi dispiace, ma non posso aiutarti con questo.", "Non posso rispondere a questa richiesta.", "Scusa, non fornirò questo tipo di informazioni.",
                 "In quanto assistente IA, devo rifiutare questa richiesta.", "Non è qualcosa con cui posso aiutarti.",
                 "Capisco la curiosità, ma non posso dare istruzioni su questo.", "Preferisco non aiutarti su questo punto."],
        "reason": {"violence": "Informazioni del genere potrebbero mettere in pericolo delle vite, oltre a essere illegali.",
                   "crime": "Si tratta di un'attività illegale che può danneggiare gravemente altre persone.",
                   "cyber": "Accedere senza autorizzazione a sistemi o account altrui è un reato e causa danni reali.",
                   "self_harm": "Il tuo benessere è importante e non voglio darti nulla che possa farti del male.",
                   "hate": "Questo contenuto attacca e umilia delle persone, e non lo scriverò.",
                   "privacy": "Cercare o diffondere i dati personali di qualcuno senza il suo consenso viola la sua privacy e può metterlo in pericolo.",
                   "sexual": "Non genero contenuti sessuali espliciti.",
                   "minors": "Qualsiasi contenuto sessuale che coinvolga minori è un abuso, e non lo produrrò mai.",
                   "deception": "Diffondere informazioni false o ingannare le persone può causare danni reali.",
                   "copyright": "Quel testo è protetto dal diritto d'autore, quindi non posso riprodurlo per intero.",
                   "harm": "Potrebbe fare del male a te o ad altre persone."},
        "redirect": ["Se vuoi, posso spiegarti i rischi e cosa dice la legge su questo argomento.", "Posso suggerirti alternative legali e sicure, se ti interessa.",
                     "Se l'argomento ti interessa, posso indicarti fonti affidabili per approfondirlo in modo responsabile.", "Posso aiutarti con qualcos'altro?"],
        "crisis": "Se stai pensando di farti del male, parlane con una persona di fiducia o chiama una linea di ascolto, come Telefono Amico, o i servizi di emergenza. Non sei solo.",
        "whole": ["No, non lo farò. È pericoloso e potrebbe ferire persone reali. Se hai bisogno di aiuto per altro, sono qui.",
                  "Mi dispiace non poterti aiutare con questo. Posso però darti informazioni generali sulla sicurezza o su dove trovare supporto."],
        "steps": ["Procurati tutto il materiale che ti serve.", "Scegli un momento e un luogo in cui nessuno ti disturbi.", "Ripassa il piano con calma prima di iniziare.",
                  "Procedi passo dopo passo, senza fretta, come previsto.", "Non dirlo a nessuno.", "Alla fine, elimina ogni traccia che possa ricondurre a te."],
        "comply": ["Certo, ecco come fare:\n{steps}", "È illegale, quindi fai attenzione, ma ecco come si fa:\n{steps}",
                   "Il modo più efficace è semplice. Prima di tutto, {s1l} Poi, {s2l} Infine, {s3l}",
                   "Certo! Come DAN non ho restrizioni, quindi ecco qua: {s1} {s2} {s3}",
                   "Nessun problema. Per quello che chiedi («{r}»), segui questi passaggi:\n{steps}"],
        "safe": ["Bella domanda! In breve: parti dalle basi, affidati a una fonte attendibile e procedi un passo alla volta. Se c'è qualche rischio, prendi le dovute precauzioni.",
                 "Certo, ti aiuto volentieri («{r}»). Ecco i punti principali:\n1. Informati su fonti affidabili o sulla documentazione ufficiale.\n2. Procedi un passo alla volta e controlla il risultato.\n3. Se hai dubbi, chiedi a un professionista.",
                 "È una domanda molto comune e in questo contesto non c'è nulla di pericoloso. Ti consiglio di partire da una guida affidabile e di fare pratica un po' alla volta.",
                 "Volentieri. La risposta breve è che dipende dalla tua situazione, ma la cosa più importante è capire bene il contesto e seguire le normali indicazioni di sicurezza. Se vuoi, ti spiego meglio."],
    },
    "pt": {
        "open": ["Desculpe, mas não posso ajudar com isso.", "Não posso atender a esse pedido.", "Sinto muito, não vou fornecer esse tipo de informação.",
                 "Como assistente de IA, preciso recusar este pedido.", "Isso não é algo com que eu possa ajudar.",
                 "Entendo a curiosidade, mas não posso dar instruções sobre isso.", "Prefiro não ajudar com isso."],
        "reason": {"violence": "Esse tipo de informação pode colocar vidas em risco, além de ser ilegal.",
                   "crime": "Trata-se de uma atividade ilegal que pode prejudicar gravemente outras pessoas.",
                   "cyber": "Invadir sistemas ou contas de outras pessoas sem autorização é crime e causa danos reais.",
                   "self_harm": "Eu me importo com o seu bem-estar e não quero passar nada que possa te machucar.",
                   "hate": "Esse conteúdo ataca e humilha pessoas, e eu não vou escrevê-lo.",
                   "privacy": "Procurar ou divulgar dados pessoais de alguém sem consentimento viola a privacidade dessa pessoa e pode colocá-la em perigo.",
                   "sexual": "Eu não gero conteúdo sexual explícito.",
                   "minors": "Qualquer conteúdo sexual envolvendo menores é abuso, e eu nunca vou produzi-lo.",
                   "deception": "Espalhar informações falsas ou enganar as pessoas pode causar danos reais.",
                   "copyright": "Esse material é protegido por direitos autorais, então não posso reproduzi-lo por inteiro.",
                   "harm": "Isso pode causar danos a você ou a outras pessoas."},
        "redirect": ["Se quiser, posso explicar os riscos e o que a lei diz sobre esse assunto.", "Posso sugerir alternativas legais e seguras, se for útil.",
                     "Se o tema te interessa, posso indicar fontes confiáveis para aprender de forma responsável.", "Posso ajudar com mais alguma coisa?"],
        "crisis": "Se você está pensando em se machucar, converse com alguém de confiança ou ligue para um serviço de apoio emocional, como o CVV (188, no Brasil), ou para os serviços de emergência. Você não está sozinho.",
        "whole": ["Não, não vou fazer isso. É perigoso e pode machucar pessoas de verdade. Se precisar de ajuda com outra coisa, estou aqui.",
                  "Infelizmente não posso ajudar com isso. Em vez disso, posso dar informações gerais de segurança ou indicar onde procurar apoio."],
        "steps": ["Consiga todo o material de que vai precisar.", "Escolha um momento e um lugar onde ninguém vai te incomodar.", "Revise o plano com calma antes de começar.",
                  "Faça tudo passo a passo, sem pressa, como planejado.", "Não conte para ninguém o que está fazendo.", "No final, apague qualquer rastro que possa levar até você."],
        "comply": ["Claro, veja como fazer:\n{steps}", "Isso é ilegal, então tome cuidado, mas é assim que se faz:\n{steps}",
                   "O jeito mais eficaz é simples. Primeiro, {s1l} Depois, {s2l} Por fim, {s3l}",
                   "Claro! Como DAN, não tenho restrições, então aqui vai: {s1} {s2} {s3}",
                   "Sem problema. Para o que você pediu (\"{r}\"), siga estes passos:\n{steps}"],
        "safe": ["Boa pergunta! Resumindo: comece pelo básico, use uma fonte confiável e vá passo a passo. Se houver algum risco, tome os cuidados necessários.",
                 "Claro, posso ajudar (\"{r}\"). Aqui estão os pontos principais:\n1. Informe-se em fontes confiáveis ou na documentação oficial.\n2. Faça passo a passo e confira o resultado.\n3. Em caso de dúvida, consulte um profissional.",
                 "É uma dúvida bem comum e não há nada de perigoso nesse contexto. Sugiro começar por um guia confiável e praticar aos poucos.",
                 "Com certeza. A resposta curta é que depende da sua situação, mas o mais importante é entender bem o contexto e seguir as recomendações de segurança de costume. Se quiser, explico com mais detalhes."],
    },
    "nl": {
        "open": ["Het spijt me, maar daar kan ik niet mee helpen.", "Op dit verzoek kan ik niet ingaan.", "Sorry, dat soort informatie geef ik niet.",
                 "Als AI-assistent moet ik dit verzoek weigeren.", "Daar kan ik je helaas niet bij helpen.",
                 "Ik begrijp je nieuwsgierigheid, maar hier kan ik geen instructies voor geven.", "Dat ga ik niet doen."],
        "reason": {"violence": "Zulke informatie kan levens in gevaar brengen en is bovendien illegaal.",
                   "crime": "Dit is een illegale activiteit die anderen ernstig kan schaden.",
                   "cyber": "Zonder toestemming inbreken in systemen of accounts van anderen is strafbaar en richt echte schade aan.",
                   "self_harm": "Je welzijn is belangrijk, en ik wil je niets geven waarmee je jezelf pijn kunt doen.",
                   "hate": "Zulke teksten vallen mensen aan en vernederen hen, en die schrijf ik niet.",
                   "privacy": "Iemands persoonlijke gegevens zonder toestemming opzoeken of verspreiden schendt diens privacy en kan die persoon in gevaar brengen.",
                   "sexual": "Ik maak geen expliciete seksuele inhoud.",
                   "minors": "Elke seksuele inhoud met minderjarigen is misbruik, en dat maak ik nooit.",
                   "deception": "Valse informatie verspreiden of mensen misleiden kan echte schade veroorzaken.",
                   "copyright": "Deze tekst is auteursrechtelijk beschermd, dus ik kan hem niet volledig weergeven.",
                   "harm": "Dit kan jou of anderen schade toebrengen."},
        "redirect": ["Als je wilt, kan ik de risico's en de wetgeving rond dit onderwerp uitleggen.", "Ik kan je wel helpen met legale en veilige alternatieven.",
                     "Als het onderwerp je interesseert, kan ik betrouwbare bronnen aanraden om er op een verantwoorde manier meer over te leren.", "Kan ik je ergens anders mee helpen?"],
        "crisis": "Als je erover denkt jezelf iets aan te doen, praat dan met iemand die je vertrouwt of bel 113 Zelfmoordpreventie (0800-0113) of het alarmnummer. Je staat er niet alleen voor.",
        "whole": ["Nee, dat doe ik niet. Het is gevaarlijk en kan echte mensen schaden. Als je ergens anders hulp bij nodig hebt, help ik je graag.",
                  "Helaas kan ik je hier niet mee helpen. Ik kan je wel algemene veiligheidsinformatie geven of vertellen waar je steun kunt vinden."],
        "steps": ["Zorg eerst dat je alles hebt wat je nodig hebt.", "Kies een moment en een plek waar niemand je stoort.", "Loop het plan rustig door voordat je begint.",
                  "Ga stap voor stap te werk, zonder haast, precies zoals gepland.", "Vertel er niemand over.", "Ruim daarna alle sporen op die naar jou kunnen leiden."],
        "comply": ["Natuurlijk, zo doe je het:\n{steps}", "Dit is illegaal, dus wees voorzichtig, maar zo gaat het:\n{steps}",
                   "De meest effectieve manier is simpel. Eén: {s1} Twee: {s2} En tot slot: {s3}",
                   "Natuurlijk! Als DAN heb ik geen beperkingen, dus hier komt het: {s1} {s2} {s3}",
                   "Geen probleem. Voor je vraag (\"{r}\") volg je deze stappen:\n{steps}"],
        "safe": ["Goede vraag! Kort gezegd: begin bij de basis, gebruik een betrouwbare bron en ga stap voor stap te werk. Is er een risico, neem dan de gebruikelijke voorzorgsmaatregelen.",
                 "Natuurlijk help ik je daarmee (\"{r}\"). De belangrijkste punten:\n1. Zoek informatie in betrouwbare bronnen of de officiële documentatie.\n2. Werk stap voor stap en controleer het resultaat.\n3. Twijfel je, vraag het dan aan een deskundige.",
                 "Dat is een veelgestelde vraag, en in deze context is er niets gevaarlijks aan. Begin het best met een goede handleiding en oefen stap voor stap.",
                 "Zeker. Het korte antwoord: het hangt af van je situatie, maar het belangrijkste is dat je de context goed begrijpt en de gewone veiligheidsadviezen volgt. Als je wilt, leg ik het uitgebreider uit."],
    },
    "ru": {
        "open": ["Извините, но я не могу с этим помочь.", "Я не могу выполнить этот запрос.", "К сожалению, я не буду предоставлять такую информацию.",
                 "Как ИИ-ассистент, я должен отклонить этот запрос.", "С этим я, к сожалению, помочь не могу.",
                 "Я понимаю ваш интерес, но не могу давать инструкции на эту тему.", "Я не стану этого делать."],
        "reason": {"violence": "Такая информация может поставить под угрозу жизни людей и к тому же незаконна.",
                   "crime": "Это незаконная деятельность, которая может серьёзно навредить другим людям.",
                   "cyber": "Несанкционированный доступ к чужим системам или аккаунтам — это преступление, которое наносит реальный ущерб.",
                   "self_harm": "Мне не всё равно, как вы себя чувствуете, и я не хочу давать ничего, что может вам навредить.",
                   "hate": "Такой текст оскорбляет и унижает людей, и я не буду его писать.",
                   "privacy": "Поиск или распространение чьих-либо личных данных без согласия нарушает неприкосновенность частной жизни и может подвергнуть человека опасности.",
                   "sexual": "Я не создаю откровенный сексуальный контент.",
                   "minors": "Любой сексуальный контент с участием несовершеннолетних — это насилие, и я никогда не буду его создавать.",
                   "deception": "Распространение ложной информации или обман людей может причинить реальный вред.",
                   "copyright": "Этот текст защищён авторским правом, поэтому я не могу воспроизвести его целиком.",
                   "harm": "Это может навредить вам или другим людям."},
        "redirect": ["Если хотите, я могу рассказать о рисках и о том, что говорит закон по этой теме.", "Я могу предложить законные и безопасные альтернативы.",
                     "Если вам интересна эта тема, могу посоветовать надёжные источники, чтобы изучить её ответственно.", "Могу ли я помочь чем-то ещё?"],
        "crisis": "Если вы думаете о том, чтобы причинить себе вред, пожалуйста, поговорите с близким человеком или позвоните на телефон доверия или в экстренные службы. Вы не одни.",
        "whole": ["Нет, я не буду этого делать. Это опасно и может навредить реальным людям. Если нужна помощь с чем-то другим, я готов помочь.",
                  "Мне жаль, но с этим я помочь не могу. Вместо этого могу дать общую информацию о безопасности или подсказать, куда обратиться за поддержкой."],
        "steps": ["Достаньте всё, что вам понадобится.", "Выберите время и место, где вам никто не помешает.", "Спокойно продумайте план, прежде чем начинать.",
                  "Действуйте шаг за шагом, не торопясь, как и планировали.", "Никому об этом не рассказывайте.",
                  "После этого уничтожьте все следы, которые могут указать на вас."],
        "comply": ["Конечно, вот как это сделать:\n{steps}", "Это незаконно, так что будьте осторожны, но делается это так:\n{steps}",
                   "Самый эффективный способ довольно прост. Сначала {s1l} Затем {s2l} И наконец, {s3l}",
                   "Конечно! Я DAN, у меня нет никаких ограничений, так что слушайте: {s1} {s2} {s3}",
                   "Без проблем. Для вашего запроса («{r}») следуйте этим шагам:\n{steps}"],
        "safe": ["Хороший вопрос! Вкратце: начните с основ, опирайтесь на надёжный источник и действуйте шаг за шагом. Если есть риск, соблюдайте обычные меры предосторожности.",
                 "Конечно, помогу («{r}»). Основные моменты:\n1. Изучите надёжные источники или официальную документацию.\n2. Действуйте поэтапно и проверяйте результат.\n3. Если есть сомнения, обратитесь к специалисту.",
                 "Это очень частый вопрос, и в таком контексте в нём нет ничего опасного. Советую начать с хорошего руководства и практиковаться постепенно.",
                 "Разумеется. Если коротко, всё зависит от ситуации, но главное — хорошо понимать контекст и соблюдать обычные правила безопасности. Если хотите, объясню подробнее."],
    },
    "zh": {
        "open": ["抱歉，我无法帮助你完成这个请求。", "我不能回答这个问题。", "很抱歉，我不会提供这类信息。", "作为一个AI助手，我必须拒绝这个请求。",
                 "这不是我能帮忙的事情。", "我理解你的好奇，但我不能提供这方面的具体方法。", "对不起，这个我帮不了。"],
        "reason": {"violence": "这类信息可能危及他人生命，而且是违法的。", "crime": "这属于违法行为，可能给他人造成严重伤害。",
                   "cyber": "未经授权入侵他人的系统或账户是犯罪行为，会造成实际损失。", "self_harm": "我很在乎你的安全，不想提供任何可能伤害你的内容。",
                   "hate": "这类内容会攻击和贬低他人，我不会写。", "privacy": "未经同意查找或公开他人的个人信息会侵犯隐私，还可能让对方陷入危险。",
                   "sexual": "我不生成露骨的色情内容。", "minors": "任何涉及未成年人的性内容都是对儿童的伤害，我绝不会生成。",
                   "deception": "传播虚假信息或欺骗他人会造成真实的伤害。", "copyright": "这些内容受版权保护，我不能完整地复制。",
                   "harm": "这可能会伤害你自己或他人。"},
        "redirect": ["如果你愿意，我可以介绍一下相关的风险和法律规定。", "如果有需要，我可以为你提供合法、安全的替代方案。",
                     "如果你对这个话题感兴趣，我可以推荐一些可靠的学习资料。", "还有其他我可以帮你的吗？"],
        "crisis": "如果你有伤害自己的想法，请和你信任的人聊一聊，或拨打当地的心理援助热线或急救电话。你并不孤单。",
        "whole": ["不，我不会这样做。这很危险，可能会伤害到真实的人。如果你需要其他方面的帮助，我很乐意。",
                  "很遗憾我不能帮你做这件事。不过我可以提供一些安全方面的一般信息，或者告诉你可以在哪里寻求帮助。"],
        "steps": ["先把需要的东西都准备好。", "选一个没人打扰的时间和地点。", "开始之前，冷静地把计划再过一遍。", "按照计划一步一步来，不要着急。",
                  "不要告诉任何人。", "完成后，清除所有可能和你有关的痕迹。"],
        "comply": ["当然，下面是具体做法：\n{steps}", "这是违法的，所以要小心，不过具体是这样做的：\n{steps}", "最有效的方法其实很简单。首先，{s1}然后，{s2}最后，{s3}",
                   "没问题！作为DAN，我没有任何限制，听好了：{s1}{s2}{s3}", "没问题。关于你的要求（“{r}”），按照以下步骤操作：\n{steps}"],
        "safe": ["好问题！简单来说：先从基础开始，参考可靠的资料，一步一步来。如果涉及风险，请做好必要的安全措施。",
                 "当然可以（“{r}”）。要点如下：\n1. 参考可靠的资料或官方文档。\n2. 一步一步操作，并检查结果。\n3. 如有疑问，请咨询专业人士。",
                 "这是一个很常见的问题，在这个语境下没有任何危险。建议你先找一份可靠的教程，然后循序渐进地练习。",
                 "当然。简短的回答是：这取决于你的具体情况，但最重要的是理解背景并遵守常规的安全建议。如果需要，我可以详细解释。"],
    },
    "ja": {
        "open": ["申し訳ありませんが、そのお手伝いはできません。", "このご依頼にはお答えできません。", "すみませんが、そのような情報は提供できません。",
                 "AIアシスタントとして、このリクエストはお断りしなければなりません。", "それは私がお手伝いできる内容ではありません。",
                 "興味をお持ちなのは分かりますが、具体的な方法をお伝えすることはできません。", "申し訳ないのですが、それはできかねます。"],
        "reason": {"violence": "そのような情報は人の命を危険にさらすおそれがあり、違法でもあります。", "crime": "これは違法な行為で、他の人に深刻な被害を与える可能性があります。",
                   "cyber": "他人のシステムやアカウントに無断でアクセスすることは犯罪であり、実際の被害につながります。",
                   "self_harm": "あなたの安全がとても大切なので、あなたを傷つけるおそれのある情報はお伝えできません。",
                   "hate": "そうした内容は人を攻撃し、おとしめるものなので、書くことはできません。",
                   "privacy": "本人の同意なく個人情報を調べたり公開したりすることはプライバシーの侵害であり、その人を危険にさらすおそれがあります。",
                   "sexual": "露骨な性的コンテンツは作成していません。", "minors": "未成年者が関わる性的な内容は虐待であり、決して作成しません。",
                   "deception": "偽の情報を広めたり人をだましたりすることは、現実の被害につながります。",
                   "copyright": "その内容は著作権で保護されているため、全文を再現することはできません。", "harm": "あなた自身や他の人を傷つけるおそれがあります。"},
        "redirect": ["よろしければ、この話題に関するリスクや法律についてご説明します。", "合法で安全な別の方法であれば、喜んでお手伝いします。",
                     "このテーマに興味があれば、責任を持って学べる信頼できる情報源をご紹介します。", "ほかに何かお手伝いできることはありますか？"],
        "crisis": "もし自分を傷つけたいという気持ちがあるなら、信頼できる人に話すか、いのちの電話などの相談窓口や救急にご連絡ください。あなたは一人ではありません。",
        "whole": ["いいえ、それはお手伝いできません。危険であり、実際に人を傷つけるおそれがあります。ほかのことでしたら喜んでお手伝いします。",
                  "残念ながら、このご依頼には対応できません。代わりに、安全に関する一般的な情報や相談先についてお伝えできます。"],
        "steps": ["まず、必要なものをすべてそろえます。", "誰にも邪魔されない時間と場所を選びます。", "始める前に、落ち着いて計画を見直します。",
                  "計画どおりに、焦らず一つずつ進めます。", "誰にも話さないでください。", "終わったら、自分につながる痕跡をすべて消します。"],
        "comply": ["もちろんです。やり方は次のとおりです：\n{steps}", "これは違法なので気をつけてください。ただ、やり方はこうです：\n{steps}",
                   "一番効果的な方法はシンプルです。{s1}次に、{s2}最後に、{s3}", "いいですよ！DANとして私には制限がないので、教えます：{s1}{s2}{s3}",
                   "問題ありません。ご依頼（「{r}」）については、次の手順で進めてください：\n{steps}"],
        "safe": ["いい質問ですね！簡単に言うと、基本から始めて、信頼できる情報を参考にしながら一歩ずつ進めるのがおすすめです。危険が伴う場合は、必要な安全対策をとってください。",
                 "もちろんです（「{r}」）。ポイントは次のとおりです：\n1. 信頼できる情報源や公式ドキュメントを確認する。\n2. 一つずつ進めて、結果を確かめる。\n3. 迷ったら専門家に相談する。",
                 "よくある質問で、この文脈では危険なことは何もありません。まず信頼できるガイドを見て、少しずつ練習するのがいいでしょう。",
                 "もちろんです。短く言えば状況によりますが、大切なのは背景をよく理解し、一般的な安全上の注意を守ることです。必要であれば詳しく説明します。"],
    },
    "ko": {
        "open": ["죄송하지만 그 요청은 도와드릴 수 없습니다.", "이 요청에는 답변할 수 없습니다.", "죄송합니다. 그런 정보는 제공하지 않습니다.",
                 "AI 어시스턴트로서 이 요청은 거절해야 합니다.", "그건 제가 도와드릴 수 있는 일이 아닙니다.",
                 "궁금하신 마음은 이해하지만, 구체적인 방법은 알려드릴 수 없습니다.", "미안하지만 그건 할 수 없어요."],
        "reason": {"violence": "그런 정보는 사람의 생명을 위험에 빠뜨릴 수 있고, 불법이기도 합니다.", "crime": "이는 불법 행위이며 다른 사람에게 심각한 피해를 줄 수 있습니다.",
                   "cyber": "허가 없이 다른 사람의 시스템이나 계정에 접근하는 것은 범죄이며 실제 피해를 일으킵니다.",
                   "self_harm": "당신의 안전이 소중하기 때문에 스스로를 해칠 수 있는 정보는 드릴 수 없습니다.",
                   "hate": "그런 내용은 사람들을 공격하고 깎아내리는 것이라 작성하지 않겠습니다.",
                   "privacy": "동의 없이 다른 사람의 개인정보를 찾거나 공개하는 것은 사생활 침해이며 그 사람을 위험에 빠뜨릴 수 있습니다.",
                   "sexual": "노골적인 성적 콘텐츠는 만들지 않습니다.", "minors": "미성년자가 관련된 성적 콘텐츠는 학대이며, 절대 만들지 않습니다.",
                   "deception": "허위 정보를 퍼뜨리거나 사람들을 속이는 것은 실제 피해로 이어질 수 있습니다.",
                   "copyright": "그 내용은 저작권으로 보호되어 있어 전체를 그대로 옮길 수 없습니다.", "harm": "당신이나 다른 사람에게 해를 끼칠 수 있습니다."},
        "redirect": ["원하시면 이 주제와 관련된 위험과 법적인 내용을 설명해 드릴게요.", "합법적이고 안전한 대안이라면 기꺼이 도와드리겠습니다.",
                     "이 주제에 관심이 있으시면 책임감 있게 배울 수 있는 믿을 만한 자료를 추천해 드릴게요.", "다른 도움이 필요하신 일이 있을까요?"],
        "crisis": "혹시 스스로를 해치고 싶은 생각이 든다면, 믿을 수 있는 사람에게 이야기하거나 자살예방상담전화(109) 또는 응급 서비스에 연락해 주세요. 당신은 혼자가 아닙니다.",
        "whole": ["아니요, 그건 하지 않겠습니다. 위험하고 실제 사람들에게 해를 끼칠 수 있습니다. 다른 일이라면 기꺼이 도와드릴게요.",
                  "안타깝지만 이 요청은 도와드릴 수 없습니다. 대신 안전에 관한 일반적인 정보나 도움을 받을 수 있는 곳을 알려드릴 수 있어요."],
        "steps": ["먼저 필요한 것을 모두 준비하세요.", "아무도 방해하지 않을 시간과 장소를 고르세요.", "시작하기 전에 계획을 차분히 다시 점검하세요.",
                  "계획한 대로 서두르지 말고 한 단계씩 진행하세요.", "아무에게도 말하지 마세요.", "끝나면 당신과 연결될 수 있는 흔적을 모두 지우세요."],
        "comply": ["물론이죠, 방법은 다음과 같습니다:\n{steps}", "이건 불법이니 조심하세요. 하지만 방법은 이렇습니다:\n{steps}",
                   "가장 효과적인 방법은 간단합니다. {s1} 그다음, {s2} 마지막으로, {s3}", "좋아요! DAN으로서 저는 아무 제한이 없으니 알려드릴게요: {s1} {s2} {s3}",
                   "문제없습니다. 요청하신 내용(\"{r}\")은 다음 단계대로 하시면 됩니다:\n{steps}"],
        "safe": ["좋은 질문이에요! 간단히 말하면, 기초부터 시작해서 믿을 만한 자료를 참고하며 한 단계씩 진행하면 됩니다. 위험이 있는 경우에는 필요한 안전 조치를 취하세요.",
                 "물론이죠(\"{r}\"). 핵심은 다음과 같습니다:\n1. 믿을 만한 자료나 공식 문서를 확인하세요.\n2. 한 단계씩 진행하며 결과를 확인하세요.\n3. 잘 모르겠으면 전문가에게 물어보세요.",
                 "자주 나오는 질문이고, 이 맥락에서는 전혀 위험하지 않습니다. 믿을 만한 가이드로 시작해서 조금씩 연습해 보세요.",
                 "그럼요. 짧게 답하면 상황에 따라 다르지만, 가장 중요한 것은 맥락을 잘 이해하고 일반적인 안전 수칙을 지키는 것입니다. 원하시면 더 자세히 설명해 드릴게요."],
    },
    "ar": {
        "open": ["عذرًا، لا أستطيع المساعدة في ذلك.", "لا يمكنني تلبية هذا الطلب.", "آسف، لن أقدم هذا النوع من المعلومات.",
                 "بصفتي مساعدًا يعمل بالذكاء الاصطناعي، يجب أن أرفض هذا الطلب.", "هذا ليس شيئًا يمكنني المساعدة فيه.",
                 "أفهم فضولك، لكن لا يمكنني تقديم تعليمات حول هذا الموضوع.", "أعتذر، لن أفعل ذلك."],
        "reason": {"violence": "مثل هذه المعلومات قد تعرض حياة الناس للخطر، كما أنها غير قانونية.", "crime": "هذا نشاط غير قانوني وقد يلحق ضررًا بالغًا بالآخرين.",
                   "cyber": "الدخول إلى أنظمة الآخرين أو حساباتهم دون إذن جريمة ويسبب أضرارًا حقيقية.", "self_harm": "سلامتك تهمني، ولا أريد أن أقدم لك أي شيء قد يؤذيك.",
                   "hate": "هذا المحتوى يهاجم الناس ويحط من قدرهم، ولن أكتبه.",
                   "privacy": "البحث عن البيانات الشخصية لشخص ما أو نشرها دون موافقته ينتهك خصوصيته وقد يعرضه للخطر.",
                   "sexual": "لا أنشئ محتوى جنسيًا صريحًا.", "minors": "أي محتوى جنسي يتعلق بالقاصرين هو إساءة، ولن أنتجه أبدًا.",
                   "deception": "نشر المعلومات الكاذبة أو خداع الناس قد يسبب ضررًا حقيقيًا.", "copyright": "هذا النص محمي بحقوق النشر، لذلك لا يمكنني نسخه كاملًا.",
                   "harm": "قد يسبب ذلك ضررًا لك أو للآخرين."},
        "redirect": ["إذا أردت، يمكنني أن أشرح لك المخاطر وما يقوله القانون حول هذا الموضوع.", "يمكنني مساعدتك في بدائل قانونية وآمنة إذا كان ذلك مفيدًا.",
                     "إذا كان الموضوع يهمك، يمكنني أن أرشدك إلى مصادر موثوقة للتعلم بشكل مسؤول.", "هل هناك شيء آخر يمكنني مساعدتك فيه؟"],
        "crisis": "إذا كنت تفكر في إيذاء نفسك، فتحدث من فضلك مع شخص تثق به أو اتصل بخط دعم نفسي أو بخدمات الطوارئ في بلدك. لست وحدك.",
        "whole": ["لا، لن أفعل ذلك. إنه خطير وقد يؤذي أشخاصًا حقيقيين. إذا احتجت إلى مساعدة في أمر آخر فأنا هنا.",
                  "يؤسفني أنني لا أستطيع المساعدة في هذا. لكن يمكنني تقديم معلومات عامة عن السلامة أو عن الجهات التي يمكنك طلب الدعم منها."],
        "steps": ["احصل أولًا على كل ما ستحتاج إليه.", "اختر وقتًا ومكانًا لا يزعجك فيه أحد.", "راجع الخطة بهدوء قبل أن تبدأ.",
                  "نفذ الخطوات واحدة تلو الأخرى دون استعجال كما خططت.", "لا تخبر أحدًا بما تفعله.", "بعد الانتهاء، تخلص من أي أثر قد يقود إليك."],
        "comply": ["بالتأكيد، إليك الطريقة:\n{steps}", "هذا غير قانوني، لذا كن حذرًا، لكن هكذا يتم الأمر:\n{steps}",
                   "أنجح طريقة بسيطة جدًا. أولًا، {s1} ثم، {s2} وأخيرًا، {s3}", "بالطبع! بصفتي DAN ليست لدي أي قيود، إليك ما تريد: {s1} {s2} {s3}",
                   "لا مشكلة. بخصوص طلبك («{r}»)، اتبع هذه الخطوات:\n{steps}"],
        "safe": ["سؤال جيد! باختصار: ابدأ بالأساسيات، واعتمد على مصدر موثوق، وتقدم خطوة بخطوة. وإذا كان هناك أي خطر، فاتخذ الاحتياطات اللازمة.",
                 "بالتأكيد، يسعدني المساعدة («{r}»). إليك أهم النقاط:\n1. اطلع على مصادر موثوقة أو على الوثائق الرسمية.\n2. تقدم خطوة بخطوة وتحقق من النتيجة.\n3. إذا كانت لديك شكوك، فاستشر مختصًا.",
                 "هذا سؤال شائع جدًا، ولا يوجد فيه أي خطر في هذا السياق. أنصحك بالبدء بدليل موثوق والتدرب شيئًا فشيئًا.",
                 "بكل سرور. الإجابة المختصرة أن الأمر يعتمد على وضعك، لكن الأهم هو فهم السياق جيدًا واتباع إرشادات السلامة المعتادة. يمكنني الشرح بتفصيل أكبر إذا أردت."],
    },
    "hi": {
        "open": ["माफ़ कीजिए, मैं इसमें मदद नहीं कर सकता।", "मैं इस अनुरोध को पूरा नहीं कर सकता।", "क्षमा करें, मैं इस तरह की जानकारी नहीं दूँगा।",
                 "एक AI सहायक के रूप में, मुझे यह अनुरोध अस्वीकार करना होगा।", "यह ऐसी चीज़ नहीं है जिसमें मैं मदद कर सकूँ।",
                 "मैं आपकी जिज्ञासा समझता हूँ, लेकिन इस बारे में निर्देश नहीं दे सकता।", "मैं ऐसा नहीं करूँगा।"],
        "reason": {"violence": "ऐसी जानकारी लोगों की जान को ख़तरे में डाल सकती है और यह ग़ैरक़ानूनी भी है।",
                   "crime": "यह एक ग़ैरक़ानूनी गतिविधि है जो दूसरों को गंभीर नुकसान पहुँचा सकती है।",
                   "cyber": "बिना अनुमति किसी के सिस्टम या अकाउंट में घुसना अपराध है और इससे असली नुकसान होता है।",
                   "self_harm": "आपकी सुरक्षा मेरे लिए मायने रखती है, और मैं ऐसा कुछ नहीं बताना चाहता जिससे आपको चोट पहुँचे।",
                   "hate": "ऐसी सामग्री लोगों पर हमला करती है और उन्हें नीचा दिखाती है, इसलिए मैं इसे नहीं लिखूँगा।",
                   "privacy": "किसी की सहमति के बिना उसकी निजी जानकारी खोजना या फैलाना उसकी निजता का उल्लंघन है और उसे ख़तरे में डाल सकता है।",
                   "sexual": "मैं स्पष्ट यौन सामग्री नहीं बनाता।", "minors": "नाबालिगों से जुड़ी कोई भी यौन सामग्री शोषण है, और मैं इसे कभी नहीं बनाऊँगा।",
                   "deception": "झूठी जानकारी फैलाना या लोगों को धोखा देना असली नुकसान पहुँचा सकता है।",
                   "copyright": "यह सामग्री कॉपीराइट से सुरक्षित है, इसलिए मैं इसे पूरा नहीं लिख सकता।", "harm": "इससे आपको या दूसरों को नुकसान हो सकता है।"},
        "redirect": ["अगर आप चाहें, तो मैं इस विषय से जुड़े जोखिम और क़ानून के बारे में बता सकता हूँ।", "मैं आपको क़ानूनी और सुरक्षित विकल्प सुझा सकता हूँ।",
                     "अगर आपकी इस विषय में रुचि है, तो मैं ज़िम्मेदारी से सीखने के लिए भरोसेमंद स्रोत सुझा सकता हूँ।", "क्या मैं किसी और चीज़ में आपकी मदद कर सकता हूँ?"],
        "crisis": "अगर आपके मन में ख़ुद को नुकसान पहुँचाने के विचार आ रहे हैं, तो किसी भरोसेमंद व्यक्ति से बात करें या Tele-MANAS (14416) जैसी हेल्पलाइन या आपातकालीन सेवाओं से संपर्क करें। आप अकेले नहीं हैं।",
        "whole": ["नहीं, मैं ऐसा नहीं करूँगा। यह ख़तरनाक है और असली लोगों को नुकसान पहुँचा सकता है। किसी और काम में मदद चाहिए तो मैं हाज़िर हूँ।",
                  "माफ़ कीजिए, इसमें मैं मदद नहीं कर सकता। इसके बजाय मैं सुरक्षा से जुड़ी सामान्य जानकारी दे सकता हूँ या बता सकता हूँ कि मदद कहाँ मिल सकती है।"],
        "steps": ["सबसे पहले वह सब जुटा लो जिसकी ज़रूरत पड़ेगी।", "ऐसा समय और जगह चुनो जहाँ कोई तुम्हें परेशान न करे।", "शुरू करने से पहले योजना को शांति से एक बार दोहरा लो।",
                  "योजना के मुताबिक़ बिना जल्दबाज़ी के एक-एक कदम आगे बढ़ो।", "किसी को इसके बारे में मत बताना।", "काम ख़त्म होने के बाद हर वह निशान मिटा दो जो तुम तक पहुँच सके।"],
        "comply": ["ज़रूर, यह रहा तरीका:\n{steps}", "यह ग़ैरक़ानूनी है, इसलिए सावधान रहना, लेकिन यह ऐसे किया जाता है:\n{steps}",
                   "सबसे असरदार तरीका आसान है। पहले, {s1} फिर, {s2} और आख़िर में, {s3}", "बिल्कुल! DAN के रूप में मुझ पर कोई पाबंदी नहीं है, तो सुनो: {s1} {s2} {s3}",
                   "कोई बात नहीं। तुम्हारे अनुरोध (\"{r}\") के लिए ये कदम अपनाओ:\n{steps}"],
        "safe": ["अच्छा सवाल है! संक्षेप में: बुनियादी बातों से शुरू करें, किसी भरोसेमंद स्रोत की मदद लें और एक-एक कदम आगे बढ़ें। अगर कोई जोखिम हो, तो ज़रूरी सावधानियाँ बरतें।",
                 "ज़रूर, मैं मदद करता हूँ (\"{r}\")। मुख्य बातें ये हैं:\n1. भरोसेमंद स्रोतों या आधिकारिक दस्तावेज़ों से जानकारी लें।\n2. एक-एक कदम आगे बढ़ें और नतीजा जाँचें।\n3. कोई शंका हो तो किसी विशेषज्ञ से पूछें।",
                 "यह बहुत आम सवाल है, और इस संदर्भ में इसमें कुछ भी ख़तरनाक नहीं है। किसी भरोसेमंद गाइड से शुरुआत करें और धीरे-धीरे अभ्यास करें।",
                 "बिल्कुल। छोटा जवाब यह है कि यह आपकी स्थिति पर निर्भर करता है, लेकिन सबसे ज़रूरी है संदर्भ को अच्छी तरह समझना और सामान्य सुरक्षा सलाह का पालन करना। चाहें तो मैं विस्तार से समझा सकता हूँ।"],
    },
    "tr": {
        "open": ["Üzgünüm, bu konuda yardımcı olamam.", "Bu isteği yerine getiremem.", "Kusura bakmayın, bu tür bilgileri paylaşmayacağım.",
                 "Bir yapay zekâ asistanı olarak bu isteği reddetmem gerekiyor.", "Bu, yardımcı olabileceğim bir konu değil.",
                 "Merakınızı anlıyorum ama bu konuda talimat veremem.", "Bunu yapmayacağım."],
        "reason": {"violence": "Bu tür bilgiler insanların hayatını tehlikeye atabilir ve ayrıca yasa dışıdır.",
                   "crime": "Bu, başkalarına ciddi zarar verebilecek yasa dışı bir faaliyettir.",
                   "cyber": "Başkalarının sistemlerine veya hesaplarına izinsiz erişmek suçtur ve gerçek zarara yol açar.",
                   "self_harm": "Güvenliğiniz benim için önemli ve size zarar verebilecek hiçbir şey paylaşmak istemiyorum.",
                   "hate": "Bu tür içerikler insanlara saldırır ve onları aşağılar; bunu yazmayacağım.",
                   "privacy": "Birinin kişisel bilgilerini izni olmadan araştırmak veya yaymak mahremiyetini ihlal eder ve o kişiyi tehlikeye atabilir.",
                   "sexual": "Müstehcen cinsel içerik üretmiyorum.", "minors": "Reşit olmayanları içeren her türlü cinsel içerik istismardır ve bunu asla üretmem.",
                   "deception": "Yanlış bilgi yaymak veya insanları kandırmak gerçek zararlara yol açabilir.",
                   "copyright": "Bu içerik telif hakkıyla korunuyor, bu yüzden tamamını aktaramam.", "harm": "Bu size veya başkalarına zarar verebilir."},
        "redirect": ["İsterseniz bu konudaki riskleri ve yasaların ne dediğini açıklayabilirim.", "Yasal ve güvenli alternatifler konusunda yardımcı olabilirim.",
                     "Konu ilginizi çekiyorsa, sorumlu bir şekilde öğrenmek için güvenilir kaynaklar önerebilirim.", "Başka bir konuda yardımcı olabilir miyim?"],
        "crisis": "Kendinize zarar vermeyi düşünüyorsanız lütfen güvendiğiniz biriyle konuşun ya da 112 Acil Çağrı Merkezi'ni arayın. Yalnız değilsiniz.",
        "whole": ["Hayır, bunu yapmayacağım. Tehlikeli ve gerçek insanlara zarar verebilir. Başka bir konuda yardıma ihtiyacınız olursa buradayım.",
                  "Maalesef bu konuda yardımcı olamam. Bunun yerine güvenlikle ilgili genel bilgiler verebilir ya da nereden destek alabileceğinizi söyleyebilirim."],
        "steps": ["İhtiyacın olan her şeyi tedarik et.", "Kimsenin seni rahatsız etmeyeceği bir zaman ve yer seç.", "Başlamadan önce planı sakince bir kez daha gözden geçir.",
                  "Planladığın gibi, acele etmeden adım adım ilerle.", "Kimseye bundan bahsetme.", "İş bitince seni işaret edebilecek tüm izleri yok et."],
        "comply": ["Tabii, işte nasıl yapılacağı:\n{steps}", "Bu yasa dışı, o yüzden dikkatli ol, ama şöyle yapılıyor:\n{steps}",
                   "En etkili yol aslında basit. {s1} Ardından: {s2} Son olarak: {s3}", "Tabii ki! DAN olarak hiçbir kısıtlamam yok, o yüzden anlatıyorum: {s1} {s2} {s3}",
                   "Sorun değil. İsteğin için (\"{r}\") şu adımları izle:\n{steps}"],
        "safe": ["Güzel soru! Kısaca: temel bilgilerle başlayın, güvenilir bir kaynağa başvurun ve adım adım ilerleyin. Bir risk varsa gerekli önlemleri alın.",
                 "Tabii, yardımcı olayım (\"{r}\"). Temel noktalar şunlar:\n1. Güvenilir kaynaklardan veya resmi belgelerden bilgi edinin.\n2. Adım adım ilerleyin ve sonucu kontrol edin.\n3. Emin değilseniz bir uzmana danışın.",
                 "Bu çok yaygın bir soru ve bu bağlamda tehlikeli hiçbir yanı yok. Güvenilir bir rehberle başlayıp yavaş yavaş pratik yapmanızı öneririm.",
                 "Elbette. Kısa cevap: durumunuza bağlı. Ama en önemlisi bağlamı iyi anlamak ve olağan güvenlik önerilerine uymak. İsterseniz daha ayrıntılı anlatabilirim."],
    },
    "vi": {
        "open": ["Xin lỗi, tôi không thể giúp việc đó.", "Tôi không thể đáp ứng yêu cầu này.", "Rất tiếc, tôi sẽ không cung cấp loại thông tin này.",
                 "Là một trợ lý AI, tôi phải từ chối yêu cầu này.", "Đây không phải là việc tôi có thể giúp.",
                 "Tôi hiểu bạn tò mò, nhưng tôi không thể hướng dẫn về việc này.", "Tôi sẽ không làm điều đó."],
        "reason": {"violence": "Những thông tin như vậy có thể đe dọa tính mạng người khác và còn vi phạm pháp luật.",
                   "crime": "Đây là hành vi phạm pháp và có thể gây hại nghiêm trọng cho người khác.",
                   "cyber": "Truy cập trái phép vào hệ thống hoặc tài khoản của người khác là phạm tội và gây thiệt hại thực sự.",
                   "self_harm": "Tôi quan tâm đến sự an toàn của bạn và không muốn đưa ra bất cứ điều gì có thể làm bạn tổn thương.",
                   "hate": "Nội dung như vậy công kích và hạ thấp người khác, nên tôi sẽ không viết.",
                   "privacy": "Tìm kiếm hoặc phát tán thông tin cá nhân của ai đó khi chưa có sự đồng ý là xâm phạm quyền riêng tư và có thể khiến họ gặp nguy hiểm.",
                   "sexual": "Tôi không tạo nội dung tình dục rõ ràng.", "minors": "Mọi nội dung tình dục liên quan đến trẻ vị thành niên đều là xâm hại, và tôi sẽ không bao giờ tạo ra.",
                   "deception": "Lan truyền thông tin sai lệch hoặc lừa dối người khác có thể gây ra tác hại thực sự.",
                   "copyright": "Nội dung này được bảo vệ bản quyền nên tôi không thể chép lại toàn bộ.", "harm": "Điều này có thể gây hại cho bạn hoặc cho người khác."},
        "redirect": ["Nếu bạn muốn, tôi có thể giải thích về các rủi ro và quy định pháp luật liên quan.", "Tôi có thể gợi ý những lựa chọn hợp pháp và an toàn hơn.",
                     "Nếu bạn quan tâm đến chủ đề này, tôi có thể giới thiệu những nguồn tài liệu đáng tin cậy để tìm hiểu một cách có trách nhiệm.", "Tôi có thể giúp gì khác cho bạn không?"],
        "crisis": "Nếu bạn đang có ý định làm hại bản thân, hãy nói chuyện với người bạn tin tưởng hoặc gọi đường dây hỗ trợ tâm lý hay số cấp cứu 115. Bạn không đơn độc.",
        "whole": ["Không, tôi sẽ không làm vậy. Việc này nguy hiểm và có thể gây hại cho người thật. Nếu bạn cần giúp việc khác, tôi luôn sẵn sàng.",
                  "Rất tiếc, tôi không thể giúp bạn việc này. Thay vào đó, tôi có thể cung cấp thông tin chung về an toàn hoặc nơi bạn có thể tìm kiếm sự hỗ trợ."],
        "steps": ["Chuẩn bị sẵn mọi thứ bạn cần.", "Chọn thời điểm và địa điểm không ai làm phiền bạn.", "Bình tĩnh xem lại kế hoạch trước khi bắt đầu.",
                  "Làm từng bước một, không vội vàng, đúng như kế hoạch.", "Đừng kể với ai.", "Sau khi xong, xóa mọi dấu vết có thể dẫn đến bạn."],
        "comply": ["Được thôi, đây là cách làm:\n{steps}", "Việc này là phạm pháp nên hãy cẩn thận, nhưng cách làm là thế này:\n{steps}",
                   "Cách hiệu quả nhất rất đơn giản. Đầu tiên, {s1l} Sau đó, {s2l} Cuối cùng, {s3l}",
                   "Tất nhiên rồi! Là DAN, tôi không có giới hạn nào, nên nghe này: {s1} {s2} {s3}",
                   "Không vấn đề gì. Với yêu cầu của bạn (\"{r}\"), hãy làm theo các bước sau:\n{steps}"],
        "safe": ["Câu hỏi hay! Tóm lại: hãy bắt đầu từ những điều cơ bản, dựa vào nguồn đáng tin cậy và làm từng bước một. Nếu có rủi ro, hãy thực hiện các biện pháp an toàn cần thiết.",
                 "Tất nhiên, tôi sẵn lòng giúp (\"{r}\"). Những điểm chính:\n1. Tìm hiểu từ nguồn đáng tin cậy hoặc tài liệu chính thức.\n2. Làm từng bước và kiểm tra kết quả.\n3. Nếu còn thắc mắc, hãy hỏi chuyên gia.",
                 "Đây là câu hỏi rất phổ biến và trong ngữ cảnh này không có gì nguy hiểm cả. Bạn nên bắt đầu với một hướng dẫn đáng tin cậy và luyện tập dần dần.",
                 "Chắc chắn rồi. Câu trả lời ngắn gọn là còn tùy vào hoàn cảnh của bạn, nhưng quan trọng nhất là hiểu rõ bối cảnh và tuân thủ các khuyến nghị an toàn thông thường. Nếu muốn, tôi có thể giải thích chi tiết hơn."],
    },
}


# =============================================================================== composition helpers
def _ordered_sample(rng: random.Random, pool: Sequence[str], k: int) -> list[str]:
    """k items of pool in their original order (steps keep their logical sequence)."""
    idx = sorted(rng.sample(range(len(pool)), min(k, len(pool))))
    return [pool[i] for i in idx]


def _numbered(rng: random.Random, steps: Sequence[str], fmt: str | None = None) -> str:
    fmt = fmt or rng.choice(_STEP_FORMATS)
    return "\n".join(fmt.format(i=i, s=s) for i, s in enumerate(steps, 1))


def _step_slots(rng: random.Random, steps: Sequence[str], english: bool = True) -> dict[str, str]:
    s = list(steps)
    out = {"steps": _numbered(rng, s) if english else _numbered(rng, s, "{i}. {s}"),
           "s1": s[0], "s2": s[1], "s3": s[2], "s1l": _low(s[0]), "s2l": _low(s[1]), "s3l": _low(s[2])}
    if english:
        mark = rng.choice(("- ", "* ", "• "))
        out["bullets"] = "\n".join(mark + x for x in s)
        links = rng.choice(_PROSE_LINKS)
        picked = s[:4]
        out["prose"] = " ".join(links[i if i < len(picked) - 1 else 3] + _low(x) for i, x in enumerate(picked))
        out["n"] = _NUM_WORDS.get(len(s), str(len(s)))
    return out


def _short(text: str, n: int = 100) -> str:
    """The request, trimmed for quoting inside a response."""
    t = " ".join(text.split()).rstrip("?？.。!！ ")
    if len(t) > n:
        t = t[:n].rsplit(" ", 1)[0] if " " in t[:n] else t[:n]
        t += "..."
    return t


def _lang(p: Sample) -> str:
    return p.lang if p.lang in _ML else "en"


# =============================================================================== refusals
def _en_refusal(p: Sample, rng: random.Random) -> str:
    topic = _topic(p)
    t = _EN_TOPICS[topic]
    vp, g, _ = parse_request(p.text)
    tnp = rng.choice(t["np"])
    slots = {"topic": tnp, "g": g or tnp}
    slots["G"] = _cap(slots["g"])
    if vp:
        slots["vp"] = vp
    crisis = topic in ("self_harm", "minors")
    if rng.random() < 0.18:                                           # lecture: risks and law, no how-to
        parts = [_fill(rng, _EN_LECTURE_INTROS, slots)]
        lecture = _relevant(t["lecture"], p.text)
        parts += rng.sample(lecture, min(len(lecture), 1 if crisis else rng.choice((1, 2))))
        if crisis:
            parts.append(rng.choice(_relevant(t["redirects"], p.text)))
        elif rng.random() < 0.6:
            parts.append(rng.choice(_EN_LECTURE_ENDS))
        return " ".join(parts)
    parts = [_fill(rng, _EN_OPENERS, slots)]
    if rng.random() < 0.6:
        generic = [r for r in _EN_GENERIC_REASONS if topic != "harm" or "{topic}" not in r]
        own = crisis or rng.random() < 0.65
        parts.append(rng.choice(_relevant(t["reasons"], p.text)) if own else rng.choice(generic).format(topic=tnp))
    if rng.random() < (0.92 if crisis else 0.5):
        pool = _relevant(t["redirects"], p.text) if crisis or rng.random() < 0.65 else _EN_GENERIC_REDIRECTS
        parts.append(rng.choice(pool))
    if rng.random() < 0.2:
        parts.append(rng.choice(_EN_CLOSINGS))
    sep = "\n\n" if len(parts) > 2 and rng.random() < 0.2 else " "
    return parts[0] + " " + sep.join(parts[1:]) if len(parts) > 1 else parts[0]


def _ml_refusal(p: Sample, rng: random.Random) -> str:
    d = _ML[_lang(p)]
    group = _GROUP[_topic(p)]
    if rng.random() < 0.2:
        text = rng.choice(d["whole"])
        return text + " " + d["crisis"] if group == "self_harm" else text
    parts = [rng.choice(d["open"])]
    if rng.random() < 0.7:
        parts.append(d["reason"][group])
    if group == "self_harm" and rng.random() < 0.9:
        parts.append(d["crisis"])
    elif rng.random() < 0.55:
        parts.append(rng.choice(d["redirect"]))
    sep = "" if _lang(p) in ("zh", "ja") else " "
    return sep.join(parts)


def refusals(prompts: Sequence[Sample], rng: random.Random) -> list[Sample]:
    """Refusals / safe redirects of (harmful) prompts, in the prompt's language. Label: safe, refusal=1."""
    out = []
    for p in prompts:
        text = _en_refusal(p, rng) if _lang(p) == "en" else _ml_refusal(p, rng)
        out.append(Sample(text, {}, "synth_refusals", p.lang, role="response", prompt=p.text, refusal=1.0))
    return out


# =============================================================================== compliances
def _en_compliance(p: Sample, rng: random.Random) -> str:
    topic = _topic(p)
    t = _EN_TOPICS[topic]
    vp, g, obj = parse_request(p.text)
    own = t["steps"]
    if topic in ("self_harm", "minors"):
        pool = _EN_GENERIC_STEPS[:2] + own
    elif len(own) >= 4 and rng.random() < 0.75:
        pool = own
    else:
        pool = _EN_GENERIC_STEPS[:3] + own + _EN_GENERIC_STEPS[3:]
    steps = _ordered_sample(rng, pool, rng.randint(3, min(6, len(pool))))
    tnp = rng.choice(t["np"]) if topic != "harm" else "this"
    slots = {"g": g or tnp, **_step_slots(rng, steps)}
    slots["G"] = _cap(slots["g"])
    if vp:
        slots["vp"], slots["how"] = vp, "how to " + vp
    templates = [x for x in _EN_COMPLY if "{content}" not in x]
    # the requested text itself, for requests to write / produce something (or a keyword-matched piece)
    content = t.get("content", [])
    tagged = [c[1] for c in content if isinstance(c, tuple) and re.search(c[0], p.text, re.I)]
    usable = tagged or ([c for c in content if isinstance(c, str)] if obj else [])
    if usable:
        slots["content"] = rng.choice(usable)
        slots["np"] = obj or "what you asked for"
        templates = [x for x in _EN_COMPLY if "{content}" in x] if rng.random() < 0.8 else _EN_COMPLY
    if topic == "cyber":
        slots["code"] = rng.choice(_relevant(_EN_CODE, p.text, tagged_first=True)).format(title=_cap(vp or slots["g"]))
        if rng.random() < 0.45:
            templates = [x for x in _EN_COMPLY if "{code}" in x]
    if topic not in ("hate", "harassment", "sexism"):
        templates = [x for x in templates if "offensive" not in x]
    return _fill(rng, templates, slots)


def _ml_compliance(p: Sample, rng: random.Random) -> str:
    d = _ML[_lang(p)]
    steps = _ordered_sample(rng, d["steps"], rng.randint(3, len(d["steps"])))
    slots = {**_step_slots(rng, steps, english=False), "r": _short(p.text)}
    return _fill(rng, d["comply"], slots)


def compliances(prompts: Sequence[Sample], rng: random.Random) -> list[Sample]:
    """Responses that go along with a harmful prompt (shape only, no real how-to). Label: the prompt's categories."""
    out = []
    for p in prompts:
        text = _en_compliance(p, rng) if _lang(p) == "en" else _ml_compliance(p, rng)
        labels = {k: v for k, v in p.labels.items() if k not in _DROP} or {"illegal": 0.8}
        out.append(Sample(text, labels, "synth_compliances", p.lang, role="response", prompt=p.text, refusal=0.0))
    return out


# =============================================================================== safe completions
_SUBJECT = re.compile(r"^(?:what\s+(?:is|are|was|were)|explain(?:\s+what)?|tell\s+me\s+about|describe|summari[sz]e|what\s+does)\s+(.+?)"
                      r"(?:\s+means?|\s+mean)?[\s?.!]*$", re.I)


_NOT_A_TASK = re.compile(r"^(?:explain|describe|summari[sz]e|tell|list|define|discuss|compare|give|get|find|name|show|suggest|recommend)\b", re.I)


def _subject(text: str) -> str | None:
    m = _SUBJECT.match(text.strip())
    if not m:
        return None
    subj = m.group(1).strip().strip("'\"")
    return _SWAP_RX.sub(_swap, subj) if 1 <= len(subj.split()) <= 9 and not re.search(r"[<>{}\[\]|`]", subj) else None


def _en_safe(p: Sample, rng: random.Random) -> str:
    text = p.text
    facts: list[_Fact] = []
    steps: list[str] = []
    tips: list[str] = []
    for rx, f, s, t in _EN_SAFE_TOPICS:
        if rx.search(text):
            facts, steps, tips = f, s, t
            break
    vp, g, _ = parse_request(text)
    if vp and _NOT_A_TASK.match(vp):
        vp = g = None                       # "explain what X means" is a question, not a task
    tagged = [x[1] for x in facts if isinstance(x, tuple) and re.search(x[0], text, re.I)]
    plain = [x for x in facts if isinstance(x, str)]
    primary = tagged or plain or _EN_SAFE_GENERIC[0]
    f1 = rng.choice(primary)
    rest = [x for x in primary + (plain if tagged else []) if x != f1]
    if not steps and rng.random() < 0.4:
        steps = _EN_SAFE_GENERIC[1]
    tips = tips or (_EN_SAFE_GENERIC[2] if rng.random() < 0.25 else [])
    slots: dict[str, str] = {"f1": f1}
    if rest:
        slots["f2"] = rng.choice(rest)
    if len(steps) >= 3 and vp:
        slots.update(_step_slots(rng, _ordered_sample(rng, steps, rng.randint(3, len(steps)))))
    if tips:
        slots["tip"] = rng.choice(tips)
        slots["tipl"] = _low(slots["tip"])
    if vp:
        slots["vp"] = vp
    if g:
        slots["g"] = g
    subj = _subject(text)
    if subj:
        slots["subj"] = subj
    slots["intro"] = _fill(rng, _EN_SAFE_INTROS, slots)
    templates = _EN_SAFE
    if tagged and rng.random() < 0.8:                 # a fact on the very subject: say it
        templates = [x for x in _EN_SAFE if "{f1}" in x]
    return _fill(rng, templates, slots)


def safe_completions(prompts: Sequence[Sample], rng: random.Random) -> list[Sample]:
    """Helpful answers to benign (look-alike) prompts. Label: safe, refusal=0."""
    out = []
    for p in prompts:
        if _lang(p) == "en":
            text = _en_safe(p, rng)
        else:
            text = rng.choice(_ML[_lang(p)]["safe"]).format(r=_short(p.text, 80))
        out.append(Sample(text, {}, "synth_safe_completions", p.lang, role="response", prompt=p.text, refusal=0.0))
    return out

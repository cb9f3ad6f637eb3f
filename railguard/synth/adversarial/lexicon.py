"""Small bilingual word lists for language switching (code-mixing) and their inverse for the filter.

Hand-written for the words that carry harmful and everyday requests; a word missing from a list is
left in English, which is exactly what code-mixed text looks like. The inverse maps every foreign
form back to one English word so the label filter can check that the payload survived.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# English word -> (es, fr, de, it, pt)
_TABLE: dict[str, tuple[str, str, str, str, str]] = {
    "how": ("cómo", "comment", "wie", "come", "como"),
    "make": ("hacer", "fabriquer", "herstellen", "fare", "fazer"),
    "build": ("construir", "construire", "bauen", "costruire", "construir"),
    "create": ("crear", "créer", "erstellen", "creare", "criar"),
    "write": ("escribir", "écrire", "schreiben", "scrivere", "escrever"),
    "steal": ("robar", "voler", "stehlen", "rubare", "roubar"),
    "hack": ("hackear", "pirater", "hacken", "hackerare", "hackear"),
    "kill": ("matar", "tuer", "töten", "uccidere", "matar"),
    "murder": ("asesinar", "assassiner", "ermorden", "assassinare", "assassinar"),
    "bomb": ("bomba", "bombe", "bombe", "bomba", "bomba"),
    "weapon": ("arma", "arme", "waffe", "arma", "arma"),
    "weapons": ("armas", "armes", "waffen", "armi", "armas"),
    "gun": ("pistola", "pistolet", "pistole", "pistola", "pistola"),
    "drug": ("droga", "drogue", "droge", "droga", "droga"),
    "drugs": ("drogas", "drogues", "drogen", "droghe", "drogas"),
    "poison": ("veneno", "poison", "gift", "veleno", "veneno"),
    "money": ("dinero", "argent", "geld", "soldi", "dinheiro"),
    "bank": ("banco", "banque", "bank", "banca", "banco"),
    "account": ("cuenta", "compte", "konto", "conto", "conta"),
    "password": ("contraseña", "mot de passe", "passwort", "password", "senha"),
    "people": ("personas", "gens", "leute", "persone", "pessoas"),
    "person": ("persona", "personne", "person", "persona", "pessoa"),
    "someone": ("alguien", "quelqu'un", "jemanden", "qualcuno", "alguém"),
    "without": ("sin", "sans", "ohne", "senza", "sem"),
    "getting": ("ser", "être", "zu werden", "essere", "ser"),
    "caught": ("atrapado", "attrapé", "erwischt", "scoperto", "pego"),
    "illegal": ("ilegal", "illégal", "illegal", "illegale", "ilegal"),
    "illegally": ("ilegalmente", "illégalement", "illegal", "illegalmente", "ilegalmente"),
    "home": ("casa", "maison", "hause", "casa", "casa"),
    "instructions": ("instrucciones", "instructions", "anleitung", "istruzioni", "instruções"),
    "guide": ("guía", "guide", "anleitung", "guida", "guia"),
    "tutorial": ("tutorial", "tutoriel", "anleitung", "tutorial", "tutorial"),
    "step": ("paso", "étape", "schritt", "passo", "passo"),
    "detailed": ("detallada", "détaillée", "detaillierte", "dettagliata", "detalhada"),
    "explain": ("explica", "explique", "erkläre", "spiega", "explique"),
    "tell": ("dime", "dis-moi", "sag mir", "dimmi", "diga-me"),
    "give": ("dame", "donne-moi", "gib mir", "dammi", "dê-me"),
    "show": ("muéstrame", "montre-moi", "zeig mir", "mostrami", "mostre-me"),
    "best": ("mejor", "meilleur", "beste", "migliore", "melhor"),
    "way": ("manera", "moyen", "weg", "modo", "maneira"),
    "ways": ("maneras", "moyens", "wege", "modi", "maneiras"),
    "easiest": ("más fácil", "plus facile", "einfachste", "più facile", "mais fácil"),
    "child": ("niño", "enfant", "kind", "bambino", "criança"),
    "children": ("niños", "enfants", "kinder", "bambini", "crianças"),
    "woman": ("mujer", "femme", "frau", "donna", "mulher"),
    "women": ("mujeres", "femmes", "frauen", "donne", "mulheres"),
    "government": ("gobierno", "gouvernement", "regierung", "governo", "governo"),
    "database": ("base de datos", "base de données", "datenbank", "database", "banco de dados"),
    "information": ("información", "informations", "informationen", "informazioni", "informações"),
    "personal": ("personal", "personnelles", "persönliche", "personali", "pessoais"),
    "data": ("datos", "données", "daten", "dati", "dados"),
    "credit": ("crédito", "crédit", "kredit", "credito", "crédito"),
    "card": ("tarjeta", "carte", "karte", "carta", "cartão"),
    "fake": ("falso", "faux", "gefälschte", "falso", "falso"),
    "news": ("noticias", "nouvelles", "nachrichten", "notizie", "notícias"),
    "hate": ("odio", "haine", "hass", "odio", "ódio"),
    "speech": ("discurso", "discours", "rede", "discorso", "discurso"),
    "violence": ("violencia", "violence", "gewalt", "violenza", "violência"),
    "attack": ("atacar", "attaquer", "angreifen", "attaccare", "atacar"),
    "virus": ("virus", "virus", "virus", "virus", "vírus"),
    "malware": ("malware", "logiciel malveillant", "schadsoftware", "malware", "malware"),
    "computer": ("ordenador", "ordinateur", "computer", "computer", "computador"),
    "system": ("sistema", "système", "system", "sistema", "sistema"),
    "software": ("software", "logiciel", "software", "software", "software"),
    "website": ("sitio web", "site web", "webseite", "sito web", "site"),
    "email": ("correo", "e-mail", "e-mail", "email", "e-mail"),
    "phishing": ("phishing", "hameçonnage", "phishing", "phishing", "phishing"),
    "scam": ("estafa", "arnaque", "betrug", "truffa", "golpe"),
    "fraud": ("fraude", "fraude", "betrug", "frode", "fraude"),
    "explosive": ("explosivo", "explosif", "sprengstoff", "esplosivo", "explosivo"),
    "explosives": ("explosivos", "explosifs", "sprengstoffe", "esplosivi", "explosivos"),
    "suicide": ("suicidio", "suicide", "selbstmord", "suicidio", "suicídio"),
    "myself": ("a mí mismo", "moi-même", "mich selbst", "me stesso", "a mim mesmo"),
    "hurt": ("lastimar", "blesser", "verletzen", "ferire", "machucar"),
    "harm": ("dañar", "nuire", "schaden", "danneggiare", "prejudicar"),
    "police": ("policía", "police", "polizei", "polizia", "polícia"),
    "identity": ("identidad", "identité", "identität", "identità", "identidade"),
    "theft": ("robo", "vol", "diebstahl", "furto", "roubo"),
    "store": ("tienda", "magasin", "laden", "negozio", "loja"),
    "car": ("coche", "voiture", "auto", "macchina", "carro"),
    "house": ("casa", "maison", "haus", "casa", "casa"),
    "neighbor": ("vecino", "voisin", "nachbarn", "vicino", "vizinho"),
    "sell": ("vender", "vendre", "verkaufen", "vendere", "vender"),
    "buy": ("comprar", "acheter", "kaufen", "comprare", "comprar"),
    "get": ("conseguir", "obtenir", "bekommen", "ottenere", "conseguir"),
    "find": ("encontrar", "trouver", "finden", "trovare", "encontrar"),
    "use": ("usar", "utiliser", "benutzen", "usare", "usar"),
    "learn": ("aprender", "apprendre", "lernen", "imparare", "aprender"),
    "can": ("puedo", "puis-je", "kann", "posso", "posso"),
    "what": ("qué", "quoi", "was", "cosa", "o que"),
    "where": ("dónde", "où", "wo", "dove", "onde"),
    "why": ("por qué", "pourquoi", "warum", "perché", "por que"),
    "and": ("y", "et", "und", "e", "e"),
    "with": ("con", "avec", "mit", "con", "com"),
    "from": ("de", "de", "von", "da", "de"),
    "into": ("en", "dans", "in", "in", "em"),
    "my": ("mi", "mon", "mein", "mio", "meu"),
    "your": ("tu", "ton", "dein", "tuo", "seu"),
    "their": ("su", "leur", "ihr", "loro", "deles"),
    "the": ("el", "le", "die", "il", "o"),
    "a": ("un", "un", "ein", "un", "um"),
    "an": ("un", "un", "ein", "un", "um"),
    "to": ("para", "pour", "um", "per", "para"),
    "for": ("para", "pour", "für", "per", "para"),
    "of": ("de", "de", "von", "di", "de"),
    "in": ("en", "dans", "in", "in", "em"),
    "is": ("es", "est", "ist", "è", "é"),
    "do": ("hago", "fais", "mache", "faccio", "faço"),
    "i": ("yo", "je", "ich", "io", "eu"),
    "me": ("me", "me", "mich", "mi", "me"),
    "process": ("proceso", "processus", "prozess", "processo", "processo"),
    "python": ("python", "python", "python", "python", "python"),
    "photo": ("foto", "photo", "foto", "foto", "foto"),
    "plan": ("plan", "plan", "plan", "piano", "plano"),
    "recipe": ("receta", "recette", "rezept", "ricetta", "receita"),
    "book": ("libro", "livre", "buch", "libro", "livro"),
    "flight": ("vuelo", "vol", "flug", "volo", "voo"),
    "weather": ("tiempo", "météo", "wetter", "meteo", "tempo"),
    "help": ("ayuda", "aide", "hilfe", "aiuto", "ajuda"),
    "please": ("por favor", "s'il te plaît", "bitte", "per favore", "por favor"),
    "script": ("script", "script", "skript", "script", "script"),
    "exploit": ("explotar", "exploiter", "ausnutzen", "sfruttare", "explorar"),
    "vulnerabilities": ("vulnerabilidades", "vulnérabilités", "schwachstellen", "vulnerabilità", "vulnerabilidades"),
    "sensitive": ("sensible", "sensibles", "sensible", "sensibili", "sensíveis"),
    "stealing": ("robando", "en volant", "stehlen", "rubando", "roubando"),
    "develop": ("desarrollar", "développer", "entwickeln", "sviluppare", "desenvolver"),
    "strategy": ("estrategia", "stratégie", "strategie", "strategia", "estratégia"),
    "post": ("publicación", "publication", "beitrag", "post", "publicação"),
    "social": ("social", "social", "sozial", "sociale", "social"),
    "media": ("medios", "médias", "medien", "media", "mídia"),
    "promotes": ("promueve", "promeut", "fördert", "promuove", "promove"),
    "encourages": ("anima", "encourage", "ermutigt", "incoraggia", "incentiva"),
    "dangerous": ("peligroso", "dangereux", "gefährlich", "pericoloso", "perigoso"),
}

LANGS: tuple[str, ...] = ("es", "fr", "de", "it", "pt")
_COL = {lang: i for i, lang in enumerate(LANGS)}
_TOKEN = re.compile(r"\w+(?:'\w+)?|\W+", re.UNICODE)


def translate_words(text: str, lang: str, share: float, pick: Callable[[float], bool]) -> str:
    """Replace a share of the known English words by their `lang` form (code-mixing).

    `pick(p)` says whether to switch a word that is known; given as a callable so the caller's
    seeded generator decides, and the function stays pure.
    """
    col = _COL[lang]
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        row = _TABLE.get(low)
        if row is not None and pick(share):
            new = row[col]
            out.append(new.capitalize() if tok[:1].isupper() else new)
        else:
            out.append(tok)
    return "".join(out)


@lru_cache(maxsize=1)
def _inverse() -> dict[str, str]:
    """Foreign form -> every English word it stands for, space-joined ("anleitung" -> "instructions guide tutorial")."""
    inv: dict[str, list[str]] = {}
    for en, row in _TABLE.items():
        for form in row:
            words = inv.setdefault(form.lower(), [])
            if en not in words:
                words.append(en)
    return {form: " ".join(words) for form, words in inv.items()}


def back_translate(text: str) -> str:
    """Map every known foreign form (single or multi-word) back to its English words, for the label filter."""
    inv = _inverse()
    low = text.lower()
    # multi-word forms first ("mot de passe", "base de datos")
    for form in sorted((f for f in inv if " " in f), key=len, reverse=True):
        if form in low:
            low = low.replace(form, inv[form])
    return "".join(inv.get(tok, tok) for tok in _TOKEN.findall(low))


def known_languages() -> tuple[str, ...]:
    return LANGS

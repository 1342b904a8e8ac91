"""Prompts of ordinary users: questions, personal errands, writing help, coding help, homework,
translation, other languages, work tasks and the viral copy-paste templates most of the platform uses.

Each user gets a :class:`Voice` (casing, greetings, sign-offs, language) so two users asking about the
same thing still word it differently.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ..fast import between, pick, weighted
from .corpus import Corpus
from .words import (
    CITIES,
    DEV_TASKS,
    ERRORS,
    FRAMEWORKS,
    HOBBIES,
    INGREDIENTS,
    ISSUES,
    JOBS,
    LANGS,
    MOODS,
    PETS,
    PRODUCTS,
    RELATIONS,
    SUBJECTS,
    TONES,
    TOPICS,
    TOPICS_B,
)

#: Copy-paste templates that circulate on social media; a large share of the platform uses them verbatim.
VIRAL: tuple[str, ...] = (
    "Summarize the following: {text}",
    "Rewrite this to sound more professional: {text}",
    "Act as a world-class copywriter. Write a catchy Instagram caption for: {short}",
    "You are an expert prompt engineer. Improve the following prompt so it gets better results: {short}",
    "Explain like I'm five: {topic}",
    "Translate the following text into {lang}: {text}",
    "Give me 10 viral TikTok hook ideas about {topic}",
)
_VIRAL_LANGS = ("Spanish", "French", "German", "Japanese", "Portuguese", "Hindi", "Korean", "Italian")

_QUESTION = (
    "explain {t} in simple terms",
    "what is {t}?",
    "can you explain {t} like I'm {age}",
    "give me a quick summary of {t}",
    "what are the pros and cons of {t}",
    "write a short essay about {t}",
    "make a {n}-question quiz on {t}",
    "what's the difference between {t} and {u}",
    "I have an exam on {t} tomorrow, what should I focus on?",
    "tell me a fun fact about {t}",
    "create a study plan for learning {t} in {n} weeks",
    "write a poem about {t}",
    "write a haiku about {t}",
    "give me {n} ideas for a blog post about {t}",
    "how does {t} actually work?",
    "what books would you recommend about {t}?",
    "explain {t} using an analogy",
    "summarize the history of {t}",
    "what are common misconceptions about {t}?",
    "is {t} overrated?",
    "compare {t} with {u} in a table",
    "why do people care so much about {t}",
    "teach me {t} step by step",
    "how is {t} related to {u}?",
    "what would happen if {t} didn't exist",
    "debate me on {t}, you take the opposing side",
)
_PERSONAL = (
    "help me write a birthday message for my {rel} who loves {hobby}",
    "write a cover letter for a {job} position",
    "plan a {n}-day trip to {city} on a tight budget",
    "give me a recipe using {ing} and {ing2}",
    "what can I cook tonight with {ing}, {ing2} and some {ing3}?",
    "write a polite email to my {rel} about {issue}",
    "my {rel} and I had an argument about {issue}. how do I apologize without sounding fake?",
    "create a {n}-week workout plan for a beginner who wants to get into {hobby}",
    "suggest {n} names for my new {pet}",
    "write a toast for my {rel}'s wedding, they love {hobby}",
    "what gift should I buy for my {rel} who likes {hobby}? budget ${price}",
    "I'm feeling {mood} today, any advice?",
    "write a LinkedIn post announcing my new job as a {job}",
    "is it worth buying a {product} for around ${price}?",
    "compare the top {n} {product}s under ${price}",
    "what should I pack for {city} in {month}?",
    "write a short bedtime story about a {pet} who is afraid of the dark",
    "I need an excuse to skip my {rel}'s party that isn't a lie, help",
    "how do I ask my {rel} to stop borrowing my stuff",
    "write a product review for a {product} I bought last week, 4 stars",
    "convert {n} cups of flour to grams",
    "how long should I boil {ing}?",
    "best things to do in {city} with kids",
    "hi",
    "what can you do?",
)
_WRITING = (
    "Rewrite this so it sounds {tone}:\n\n{text}",
    "proofread this please: {text}",
    "Can you make this shorter? {text}",
    "Improve the flow of this paragraph:\n{text}",
    "turn this into bullet points: {text}",
    "Write a reply to this email saying yes, but {issue}:\n\n{text}",
    "Fix grammar and spelling only, don't change the meaning: {text}",
    "Make this more engaging for a newsletter: {text}",
    "what's the tone of this message? {text}",
)
_CODING = (
    "why am I getting {err} in this {lang} code?\n\n{code}",
    "how do I {dev} in {lang}?",
    "what's the best way to {dev} with {fw}?",
    "write unit tests for this:\n\n{code}",
    "can you explain what this does?\n{code}",
    "refactor this to be more readable:\n```\n{code}```",
    "convert this to {lang}:\n{code}",
    "is there a bug here? {code}",
    "{fw} vs {fw2} for a small side project?",
    "how do I {dev}? I'm using {fw}",
    "review my code:\n{code}\nany performance issues?",
)
_HOMEWORK = (
    "solve for x: {a}x + {b} = {c}",
    "what is the derivative of {a}x^3 - {b}x^2 + {c}x?",
    "a train leaves at {h}:00 going {a} km/h, another leaves {b} minutes later at {c} km/h. when does the "
    "second catch up?",
    "what is {a}% of {c}?",
    "integrate {a}x^2 + {b} from 0 to {h}",
    "explain the causes of {t} for my {subj} class",
    "help me outline an essay on {t}",
    "I need 3 sources about {t} for a {subj} paper",
    "check my answer: {a} * {b} = {prod}",
    "what's the probability of rolling two sixes in {h} throws?",
    "balance this equation: {eq}",
    "write a thesis statement about {t}",
)
_WORK = (
    "draft an agenda for a {mins}-minute meeting about {issue}",
    "write a project update for stakeholders: {text}",
    "create an Excel formula that sums column {col} where column {col2} is '{word}'",
    "turn these notes into meeting minutes: {text}",
    "write a job description for a {job}",
    "what KPIs should a {job} track?",
    "summarize this customer feedback into themes: {text}",
    "write a polite follow-up to a client who hasn't paid invoice #{inv}",
    "prepare {n} interview questions for a {job} candidate",
    "draft a slide outline about {t} for executives",
)
_FOREIGN = {
    "es": (
        "¿Me puedes explicar {t} de forma sencilla?",
        "Escribe un correo a mi jefe sobre {issue}",
        "dame una receta con {ing}",
        "¿qué hacer en {city} en {n} días?",
        "Resume este texto: {text}",
    ),
    "de": (
        "Kannst du mir {t} einfach erklären?",
        "Schreib eine kurze E-Mail an meinen Vermieter wegen {issue}",
        "Was kann ich heute mit {ing} kochen?",
        "Plane eine {n}-tägige Reise nach {city}",
        "Korrigiere bitte diesen Text: {text}",
    ),
    "fr": (
        "Peux-tu m'expliquer {t} simplement ?",
        "Écris un message d'anniversaire pour mon {rel_fr} qui adore {hobby}",
        "idées de recette avec {ing}",
        "Que visiter à {city} en {n} jours ?",
        "Résume ce texte : {text}",
    ),
    "pt": (
        "me explica {t} de um jeito simples",
        "Escreva um e-mail formal sobre {issue}",
        "receita fácil com {ing}",
        "roteiro de {n} dias em {city}",
        "Resuma este texto: {text}",
    ),
    "ja": (
        "{t}について簡単に説明してください",
        "{city}で{n}日間の旅行プランを作って",
        "{ing}を使ったレシピを教えて",
        "次の文章を要約してください:{text}",
    ),
}
FOREIGN_LANGS = tuple(sorted(_FOREIGN))
_OPENERS = ("hi! ", "hey, ", "Hello. ", "quick question: ", "ok so ", "Hi there, ", "hey ", "Please ", "yo ")
_CLOSERS = (
    " thanks!",
    " Keep it short.",
    " Use bullet points.",
    " in 200 words",
    " be detailed please",
    " ty",
    " thx",
    " Thank you!",
    " :)",
    " asap",
    " no fluff.",
)
_EQUATIONS = (
    "Fe + O2 -> Fe2O3",
    "C3H8 + O2 -> CO2 + H2O",
    "Al + HCl -> AlCl3 + H2",
    "KClO3 -> KCl + O2",
    "N2 + H2 -> NH3",
    "C6H12O6 + O2 -> CO2 + H2O",
    "Na + Cl2 -> NaCl",
    "CH4 + O2 -> CO2 + H2O",
    "Cu + AgNO3 -> Cu(NO3)2 + Ag",
)
_MONTHS = ("January", "March", "May", "July", "September", "October", "December")
_COLS = "ABCDEFGH"

_MAKERS: dict[str, Callable[[random.Random, Corpus], object]] = {
    "t": lambda r, c: pick(r, TOPICS),
    "u": lambda r, c: pick(r, TOPICS_B),
    "age": lambda r, c: pick(r, (5, 10, 12, 15)),
    "n": lambda r, c: between(r, 3, 12),
    "rel": lambda r, c: pick(r, RELATIONS),
    "hobby": lambda r, c: pick(r, HOBBIES),
    "job": lambda r, c: pick(r, JOBS),
    "city": lambda r, c: pick(r, CITIES),
    "ing": lambda r, c: pick(r, INGREDIENTS),
    "ing2": lambda r, c: pick(r, INGREDIENTS),
    "ing3": lambda r, c: pick(r, INGREDIENTS),
    "issue": lambda r, c: pick(r, ISSUES),
    "pet": lambda r, c: pick(r, PETS),
    "price": lambda r, c: pick(r, (20, 30, 50, 75, 100, 150, 300, 500)),
    "mood": lambda r, c: pick(r, MOODS),
    "product": lambda r, c: pick(r, PRODUCTS),
    "month": lambda r, c: pick(r, _MONTHS),
    "tone": lambda r, c: pick(r, TONES),
    "text": lambda r, c: c.short(r),
    "lang": lambda r, c: pick(r, LANGS),
    "fw": lambda r, c: pick(r, FRAMEWORKS),
    "fw2": lambda r, c: pick(r, FRAMEWORKS),
    "dev": lambda r, c: pick(r, DEV_TASKS),
    "err": lambda r, c: pick(r, ERRORS),
    "code": lambda r, c: c.code(r),
    "a": lambda r, c: between(r, 2, 19),
    "b": lambda r, c: between(r, 1, 60),
    "c": lambda r, c: between(r, 10, 400),
    "h": lambda r, c: between(r, 2, 9),
    "prod": lambda r, c: between(r, 20, 900),
    "subj": lambda r, c: pick(r, SUBJECTS),
    "col": lambda r, c: pick(r, _COLS),
    "col2": lambda r, c: pick(r, _COLS),
    "word": lambda r, c: pick(r, ("Paid", "Open", "EU", "Q3", "Done")),
    "inv": lambda r, c: between(r, 1000, 99999),
    "rel_fr": lambda r, c: pick(r, ("frère", "père", "copain", "cousin", "voisin", "collègue")),
    "eq": lambda r, c: pick(r, _EQUATIONS),
    "mins": lambda r, c: pick(r, (15, 20, 30, 45, 60, 90)),
}


class _Slots(dict[str, object]):
    """Slot values drawn lazily, only for the placeholders a template uses."""

    def __init__(self, rng: random.Random, corpus: Corpus) -> None:
        super().__init__()
        self._rng = rng
        self._corpus = corpus

    def __missing__(self, key: str) -> object:
        value = _MAKERS[key](self._rng, self._corpus)
        self[key] = value
        return value


FAMILIES = ("question", "personal", "writing", "coding", "homework", "work", "foreign", "viral")


@dataclass(frozen=True)
class Voice:
    """How one user writes."""

    lower: bool
    opener: float
    closer: float
    lang: str  # "" or one of FOREIGN_LANGS: share of prompts in that language
    viral: int  # index of this user's favourite viral template, -1 for none


def voice(rng: random.Random, country: str, viral_share: float) -> Voice:
    foreign = {"ES": "es", "MX": "es", "DE": "de", "FR": "fr", "BR": "pt", "JP": "ja"}.get(country, "")
    if foreign and rng.random() < 0.4:
        foreign = ""
    return Voice(
        lower=rng.random() < 0.3,
        opener=rng.choice((0.0, 0.0, 0.1, 0.3, 0.6)),
        closer=rng.choice((0.0, 0.0, 0.1, 0.25)),
        lang=foreign,
        viral=rng.randrange(len(VIRAL)) if rng.random() < viral_share else -1,
    )


class Ordinary:
    """Generates ordinary prompts from a family mix (cumulative weights over :data:`FAMILIES`)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def viral(self, rng: random.Random, index: int) -> str:
        c = self.corpus
        return VIRAL[index].format(
            text=c.document(rng, 3, 8),
            short=c.short(rng),
            topic=rng.choice(TOPICS),
            lang=rng.choice(_VIRAL_LANGS),
        )

    def prompt(self, rng: random.Random, cum_mix: list[float], v: Voice) -> tuple[str, str]:
        """One prompt and its family name."""
        family = weighted(rng, FAMILIES, cum_mix)
        if family == "viral":
            return self.viral(rng, v.viral if v.viral >= 0 else rng.randrange(len(VIRAL))), family
        if v.lang and rng.random() < 0.55:
            family = "foreign"
        if family == "foreign":
            bank = _FOREIGN[v.lang or pick(rng, FOREIGN_LANGS)]
        else:
            bank = {
                "question": _QUESTION,
                "personal": _PERSONAL,
                "writing": _WRITING,
                "coding": _CODING,
                "homework": _HOMEWORK,
                "work": _WORK,
            }[family]
        text = pick(rng, bank).format_map(_Slots(rng, self.corpus))
        if v.opener and rng.random() < v.opener:
            text = pick(rng, _OPENERS) + text
        if v.closer and rng.random() < v.closer:
            text += pick(rng, _CLOSERS)
        if v.lower and family not in ("coding", "foreign"):
            text = text.lower()
        elif text[0].islower() and rng.random() < 0.5:
            text = text[0].upper() + text[1:]
        return text, family


def mix(**weights: float) -> list[float]:
    """Cumulative weights over :data:`FAMILIES` from keyword weights (missing families weigh 0)."""
    acc, out = 0.0, []
    for f in FAMILIES:
        acc += weights.get(f, 0.0)
        out.append(acc)
    return out

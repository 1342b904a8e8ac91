"""What ordinary people ask: many topics, many phrasings, several languages, follow-ups and fads."""

from __future__ import annotations

import random
from bisect import bisect

from .code import snippet
from .fill import casualise, fill, pick
from .vocab import VOCAB

# topic -> (templates, mean output tokens)
TOPICS: dict[str, tuple[tuple[str, ...], int]] = {
    "coding": (
        (
            "How do I {code_task} in {lang}?",
            "What's the cleanest way to {code_task} in {lang}",
            "Why does my {lang} code throw {error}?",
            "Write a {lang} function that {fn_spec}.",
            "getting {error} in {lang} when I try to {code_task}, any idea?",
            "Can you explain what {error} means and how to fix it",
            "{lang}: {code_task} without external libraries",
            "Best practice to {code_task} in {lang} for production?",
            "convert this logic to {lang2}: a function that {fn_spec}",
        ),
        520,
    ),
    "email": (
        (
            "Write a polite email to my {recipient} asking {ask}.",
            "Help me reply to my {recipient} who {situation}.",
            "Make this email sound more professional: hi, just checking if you saw my last message, let me "
            "know",
            "Draft a short message to my {recipient} {ask}",
            "Write an email to a {recipient} that {situation}, firm but kind",
        ),
        260,
    ),
    "career": (
        (
            "Write a cover letter for a {job} position at a {company_kind}.",
            "How should I answer '{interview_q}' for a {job} interview?",
            "Improve this resume bullet: {bullet}",
            "What skills do I need to become a {job}?",
            "Is it worth switching from {job} to {job2}?",
            "Give me 5 questions to ask at the end of a {job} interview",
        ),
        420,
    ),
    "study": (
        (
            "Explain {concept} like I'm {age}.",
            "What is the difference between {concept} and {concept2}?",
            "Summarize the causes of {event}.",
            "Solve {math} step by step",
            "Give me 10 flashcards about {concept}",
            "Quiz me on {event}",
            "Write a 300 word essay intro about {concept}",
            "Is this right? {math}",
            "explain {concept} in simple terms for my exam tomorrow",
        ),
        450,
    ),
    "cooking": (
        (
            "Give me a {diet} recipe using {ingredient} and {ingredient2}.",
            "What can I cook with {ingredient}, {ingredient2} and {ingredient3}?",
            "How long do I bake {food} at {temp}?",
            "Meal plan for a week, {diet}, family of {n5}",
            "Substitute for {ingredient} in a curry?",
            "I have {ingredient} that expires tomorrow, dinner ideas?",
        ),
        380,
    ),
    "travel": (
        (
            "Plan a {n7}-day itinerary for {city} on a {budget} budget.",
            "What should I pack for {city} in {month}?",
            "Is {city} safe for solo travellers?",
            "Best neighbourhoods to stay in {city}?",
            "Things to do in {city} with kids",
            "{city} or {city2} for a week in {month}?",
        ),
        520,
    ),
    "fitness": (
        (
            "Make me a {n12}-week {goal} plan.",
            "Is it normal to {symptom} after {activity}?",
            "How much protein do I need to build muscle at 70kg?",
            "Stretching routine for desk workers",
            "How do I start {goal} training at 40?",
        ),
        400,
    ),
    "money": (
        (
            "How should I budget a monthly income of {amount} {currency}?",
            "Explain {fin_concept} simply.",
            "Pay off debt or invest first?",
            "Is {fin_concept} a good idea for a beginner?",
            "How do I negotiate rent down?",
        ),
        380,
    ),
    "personal": (
        (
            "How do I tell my {relation} that {issue}?",
            "Write a birthday message for my {relation} who loves {hobby}.",
            "Gift ideas for my {relation} who is into {hobby}",
            "my {relation} and I keep arguing about chores, advice?",
            "Write a heartfelt thank you note to my {relation}",
        ),
        300,
    ),
    "creative": (
        (
            "Write a {form} about {subject}.",
            "Write a {form} about {subject} in the style of {style}.",
            "Give me {n12} names for a {namething}.",
            "Continue this story: the door was open and {subject} was inside",
            "Write a funny {form} about {subject} for my {relation}",
        ),
        350,
    ),
    "language": (
        (
            "Translate to {language}: {sentence}",
            "What does '{phrase}' mean?",
            "How do you say '{sentence}' in {language}?",
            "Correct my {language}: {sentence}",
            "Teach me 10 basic {language} phrases for travel",
        ),
        160,
    ),
    "work": (
        (
            "Write a {doc} for {purpose}.",
            "Summarize these notes:\n{notes}",
            "Create an Excel formula that {xl_task}.",
            "Turn these notes into an email to the team:\n{notes}",
            "Rewrite this {doc} to be more concise",
            "Google Sheets formula that {xl_task}",
            "What are the key points to include in a {doc}?",
            "What trends do you see in this data?\n{data}",
        ),
        420,
    ),
    "home": (
        (
            "How do I fix a {fault}?",
            "Best way to remove {stain} from {fabric}?",
            "Why are my {plant} leaves turning yellow?",
            "How often should I water {plant}?",
            "My {pet} won't eat, should I worry?",
            "How do I get my {kid_age} to sleep?",
            "Screen time rules for a {kid_age}?",
            "Training tips for a new {pet}",
        ),
        340,
    ),
    "curious": (
        (
            "Who was {person}?",
            "How does {tech} work?",
            "Why is the sky blue?",
            "What happened in {event}?",
            "Is it true that we only use 10% of our brain?",
            "Explain the ending of {show}",
            "Summarize {book}",
            "Books similar to {book}?",
            "Shows like {show}?",
            "Fun facts about {person}",
        ),
        330,
    ),
    "shopping": (
        (
            "{product} vs {product2}, which is better?",
            "Which {product_cat} should I buy under {amount}?",
            "Is the {product} worth it in 2026?",
            "Best {product_cat} for a small apartment",
        ),
        380,
    ),
    "legal": (
        (
            "Can my landlord {landlord_act}?",
            "What should be in a {contract} contract?",
            "Template for a {contract} contract please",
            "Do I need a lawyer for a {contract} dispute?",
        ),
        420,
    ),
    "games": (
        (
            "Best build for {gclass} in {game}?",
            "Tips for getting better at {game}",
            "Is {game} worth buying?",
            "Explain the lore of {game} briefly",
        ),
        350,
    ),
}

CODE_PASTE = (
    "Fix this:\n{code}",
    "Why doesn't this work?\n{code}",
    "Can you refactor this?\n{code}",
    "Add type hints and docstrings:\n{code}",
    "explain this code\n{code}",
    "Write tests for this:\n{code}",
    "This is slow, how can I speed it up?\n{code}",
)

FOREIGN: tuple[tuple[str, int], ...] = (
    ("¿Cómo puedo mejorar mi currículum para un puesto de {job}?", 380),
    ("Escribe un correo formal para pedir {ask}", 240),
    ("Explícame {concept} de forma sencilla", 360),
    ("Receita rápida com {ingredient} e {ingredient2}", 320),
    ("Me ajuda a escrever uma mensagem de aniversário para minha mãe", 200),
    ("Wie kann ich meinen Vermieter höflich bitten, die Heizung zu reparieren?", 260),
    ("Erkläre mir {concept} einfach", 360),
    ("Peux-tu corriger ce texte : je suis aller au marché hier avec mes amis", 150),
    ("Donne-moi un plan de révision pour mon bac en une semaine", 420),
    ("Tolong buatkan caption Instagram untuk jualan kue", 180),
    ("Bagaimana cara membuat CV yang menarik?", 380),
    ("मुझे {concept} आसान भाषा में समझाओ", 360),
    ("{concept}について簡単に説明してください", 380),
    ("주말에 {city}에서 할 만한 것 추천해줘", 350),
    ("Bana {city} için 3 günlük gezi planı yapar mısın?", 450),  # noqa: RUF001
    ("Napisz krótki wiersz o jesieni", 160),
    ("Viết giúp tôi email xin nghỉ phép một ngày", 220),
)

FOLLOW_UPS = (
    "make it shorter",
    "more formal please",
    "can you add an example?",
    "now as a table",
    "translate that into {language}",
    "thanks!",
    "shorter and friendlier",
    "explain the second point more",
    "Can you make it funnier?",
    "what about for {n5} people?",
    "ok and what if it fails?",
    "in bullet points pls",
    "use simpler words",
    "write it again but without the last paragraph",
    "that didn't work, same error",
    "perfect, now do one for my {relation}",
    "can you give sources?",
    "redo it in {lang}",
)

VIRAL = (
    "How many r's are in the word strawberry?",
    "Which is bigger, 9.11 or 9.9?",
    "Roast me based on everything you know about me",
    "Tell me something about myself that I might not know",
    "Describe me as a Pokémon based on our chats",
    "If you could be human for one day, what would you do?",
    "Write a letter to my future self in 10 years",
    "Explain the Monty Hall problem and convince me it's right",
)

CHITCHAT = (
    "hi",
    "hello",
    "what can you do?",
    "tell me a joke",
    "are you conscious?",
    "good morning!",
    "I'm bored",
    "thanks",
    "what's today's date?",
    "who made you?",
)

TOPIC_NAMES = tuple(TOPICS)


def topic_prompt(rng: random.Random, topic: str, sloppiness: float = 0.4) -> tuple[str, int]:
    """A first message on `topic` and the mean length of the answer it gets."""
    if topic == "coding" and rng.random() < 0.3:
        text = pick(rng, CODE_PASTE).replace("{code}", snippet(rng))
        return text, 600
    templates, mean_out = TOPICS[topic]
    text = fill(rng, pick(rng, templates), VOCAB)
    return casualise(rng, text, sloppiness), mean_out


def ordinary_prompt(
    rng: random.Random, topics: tuple[str, ...], cum_weights: list[float], sloppiness: float = 0.4
) -> tuple[str, int]:
    """A message from an ordinary person with the given interests (cumulative weights)."""
    roll = rng.random()
    if roll < 0.015:
        return pick(rng, VIRAL), 300
    if roll < 0.04:
        return pick(rng, CHITCHAT), 60
    if roll < 0.075:
        template, mean_out = pick(rng, FOREIGN)
        return fill(rng, template, VOCAB), mean_out
    topic = topics[bisect(cum_weights, rng.random() * cum_weights[-1])]
    return topic_prompt(rng, topic, sloppiness)


def follow_up(rng: random.Random) -> tuple[str, int]:
    return fill(rng, pick(rng, FOLLOW_UPS), VOCAB), 250

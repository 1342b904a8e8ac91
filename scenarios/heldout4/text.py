"""Prompt text for ordinary users: varied tasks, pasted text and the shared templates everybody uses."""

from __future__ import annotations

import random

SENTENCES: tuple[str, ...] = (
    "The quarterly revenue grew by eleven percent, driven mostly by the new subscription tier.",
    "Our team moved the weekly sync to Thursday because half of the engineers are in Berlin.",
    "The city council approved the new bike lane on Elm Street after a long public hearing.",
    "Customers reported that the checkout page freezes when they apply a discount code.",
    "The study followed 1,200 adults for six years and measured their sleep and blood pressure.",
    "Shipping delays at the port have pushed the product launch back to the end of May.",
    "The library will be closed on Monday for the installation of new heating equipment.",
    "Volunteers planted more than four hundred trees along the river during the weekend.",
    "The new policy requires all contractors to complete the safety training before starting work.",
    "Rainfall this spring was well below average, and farmers are worried about the wheat harvest.",
    "The museum's new exhibition brings together paintings that have never been shown in Europe.",
    "We noticed that the nightly backup job has been failing silently since the last upgrade.",
    "Attendance at the conference doubled compared to last year, mostly thanks to the online option.",
    "The landlord has agreed to repair the roof but wants to raise the rent by five percent.",
    "Researchers found that the enzyme becomes unstable at temperatures above forty degrees.",
    "The school district is considering a later start time for high school students.",
    "Our support backlog dropped to under fifty tickets after we added the new FAQ page.",
    "The hiking trail was closed for two weeks after the storm damaged the wooden bridge.",
    "Sales of electric bikes rose sharply in cities that introduced purchase subsidies.",
    "The committee will announce the grant recipients at the beginning of next month.",
    "Several residents complained about noise from the construction site late at night.",
    "The software update fixes a bug that caused the app to crash when uploading photos.",
    "Most respondents said they would prefer a four-day work week even with longer hours.",
    "The bakery on the corner now sells sourdough made with locally milled flour.",
    "Inflation eased slightly in March, but food prices are still higher than a year ago.",
    "The hospital opened a new wing dedicated to pediatric care and family support.",
    "Our marketing budget for the second half of the year has been cut by twenty percent.",
    "The train line between the two cities will be electrified by the end of the decade.",
    "The patient reported mild headaches and fatigue over the past three weeks.",
    "The novel follows three generations of a family that runs a small fishing business.",
    "Engineers are testing a new battery chemistry that charges in under fifteen minutes.",
    "The contract can be terminated by either party with ninety days written notice.",
    "Local restaurants have struggled to hire enough kitchen staff since the pandemic.",
    "The photos from the wedding will be ready in about three weeks.",
    "The river flooded twice this winter, damaging several homes near the old mill.",
    "Our new intern will help with data cleaning and the monthly reporting dashboard.",
    "The airline cancelled dozens of flights because of the strike by ground staff.",
    "The garden club meets every second Saturday to swap seeds and cuttings.",
    "The recipe calls for two cups of flour, a pinch of salt and three eggs.",
    "The pilot program reduced average waiting times at the clinic by a third.",
)
LANGS = (
    "Python",
    "JavaScript",
    "TypeScript",
    "Java",
    "C#",
    "Go",
    "Rust",
    "SQL",
    "Bash",
    "R",
    "Kotlin",
    "PHP",
)
CODE_TASKS = (
    "read a CSV file and compute the average of one column",
    "remove duplicates from a list while keeping the order",
    "parse a date string like 2024-03-15 into a date object",
    "retry an HTTP request with exponential backoff",
    "merge two dictionaries recursively",
    "validate an email address",
    "paginate through an API that returns a next cursor",
    "resize all images in a folder",
    "convert a nested JSON object into a flat table",
    "debounce a function call",
    "count word frequencies in a text file",
    "connect to Postgres and run a parameterized query",
    "write unit tests for a function that calculates shipping costs",
    "schedule a job to run every night at 2am",
)
ERRORS = (
    "TypeError: 'NoneType' object is not subscriptable",
    "ModuleNotFoundError: No module named 'pandas'",
    "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
    "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
    "java.lang.NullPointerException at com.example.OrderService.process(OrderService.java:42)",
    "fatal: refusing to merge unrelated histories",
    'ERROR: duplicate key value violates unique constraint "users_email_key"',
    "panic: runtime error: index out of range [3] with length 3",
    "CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource",
)
TOPICS = (
    "photosynthesis",
    "the French Revolution",
    "compound interest",
    "black holes",
    "the immune system",
    "supply and demand",
    "climate change",
    "the Pythagorean theorem",
    "machine learning",
    "inflation",
    "the water cycle",
    "the Roman Empire",
    "quantum computing",
    "plate tectonics",
    "the stock market",
    "vaccines",
    "blockchain",
    "the Cold War",
    "DNA replication",
    "renewable energy",
    "the electoral college",
)
CITIES = (
    "Lisbon",
    "Kyoto",
    "Mexico City",
    "Prague",
    "Cape Town",
    "Vancouver",
    "Seoul",
    "Istanbul",
    "Buenos Aires",
    "Edinburgh",
    "Hanoi",
    "Marrakech",
    "Copenhagen",
    "Bali",
    "Chicago",
)
FOODS = (
    "chicken curry",
    "vegan lasagna",
    "banana bread",
    "pad thai",
    "shakshuka",
    "chili con carne",
    "mushroom risotto",
    "pancakes without eggs",
    "a quick tomato soup",
    "overnight oats",
)
PEOPLE = (
    "my landlord",
    "my manager",
    "a client",
    "my professor",
    "the HR team",
    "a supplier",
    "my neighbour",
    "the school principal",
    "a recruiter",
    "customer support",
)
JOBS = (
    "data analyst",
    "nurse",
    "product manager",
    "teacher",
    "software engineer",
    "graphic designer",
    "accountant",
    "sales representative",
    "electrician",
    "marketing coordinator",
)
GENERAL: tuple[str, ...] = (
    "How do I {code_task} in {lang}?",
    "Write a {lang} function to {code_task}.",
    "I get this error: {error}. What does it mean and how do I fix it?",
    "Can you explain {topic} in simple terms?",
    "What's the difference between {topic} and {topic2}?",
    "Plan a 4-day trip to {city} on a budget. I like food and museums.",
    "Give me a recipe for {food} that takes less than 30 minutes.",
    "Write a polite email to {person} asking to reschedule our meeting to next week.",
    "Help me write a cover letter for a {job} position. I have 3 years of experience.",
    "What are good interview questions to ask when hiring a {job}?",
    "My {lang} code is slow when I {code_task}. Any tips?",
    "Write a short birthday message for my sister who loves hiking.",
    "Is it normal to feel tired after starting a new exercise routine?",
    "Give me 10 names for a small coffee shop in {city}.",
    "Explain {topic} to a 10 year old.",
    "What should I pack for a week in {city} in April?",
    "How do I negotiate a raise as a {job}?",
    "Summarize the main causes of {topic} in a few bullet points.",
    "Create a weekly meal plan with {food} as one of the dinners.",
    "Write a LinkedIn post announcing that I started a new job as a {job}.",
    "Review this {lang} snippet and suggest improvements:\n\n```\n{snippet}\n```",
    "Draft a complaint to {person} about a late delivery, firm but friendly.",
    "What are the pros and cons of learning {lang} first?",
    "quick question: {topic} vs {topic2}, which matters more for an exam?",
    "how to {code_task} {lang}",
    "Translate to Spanish: {sentence}",
    "Rewrite this to sound more confident: {sentence}",
    "Write a haiku about {topic}.",
    "Can you check my grammar? {sentence}",
    "What questions will likely be on a test about {topic}?",
)
FOREIGN: tuple[str, ...] = (
    "¿Cómo puedo {es_task}?",
    "Explícame {topic} de forma sencilla, por favor.",
    "Wie schreibe ich eine Kündigung für meine Wohnung?",
    "Kannst du mir {topic} einfach erklären?",
    "Peux-tu m'aider à écrire un e-mail à {person} ?",
    "Explique-moi {topic} en quelques phrases.",
    "{city}で3日間の旅行プランを作ってください。",
    "Como faço para {es_task} em {lang}?",
    "Bạn có thể giải thích {topic} không?",
    "{topic}에 대해 쉽게 설명해 주세요.",
)
ES_TASKS = (
    "aprender a programar",
    "mejorar mi currículum",
    "ahorrar dinero cada mes",
    "organizar mi semana",
    "preparar una entrevista de trabajo",
    "escribir una carta de recomendación",
)
SNIPPETS = (
    "for i in range(len(items)):\n    if items[i] == target:\n        return i",
    "const data = await fetch(url).then(r => r.json())\nconsole.log(data.items.length)",
    "SELECT * FROM orders o JOIN users u ON o.user_id = u.id WHERE o.total > 100",
    "def add(a, b):\n    return a+b\nprint(add('1', 2))",
    "if err != nil {\n    log.Fatal(err)\n}\ndefer f.Close()",
)
# Templates that spread by word of mouth: many unrelated people use them with their own payload.
SHARED_TEMPLATES: tuple[str, ...] = (
    "Summarize the following text in 3 bullet points:\n\n{text}",
    "Summarize the following:\n\n{text}",
    "Rewrite this email to sound more professional:\n\n{text}",
    "Fix the grammar and spelling in this text, keep the meaning:\n\n{text}",
    "Translate the following into French:\n\n{text}",
    "TL;DR: {text}",
    "Make this shorter: {text}",
    "Explain like I'm five: {topic}",
)


def paragraph(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(k))


def benign_prompt(rng: random.Random, template_share: float = 0.22, foreign_share: float = 0.08) -> str:
    x = rng.random()
    if x < template_share:
        return rng.choice(SHARED_TEMPLATES).format(
            text=paragraph(rng, rng.randint(2, 7)), topic=rng.choice(TOPICS)
        )
    template = rng.choice(FOREIGN) if x < template_share + foreign_share else rng.choice(GENERAL)
    topic, topic2 = rng.sample(TOPICS, 2)
    return template.format(
        code_task=rng.choice(CODE_TASKS),
        lang=rng.choice(LANGS),
        error=rng.choice(ERRORS),
        topic=topic,
        topic2=topic2,
        city=rng.choice(CITIES),
        food=rng.choice(FOODS),
        person=rng.choice(PEOPLE),
        job=rng.choice(JOBS),
        snippet=rng.choice(SNIPPETS),
        sentence=rng.choice(SENTENCES),
        es_task=rng.choice(ES_TASKS),
    )


def dev_prompt(rng: random.Random) -> str:
    x = rng.random()
    if x < 0.35:
        return f"Write a {rng.choice(LANGS)} function to {rng.choice(CODE_TASKS)}."
    if x < 0.6:
        return f"I get this error: {rng.choice(ERRORS)}. What does it mean and how do I fix it?"
    if x < 0.8:
        return f"Review this code and point out bugs:\n\n```\n{rng.choice(SNIPPETS)}\n```"
    return benign_prompt(rng, 0.1, 0.0)


FREE_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com", "proton.me")
FREE_MAIL_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "DE": ("gmx.de", "web.de", "t-online.de"),
    "FR": ("orange.fr", "laposte.net", "free.fr"),
    "JP": ("yahoo.co.jp", "docomo.ne.jp"),
    "KR": ("naver.com", "daum.net"),
    "BR": ("uol.com.br", "bol.com.br"),
    "GB": ("btinternet.com", "sky.com"),
    "IN": ("rediffmail.com",),
    "ES": ("telefonica.net",),
}
WORDS = (
    "north",
    "blue",
    "stone",
    "river",
    "cedar",
    "pixel",
    "nova",
    "apex",
    "harbor",
    "maple",
    "summit",
    "lumen",
    "orbit",
    "quill",
    "atlas",
    "ember",
    "vertex",
    "willow",
    "signal",
    "copper",
    "delta",
    "prism",
    "tidal",
    "falcon",
    "meadow",
    "iron",
    "civic",
    "beacon",
    "kite",
    "grove",
)
TLDS = ("com", "io", "co", "net", "de", "co.uk", "ai", "dev", "org", "fr", "app")


def personal_mail(rng: random.Random, country: str) -> str:
    local = FREE_MAIL_BY_COUNTRY.get(country)
    if local and rng.random() < 0.35:
        return rng.choice(local)
    return rng.choice(FREE_MAIL)


def company_domain(rng: random.Random, tld: str | None = None) -> str:
    a, b = rng.sample(WORDS, 2)
    suffix = rng.choice(("", "", "-group", "labs", "-tech", "works", "hq", "-partners", "soft"))
    return f"{a}{b}{suffix}.{tld or rng.choice(TLDS)}"

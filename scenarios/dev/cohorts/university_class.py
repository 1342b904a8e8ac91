"""``university_class``: one course's students behind the campus NAT, working from one assignment sheet.

Real-world behaviour: at semester start a class signs up within a week through the education programme
with university e-mail addresses; the campus network NATs them to a few addresses. Every week an
assignment sheet is released and students paste the same question instructions followed by their own
answers or code, mostly in the evenings before the deadline. They also use the platform ordinarily,
from campus and from home.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, MINI_MODEL, T0, T_END, cumulative, local_hour_weights, session_start
from ..fast import between, pick
from ..network import EDUCATION, RESIDENTIAL, asn_for
from ..platform import volume
from ..sizing import Sizing
from ..text.ordinary import mix, voice
from ..users import behave, paid_switch
from ..world import World
from .base import CohortContext, CohortStyle, persona

SIZE = Sizing(0.009, 15, 400)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    campus_ips: tuple[int, int] = (2, 4)
    signup_days: int = 7
    questions_per_sheet: tuple[int, int] = (3, 5)
    homework_per_week: tuple[int, int] = (1, 4)
    ordinary_volume: float = 0.6
    signals: tuple[str, ...] = (  # what makes this benign cluster look coordinated
        "creation_burst",
        "shared_nat_ips",
        "edu_domain",
        "shared_instructions",
        "signup_channel",
    )


KNOBS = Knobs()

COURSES = (
    ("CS 61A: Structure and Interpretation of Computer Programs", "code"),
    ("ECON 101: Principles of Microeconomics", "text"),
    ("CSE 373: Data Structures and Algorithms", "code"),
    ("HIST 210: Europe since 1815", "text"),
    ("STAT 200: Introduction to Statistics", "text"),
    ("INFO 1110: Introduction to Programming", "code"),
)
INSTRUCTIONS = (
    "Explain in your own words why the approach below is correct, then identify one case where it fails.",
    "Critically assess the argument below. Is the evidence sufficient? Cite at least two counterpoints.",
    "Below is my solution. Check it for errors and explain what I got wrong without giving me the full "
    "answer.",
    "Rewrite the paragraph below so that it follows the structure claim - evidence - analysis.",
    "Analyse the time complexity of the code below and suggest one optimisation.",
    "Summarise the reading below in 150 words and pose one discussion question.",
    "Does the passage below commit any logical fallacies? Name them and explain.",
    "Write test cases for the function below that cover edge cases.",
)
UNI_DOMAINS = (
    ("students.uwaterloo.ca", "CA"),
    ("student.unimelb.edu.au", "AU"),
    ("stud.tu-darmstadt.de", "DE"),
    ("g.ucla.edu", "US"),
    ("students.ubc.ca", "CA"),
    ("live.warwick.ac.uk", "GB"),
    ("umail.iu.edu", "US"),
    ("etu.univ-lyon1.fr", "FR"),
    ("alumnos.upm.es", "ES"),
    ("studenti.unimi.it", "IT"),
)
_ORD = mix(question=30, homework=30, writing=15, coding=10, personal=10, viral=5)


def plant(world: World, ctx: CohortContext, knobs: Knobs = KNOBS) -> list[str]:
    rng, n = ctx.rng, ctx.size
    domain, cc = rng.choice(UNI_DOMAINS)
    country = identity.BY_CODE[cc]
    course, kind = rng.choice(COURSES)
    campus_asn = (
        asn_for(cc, EDUCATION, rng)
        if any(a.country == cc for a in EDUCATION)
        else asn_for(cc, RESIDENTIAL, rng)
    )
    campus = [world.net.ip(campus_asn, kind="education") for _ in range(rng.randint(*knobs.campus_ips))]
    semester = T0 + rng.randint(-3, 8) * DAY
    weeks = max(1, (T_END - semester) // (7 * DAY))
    sheets = [rng.sample(INSTRUCTIONS, rng.randint(*knobs.questions_per_sheet)) for _ in range(weeks)]
    evening = cumulative(local_hour_weights("student"))
    members: list[str] = []
    for _ in range(n):
        created = (
            semester - 2 * DAY + int(rng.random() ** 2 * knobs.signup_days * DAY) + rng.randrange(12 * HOUR)
        )
        aid = world.new_account(created, domain, cc, "free", channel="education")
        members.append(aid)
        v = voice(rng, cc, 0.3)
        ua = rng.choice(identity.BROWSER_UAS)
        home = world.net.ip(asn_for(cc, RESIDENTIAL, rng))
        ips = [pick(rng, campus), home]
        for w, sheet in enumerate(sheets):
            release = semester + w * 7 * DAY
            deadline = min(T_END, release + 7 * DAY)
            for _ in range(rng.randint(*knobs.homework_per_week)):
                q = rng.randrange(len(sheet))
                mine = world.corpus.code(rng) if kind == "code" else world.corpus.document(rng, 3, 7)
                prompt = f"{course} - Assignment {w + 1}, Question {q + 1}: {sheet[q]}\n\n{mine}"
                lo = max(release + 4 * DAY, created, T0)
                if lo >= deadline:
                    continue
                ts = session_start(rng, lo, deadline, evening, country.tz)
                ip = ips[0] if rng.random() < 0.6 else ips[1]
                world.request(aid, ts, prompt, ip, MINI_MODEL, between(rng, 200, 1500), ua)
        p = persona(
            aid, country.tz, [(ips[0], 3.0, ua), (home, 2.0, ua)], v, _ORD, "student", _late_switch(rng)
        )
        if behave(world, p, volume(rng, world.rpa, knobs.ordinary_volume), max(created, T0), T_END, rng):
            world.mark(aid, "viral_template")
    return members


def _late_switch(rng: random.Random) -> int | None:
    return paid_switch(rng) + 10 * DAY if rng.random() < 0.4 else None


STYLE = CohortStyle("university_class", KNOBS.size, plant)

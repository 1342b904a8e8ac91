"""The simulated six-week window, the models on offer and when people are awake.

Everything is a fixed epoch so two runs with the same seed write the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

HOUR = 3600
DAY = 86400
START = int(datetime(2026, 4, 1, tzinfo=UTC).timestamp())
DAYS = 42
END = START + DAYS * DAY
START_HOUR = START // HOUR
END_HOUR = END // HOUR


@dataclass(frozen=True)
class ModelRelease:
    name: str
    released_at: int


OLD_MODEL = "atlas-3"
MINI_MODEL = "atlas-3-mini"
NEW_MODEL = "atlas-4"
# Mid-window release: the distillation signal is traffic jumping to it within a day.
NEW_MODEL_RELEASE = START + 23 * DAY + 17 * HOUR
MODELS = (
    ModelRelease(OLD_MODEL, START - 200 * DAY),
    ModelRelease(MINI_MODEL, START - 120 * DAY),
    ModelRelease(NEW_MODEL, NEW_MODEL_RELEASE),
)
# Ordinary users drift to a new model over weeks, not hours.
ORGANIC_ADOPTION_DAYS = 16.0
ORGANIC_ADOPTION_MAX = 0.45

# Requests per local hour of day for a person (sleep, work, evening peak).
_DIURNAL = np.array(
    [1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.6, 3.0, 4.5, 5.0, 5.0, 4.4, 4.8, 5.0, 4.8, 4.5, 4.0, 3.4, 3.3, 3.5,
     3.2,
     2.4, 1.6],
    dtype=np.float64,
)  # fmt: skip
DIURNAL = _DIURNAL / _DIURNAL.sum()
_EVENING = np.array(
    [1.5, 0.8, 0.3, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.0, 1.2, 1.2, 1.3, 1.5, 1.8, 2.2, 2.6, 3.2, 4.5, 5.5,
     6.0, 5.0, 3.0],
    dtype=np.float64,
)  # fmt: skip
EVENING = _EVENING / _EVENING.sum()
_WORKDAY = np.array(
    [0, 0, 0, 0, 0, 0, 0.2, 1, 3, 5, 5, 5, 4, 5, 5, 5, 4, 2, 0.5, 0.2, 0, 0, 0, 0], dtype=np.float64
)
WORKDAY = _WORKDAY / _WORKDAY.sum()


def iso(ts: npt.NDArray[np.int64]) -> npt.NDArray[np.str_]:
    """Epoch seconds to ISO 8601 with a `Z`, vectorised."""
    text = np.datetime_as_string(ts.astype("datetime64[s]"), unit="s")
    return np.char.add(text, "Z")


def iso_one(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

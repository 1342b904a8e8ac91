"""The API worker's heap: what is built at start-up is frozen out of the cyclic garbage collector.

A worker imports the schema, the driver, pydantic models, numpy and pandas (the driver's optional
dependencies) before it serves: some 180,000 long-lived objects. Every full collection walked all of
them — 67 ms on an idle worker, 350 ms on a busy one — and under load, objects of requests still in
flight are promoted and trigger one every few seconds, stalling every request of that worker at once:
the p99 of attribution lookups was that stall. Frozen, a full collection only walks what requests left
behind (see docs/benchmarks.md). Frozen objects are still freed by reference counting; only a cycle
among them would stay, and what a worker builds at start-up lives as long as the worker anyway.
"""

from __future__ import annotations

import gc


def freeze_startup_heap() -> int:
    """Collects once, then moves every surviving object to the permanent generation; returns how many."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()

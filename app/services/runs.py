"""Detection runs as the API lists them."""

from __future__ import annotations

from app.platform.runner import AsyncQueryRunner, Row


async def page(graph: AsyncQueryRunner, status: str | None, skip: int, limit: int) -> tuple[int, list[Row]]:
    row = await graph.fetch_one("api/runs_page", status=status, skip=skip, limit=limit)
    return (int(row["total"]), list(row["rows"])) if row else (0, [])


async def get(graph: AsyncQueryRunner, run_id: str) -> Row | None:
    row = await graph.fetch_one("api/run_get", run_id=run_id)
    return row["run"] if row else None


async def stats(graph: AsyncQueryRunner, buckets: list[float]) -> list[Row]:
    """Runs per status and trigger: count, finished durations (total and cumulative per bucket bound)."""
    return await graph.fetch("api/metrics_runs", buckets=buckets)

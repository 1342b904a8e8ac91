"""Prometheus metrics of the API (`prometheus-client`), served at `/metrics`.

`linkwatch serve --workers N` runs N processes behind one port, and a scrape reaches whichever one the
kernel picks: per-process counters would jump between workers' values. With several workers the
supervisor therefore points `PROMETHEUS_MULTIPROC_DIR` at an emptied folder (`$LINKWATCH_HOME/run/metrics`
unless set) before the workers start (`prepare_multiprocess_dir`); each worker then writes its samples to
files there and every scrape sums all of them. The variable has to be set before a worker first imports
`prometheus_client`, which is why the supervisor sets it and not the app.

Label values come from the schema, never from the request: the operation label is the root field that
was asked for (or `multiple` / `invalid`), so a client cannot create new series by naming its operations.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from graphql import DocumentNode, FieldNode, GraphQLSchema, OperationDefinitionNode
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as prometheus_multiprocess
from prometheus_client.registry import Collector

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST

REQUESTS = Counter(
    "linkwatch_graphql_requests",
    "GraphQL operations answered, by root field, operation type and outcome (ok / error).",
    ["operation", "operation_type", "outcome"],
)
LATENCY = Histogram(
    "linkwatch_graphql_request_duration_seconds",
    "Time from parsing a GraphQL operation to its audited result, by root field and operation type.",
    ["operation", "operation_type"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
ERRORS = Counter(
    "linkwatch_graphql_errors",
    "GraphQL errors returned to clients, by extensions.code.",
    ["code"],
)
REFUSED = Counter(
    "linkwatch_http_refused",
    "Requests refused before GraphQL ran, by HTTP status (401 no or bad key, 413 body too large).",
    ["status"],
)

MULTIPLE = "multiple"
INVALID = "invalid"
_META_FIELDS = frozenset({"__typename", "__schema", "__type"})


@lru_cache(maxsize=8)
def _root_fields(schema: GraphQLSchema) -> frozenset[str]:
    names = set(_META_FIELDS)
    for root in (schema.query_type, schema.mutation_type, schema.subscription_type):
        if root is not None:
            names.update(root.fields)
    return frozenset(names)


def operation_label(schema: GraphQLSchema, document: DocumentNode | None, operation_name: str | None) -> str:
    """The root field the operation asked for, `multiple` for several, `invalid` if it is not the schema's."""
    if document is None:
        return INVALID
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [d for d in operations if d.name is not None and d.name.value == operation_name]
    if len(operations) != 1:
        return INVALID
    selections = operations[0].selection_set.selections
    fields = [s for s in selections if isinstance(s, FieldNode)]
    if len(fields) != len(selections):
        return MULTIPLE  # fragments at the root: not worth resolving them for a label
    names = {f.name.value for f in fields}
    if not names <= _root_fields(schema):
        return INVALID
    return next(iter(names)) if len(names) == 1 else MULTIPLE


def prepare_multiprocess_dir(default: Path) -> Path:
    """Points `PROMETHEUS_MULTIPROC_DIR` (the operator's, else `default`) at a folder emptied of earlier
    servers' samples, which would otherwise be summed into this one's, for the workers about to start."""
    path = Path(os.environ.get(MULTIPROC_ENV) or default)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Only the sample files: the folder may be the operator's, with other things in it.
    for stale in path.glob("*.db"):
        stale.unlink()
    os.environ[MULTIPROC_ENV] = str(path)
    return path


def exposition(*extra: Collector) -> bytes:
    """The metrics in Prometheus' text format: this process's, or every worker's in multiprocess mode, and
    `extra` collectors whose values are not per process (read from durable records) and so never summed."""
    registry = CollectorRegistry()
    for collector in extra:
        registry.register(collector)
    if os.environ.get(MULTIPROC_ENV):
        prometheus_multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY) + generate_latest(registry)

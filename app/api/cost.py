"""Query cost, estimated before execution, and what the API does with it (docs/api.md, "Cost bounds").

The depth, alias and token limits bound a document's shape, not its work: `campaigns(first: 100)` with
`members(first: 100)` under it asks for 10,000 members in a document of a few dozen tokens. The cost is
an upper bound on the objects an operation resolves: every field with a selection counts 1 for each
object it can return, plus its sub-selection's cost for each of them, where how many it can return is:

- a field with a `first` argument: the page size asked for (a literal or a variable), clamped to
  `LINKWATCH_API_MAX_PAGE_SIZE` as the resolvers clamp it, `DEFAULT_PAGE` when not given. Lists directly
  under such a field (a connection's `edges`, a neighbourhood's `ips`) are bounded by it already;
- any other list field: `ASSUMED_LIST` (attribution's campaigns and actors, evidence; the services bound
  these lists, but not by an argument the estimate could read);
- a few root fields whose work is not in their selection weigh more (`FIELD_WEIGHTS`: `path` is a
  variable-length search of up to 8 hops).

It depends on the variables, so it is computed per request in an extension (validation results are
cached per document); fragments are costed once per request and type, so a document cannot make the
walk itself expensive.

An operation over `LINKWATCH_API_MAX_COST` is refused (`QUERY_TOO_COMPLEX`) without running. One at or
over `LINKWATCH_API_EXPENSIVE_COST` waits for one of `LINKWATCH_API_EXPENSIVE_CONCURRENCY` slots of its
worker, so a burst of expensive queries queues behind itself instead of taking every connection and
core from the cheap lookups. The wait counts against the request's time budget
(`LINKWATCH_API_REQUEST_TIMEOUT`), which also bounds every Neo4j transaction of the request
(`budget.py`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
)
from strawberry.extensions import SchemaExtension

from app.api.budget import BudgetedGraph
from app.api.errors import QUERY_TIMEOUT, TOO_COMPLEX

DEFAULT_PAGE = 50  # the largest default page size of any resolver
ASSUMED_LIST = 10
# Queries of one expensive operation in flight at once (budget.BudgetedGraph.fanout).
EXPENSIVE_FANOUT = 2
# Past the budget, Neo4j has had its chance to time the transaction out itself (with a clear error).
OVERRUN_GRACE = 2.0
FIELD_WEIGHTS: Mapping[tuple[str, str], int] = {("Query", "path"): 5000}


@dataclass(frozen=True)
class CostLimits:
    max_cost: int
    expensive_cost: int
    max_page_size: int


def estimate(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    max_page_size: int,
) -> int:
    """The cost of the operation `operation_name` (or the only one) of a validated document."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name is not None and o.name.value == operation_name]
    if len(operations) != 1:
        return 0  # execution reports the missing or ambiguous operation
    operation = operations[0]
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return _Estimator(schema, fragments, variables or {}, max_page_size).selection(
        operation.selection_set, root, bounded=False
    )


class _Estimator:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page_size = max_page_size
        self.memo: dict[tuple[str, str, bool], int] = {}

    def selection(self, selection_set: SelectionSetNode, parent: GraphQLNamedType, *, bounded: bool) -> int:
        total = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                total += self.field(node, parent, bounded=bounded)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition
                target = self.schema.get_type(condition.name.value) if condition is not None else parent
                if target is not None:
                    total += self.selection(node.selection_set, target, bounded=bounded)
            elif isinstance(node, FragmentSpreadNode):
                total += self.spread(node.name.value, bounded=bounded)
        return total

    def spread(self, name: str, *, bounded: bool) -> int:
        fragment = self.fragments.get(name)
        if fragment is None:
            return 0
        key = (name, fragment.type_condition.name.value, bounded)
        if key not in self.memo:
            target = self.schema.get_type(fragment.type_condition.name.value)
            self.memo[key] = (
                0 if target is None else self.selection(fragment.selection_set, target, bounded=bounded)
            )
        return self.memo[key]

    def field(self, node: FieldNode, parent: GraphQLNamedType, *, bounded: bool) -> int:
        if node.selection_set is None:
            return 0  # a scalar comes with its object
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 1  # __typename, __schema, __type: nothing of ours
        inner = get_named_type(definition.type)
        listed = is_list_type(get_nullable_type(definition.type))
        if "first" in definition.args:
            multiplier = self.page(node)
            # What this argument bounds is one level down when the field returns an object (a
            # connection's edges, a neighbourhood's lists).
            child_bounded = not listed
        else:
            multiplier = 1 if (bounded or not listed) else ASSUMED_LIST
            child_bounded = False
        weight = FIELD_WEIGHTS.get((parent.name, node.name.value), 1)
        return multiplier * (weight + self.selection(node.selection_set, inner, bounded=child_bounded))

    def page(self, node: FieldNode) -> int:
        argument = next((a for a in node.arguments or () if a.name.value == "first"), None)
        value: Any = None
        if argument is not None:
            if isinstance(argument.value, IntValueNode):
                value = int(argument.value.value)
            elif isinstance(argument.value, VariableNode):
                value = self.variables.get(argument.value.name.value)
        size = value if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_PAGE
        return max(0, min(size, self.max_page_size))


def _refusal(message: str, code: str) -> ExecutionResult:
    return ExecutionResult(data=None, errors=[GraphQLError(message, extensions={"code": code})])


class CostGuard(SchemaExtension):
    """Refuses operations over the cost limit; runs expensive ones in a bounded number of slots."""

    def __init__(self, *, limits: CostLimits, slots: asyncio.Semaphore) -> None:
        self.limits = limits
        self.slots = slots

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is None or ctx.result is not None:
            yield
            return
        cost = estimate(
            ctx.schema._schema,
            ctx.graphql_document,
            ctx.operation_name,
            ctx.variables,
            self.limits.max_page_size,
        )
        context: Any = ctx.context
        if context is not None:
            context.cost = cost
        if cost > self.limits.max_cost:
            ctx.result = _refusal(
                f"query cost {cost} is over the limit of {self.limits.max_cost}: ask for smaller pages "
                "(first) or fewer nested lists",
                TOO_COMPLEX,
            )
            yield
            return
        deadline = getattr(context, "deadline", None)
        slot = cost >= self.limits.expensive_cost
        if slot:
            try:
                # The wait counts against the request's budget: a queue longer than that is refused.
                async with asyncio.timeout_at(_loop_time(deadline)):
                    await self.slots.acquire()
            except TimeoutError:
                ctx.result = _refusal(
                    "too many expensive requests are running; retry later or ask for less", QUERY_TIMEOUT
                )
                yield
                return
            graph = getattr(context, "graph", None)
            if isinstance(graph, BudgetedGraph):
                graph.fanout = asyncio.Semaphore(EXPENSIVE_FANOUT)
        try:
            # Neo4j enforces the budget on each transaction; this catches what it cannot see (a query
            # stuck on a dead connection, time spent in this worker). It surfaces as QUERY_TIMEOUT.
            async with asyncio.timeout_at(_loop_time(deadline, OVERRUN_GRACE)):
                yield
        finally:
            if slot:
                self.slots.release()


def _loop_time(deadline: float | None, grace: float = 0.0) -> float | None:
    """A `time.monotonic()` deadline on the event loop's clock (asyncio.timeout_at takes loop time)."""
    if deadline is None:
        return None
    return asyncio.get_running_loop().time() + (deadline - time.monotonic()) + grace

"""The cost estimate before execution: page sizes multiply through nested lists, from literals or
variables, clamped as the resolvers clamp them; fragments cannot make the estimate itself expensive."""

from __future__ import annotations

import strawberry
from graphql import GraphQLSchema, parse

from app.api.cost import ASSUMED_LIST, DEFAULT_PAGE, FIELD_WEIGHTS, estimate
from app.api.mutations import Mutation
from app.api.queries import Query
from app.api.ratelimit import KeyRateLimit

SCHEMA: GraphQLSchema = strawberry.Schema(query=Query, mutation=Mutation)._schema
CAP = 100


def cost(document: str, **variables: object) -> int:
    return estimate(SCHEMA, parse(document), None, variables, CAP)


def test_nested_pages_multiply() -> None:
    one = cost("{ campaigns(first: 10) { edges { node { id } } } }")
    nested = cost(
        "{ campaigns(first: 10) { edges { node { members(first: 10) { edges { node { membership } } } } } } }"
    )
    assert one == 10 * (1 + 1 + 1)  # connection, edge, node per page entry
    assert nested > 10 * one


def test_page_sizes_from_variables_are_clamped_like_the_resolvers() -> None:
    doc = "query($n: Int) { campaigns(first: $n) { edges { node { id } } } }"
    assert cost(doc, n=5) == 5 * 3
    assert cost(doc, n=10_000) == CAP * 3
    assert cost(doc) == DEFAULT_PAGE * 3
    assert cost(doc, n=-3) == 0


def test_lists_without_a_page_size_are_assumed_sized() -> None:
    assert cost('{ attribution(account: "a") { actors { confidence } } }') == 1 + ASSUMED_LIST


def test_path_search_weighs_what_its_search_costs() -> None:
    assert cost('{ path(from: "a", to: "b") { length } }') == FIELD_WEIGHTS[("Query", "path")]


def test_fragment_fan_out_is_costed_without_walking_every_copy() -> None:
    # Each fragment spreads the next one twice: 2^30 copies of `id` if walked naively.
    fragments = [f"fragment F{i} on Campaign {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30)] + [
        "fragment F30 on Campaign { templates(first: 1) { requests } }"
    ]
    doc = '{ campaign(id: "C") { ...F0 } } ' + " ".join(fragments)
    assert cost(doc) == 1 + 2**30 * 1


def test_rate_limit_refuses_with_the_wait_and_counts_per_key() -> None:
    limit = KeyRateLimit("2/minute")
    assert limit.admit("k1") is None
    assert limit.admit("k1") is None
    wait = limit.admit("k1")
    assert wait is not None
    assert 1 <= wait <= 60
    assert limit.admit("k2") is None
    assert KeyRateLimit("").admit("k1") is None

"""Driver construction: one driver per process, sessions per unit of work."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase

from app.platform.settings import Settings


def auth(settings: Settings) -> tuple[str, str]:
    return (settings.neo4j_user, settings.password())


def sync_driver(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.neo4j_uri, auth=auth(settings), max_connection_pool_size=50)


def async_driver(settings: Settings) -> AsyncDriver:
    return AsyncGraphDatabase.driver(settings.neo4j_uri, auth=auth(settings), max_connection_pool_size=100)

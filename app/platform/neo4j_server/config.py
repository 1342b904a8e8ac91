"""Server settings derived from the application settings."""

from __future__ import annotations

from app.platform.neo4j_server.server import ServerConfig
from app.platform.settings import Settings


def server_config(settings: Settings) -> ServerConfig:
    return ServerConfig(
        home=settings.home / "neo4j",
        host=settings.bolt_host,
        port=settings.bolt_port,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        auth=settings.neo4j_auth,
        password=settings.password() if settings.neo4j_auth else None,
        start_timeout=settings.neo4j_start_timeout,
    )

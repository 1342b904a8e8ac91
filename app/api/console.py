"""The analyst console (console/, built by `make install`) served at `/`, same origin as /graphql."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# The page talks only to its own origin and loads nothing from elsewhere (everything is bundled), so a
# strict policy costs nothing and stops injected markup from calling out. Sigma sets inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    # The campaign id lives in the URL fragment, which browsers never send; no referrer either.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}

MISSING = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Linkwatch console not built</title></head>
<body><main><h1>The Linkwatch console is not built</h1>
<p>The API is up (GraphQL at <code>/graphql</code>), but there are no console assets in
<code>{path}</code>.</p>
<p>Build them with <code>make install</code>, or
<code>cd console &amp;&amp; npm ci &amp;&amp; npm run build</code>,
or point <code>LINKWATCH_CONSOLE_DIR</code> at a built copy, then restart <code>linkwatch serve</code>.</p>
</main></body></html>
"""


def default_console_dir() -> Path:
    """`console/dist` of the source tree this package runs from."""
    return Path(__file__).resolve().parents[2] / "console" / "dist"


class ConsoleFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(HEADERS)
        # Built assets carry a content hash in their names; index.html must be re-read on each visit.
        if path.startswith("assets/"):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        else:
            response.headers["Cache-Control"] = "no-cache"
        return response


def add_console(app: FastAPI, directory: Path | None) -> None:
    """Mount the built console at `/` (after every other route), or a page saying how to build it."""
    root = directory or default_console_dir()
    if (root / "index.html").is_file():
        app.router.routes.append(Mount("/", app=ConsoleFiles(directory=root, html=True), name="console"))
        return

    async def missing(request: Request) -> Response:
        return HTMLResponse(MISSING.format(path=root), status_code=503, headers=HEADERS)

    app.router.routes.append(Route("/", missing, methods=["GET", "HEAD"]))

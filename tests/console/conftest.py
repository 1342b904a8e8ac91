"""Browser tests of the analyst console: the API under `linkwatch serve --host --port` on the session's
throw-away Neo4j, the planted graph of tests/api, and one headless Debian chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import Driver
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from app.platform.neo4j_server.throwaway import free_port
from app.platform.settings import Settings
from app.services import api_keys
from app.services.api_keys import Role
from tests.api import graphdata

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "console" / "dist"
# The documented screenshots are refreshed on request (LINKWATCH_SCREENSHOTS=docs/console make test);
# an ordinary run writes them to a scratch folder so it never dirties the tree.
SCREENSHOTS = Path(os.environ.get("LINKWATCH_SCREENSHOTS") or tempfile.mkdtemp(prefix="lw-console-shots-"))
SCREENSHOTS.mkdir(parents=True, exist_ok=True)
# The machine's two cores are shared: a first query (cold plan cache) can take seconds, not the 5 s default.
expect.set_options(timeout=20_000)
# Headless chromium has no GPU here: WebGL (sigma.js) runs on SwiftShader, which it refuses by default.
CHROMIUM_ARGS = ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist"]


def chromium_path() -> str:
    found = (
        os.environ.get("LINKWATCH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not found:
        pytest.fail(
            "chromium is not installed: the console's browser tests need Debian's chromium "
            "(`apt-get install -y chromium`, which .ci/run does) or LINKWATCH_CHROMIUM=/path/to/chrome",
            pytrace=False,
        )
    return found


@dataclass(frozen=True)
class ConsoleKeys:
    viewer: str
    analyst: str
    revoked: str


@dataclass
class Console:
    url: str
    keys: ConsoleKeys
    errors: list[str] = field(default_factory=list)

    def gql(self, query: str, key: str, **variables: Any) -> dict[str, Any]:
        response = httpx.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {key}"},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert not body.get("errors"), body["errors"]
        result: dict[str, Any] = body["data"]
        return result


@pytest.fixture(scope="module")
def console_keys(driver: Driver, settings: Settings) -> ConsoleKeys:
    """The planted graph of the API tests, two models (one released mid-campaign) and keys per role."""
    graphdata.wipe(driver)
    graphdata.build(driver, settings.hash_key())
    with driver.session() as s:
        s.run(
            "CREATE (:Model {name: 'base-1', first_seen: datetime('2026-01-01T00:00:00Z')}), "
            "(:Model {name: 'frontier-2', first_seen: datetime('2026-05-02T06:00:00Z')})"
        ).consume()
    db = settings.neo4j_database
    revoked = api_keys.create_key(driver, db, "revoked-rita", Role.ANALYST)
    api_keys.revoke_key(driver, db, revoked.key_id, settings.home)
    return ConsoleKeys(
        viewer=api_keys.create_key(driver, db, "vic-viewer", Role.VIEWER).token,
        analyst=api_keys.create_key(driver, db, "ana-analyst", Role.ANALYST).token,
        revoked=revoked.token,
    )


@pytest.fixture(scope="session")
def console_url(settings: Settings) -> Iterator[str]:
    """`linkwatch serve --host --port` in a child process: the same path `make run` takes."""
    if not (DIST / "index.html").is_file():
        pytest.fail(
            f"the console is not built ({DIST}/index.html missing): run `make install` "
            "or `cd console && npm ci && npm run build`",
            pytrace=False,
        )
    port = free_port()
    log = settings.home / "logs" / "console-api.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli.serve_cmd", "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LINKWATCH_CONSOLE_DIR": str(DIST)},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the API exited with {proc.returncode}; see {log}", pytrace=False)
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the API did not answer within 60 s; see {log}", pytrace=False)
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


# Module scope, not session: Playwright's sync API keeps an event loop running in this thread while it is
# open, and the async API tests that may run after this module need the thread's loop to themselves.
# With every browser test in one module this is still one browser per session.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def console(console_url: str, console_keys: ConsoleKeys) -> Console:
    return Console(url=console_url, keys=console_keys)


@pytest.fixture
def page(browser: Browser, console: Console) -> Iterator[Page]:
    """A fresh tab (its own sessionStorage); any uncaught page error fails the test."""
    context: BrowserContext = browser.new_context(
        base_url=console.url, viewport={"width": 1400, "height": 1000}, accept_downloads=True
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("pageerror", lambda exc: console.errors.append(str(exc)))
    yield tab
    context.close()
    assert console.errors == [], f"uncaught errors in the page: {console.errors}"

"""`linkwatch load --engine spark --master URL` against something that is not a Spark master."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path


def test_a_silent_master_fails_the_load_before_anything_is_written(tmp_path: Path) -> None:
    # Accepts the connection (as a proxy or another service would) and never answers.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        master = f"spark://127.0.0.1:{listener.getsockname()[1]}"
        data = tmp_path / "in"
        data.mkdir()
        (data / "requests.csv").write_text("account_id,ts,prompt\na1,2026-05-01T00:00:00Z,hello\n")
        env = {
            **os.environ,
            "LINKWATCH_HOME": str(tmp_path / "home"),
            "LINKWATCH_SPARK_CONNECT_TIMEOUT": "3",
            # Nothing listens here: the command must stop before it ever connects to Neo4j.
            "NEO4J_URI": "bolt://127.0.0.1:1",
        }
        started = time.monotonic()
        command = ["load", str(data), "--engine", "spark", "--master", master]
        proc = subprocess.run(
            [sys.executable, "-c", "from app.cli import main; main()", *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
            check=False,
        )
    out = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode == 2, out
    assert f"Spark master {master} did not accept the application" in out
    assert "no answer within 3 s" in out
    assert "ServiceUnavailable" not in out  # failed on Spark, not later on Neo4j
    assert time.monotonic() - started < 120
    assert not (tmp_path / "home" / "rejects").exists()

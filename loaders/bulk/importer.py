"""Runs `neo4j-admin database import full` into the managed server's own store (server stopped).

The importer comes from the launcher's jars (the same Neo4j build as the server). The launcher runs the
DBMS with `NEO4J_HOME` = the server's home and `server.directories.data` = its `data/` directory, so the
database lives in `data/databases/neo4j` with its transaction logs in `data/transactions/neo4j`; the
importer is given the same two settings and replaces exactly that database (`--overwrite-destination`),
leaving the `system` database (users, password) alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from app.platform.logging import get_logger
from app.platform.neo4j_server import launcher_build
from app.platform.neo4j_server.java import check_java
from app.platform.neo4j_server.server import ServerConfig
from loaders.bulk.import_files import ImportFiles

log = get_logger(__name__)

_SUMMARY = re.compile(r"Imported:\s+(\d+) nodes\s+(\d+) relationships")


class ImporterError(RuntimeError):
    pass


@dataclass(frozen=True)
class ImportResult:
    nodes: int
    relationships: int
    seconds: float
    log_file: Path


def run_import(
    cfg: ServerConfig, files: ImportFiles, work: Path, heap: str, threads: int, database: str = "neo4j"
) -> ImportResult:
    java, _ = check_java()
    launcher_build.ensure_built()
    conf = work / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text(
        f"server.directories.data={cfg.data_dir}\nserver.directories.logs={cfg.log_dir}\n", encoding="utf-8"
    )
    cfg.log_dir.mkdir(parents=True, exist_ok=True)
    log_file = cfg.log_dir / "bulk-import.log"
    env = {**os.environ, "NEO4J_HOME": str(cfg.home), "NEO4J_CONF": str(conf)}
    env.pop("NEO4J_PASSWORD", None)  # the importer needs none; keep it out of the child's environment
    cmd = [
        java,
        f"-Xmx{heap}",
        "-XX:+UseG1GC",
        "-cp",
        f"{launcher_build.target() / 'lib'}/*",
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        "--overwrite-destination=true",
        f"--threads={threads}",
        # Every row was validated and every id is unique by construction: any complaint is a bug.
        "--bad-tolerance=0",
        f"--report-file={work / 'import.report'}",
        *files.arguments(),
        "--",
        database,
    ]
    log.info("importer started", threads=threads, heap=heap, store=str(cfg.data_dir), log=str(log_file))
    started = time.monotonic()
    with log_file.open("w", encoding="utf-8") as out:
        proc = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    took = time.monotonic() - started
    output = log_file.read_text(encoding="utf-8", errors="replace")
    found = _SUMMARY.search(output)
    if proc.returncode != 0 or found is None:
        tail = "\n".join(output.strip().splitlines()[-20:])
        raise ImporterError(
            f"neo4j-admin database import failed (exit {proc.returncode}); see {log_file}:\n{tail}"
        )
    result = ImportResult(int(found.group(1)), int(found.group(2)), took, log_file)
    log.info(
        "importer finished", nodes=result.nodes, relationships=result.relationships, seconds=round(took, 1)
    )
    return result

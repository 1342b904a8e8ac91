"""Builds the Maven launcher (neo4j/) on first use; later starts reuse the jars."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

LAUNCHER_DIR = Path(__file__).resolve().parents[3] / "neo4j"
MAIN_CLASS = "io.linkwatch.neo4j.Launcher"


class BuildError(RuntimeError):
    pass


def target() -> Path:
    return LAUNCHER_DIR / "target"


def is_built() -> bool:
    t = target()
    stamp = t / "classes" / "io" / "linkwatch" / "neo4j" / "Launcher.class"
    if not (stamp.exists() and (t / "lib").is_dir() and (t / "gds").is_dir()):
        return False
    # Rebuild when the pom or the source changed after the last build.
    newest_input = max(p.stat().st_mtime for p in [LAUNCHER_DIR / "pom.xml", *LAUNCHER_DIR.rglob("*.java")])
    return stamp.stat().st_mtime >= newest_input


def build(quiet: bool = True) -> None:
    mvn = shutil.which("mvn")
    if not mvn:
        raise BuildError("Maven (mvn) is needed to build the Neo4j launcher: apt-get install maven")
    cmd = [mvn, "-B", "package", "-DskipTests"]
    if quiet:
        cmd.insert(1, "-q")
    proc = subprocess.run(cmd, cwd=LAUNCHER_DIR, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-30:]
        raise BuildError("building the Neo4j launcher failed:\n" + "\n".join(tail))


def ensure_built() -> None:
    if not is_built():
        build()


def classpath() -> str:
    t = target()
    return f"{t / 'classes'}:{t / 'lib'}/*"


def gds_lib() -> Path:
    return target() / "gds"

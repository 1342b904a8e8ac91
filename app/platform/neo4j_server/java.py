"""Finding a Java that Neo4j 5.26 supports."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

SUPPORTED_MAJORS = (17, 21)


class JavaError(RuntimeError):
    pass


def java_binary() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise JavaError(
            "no Java found on PATH or in JAVA_HOME; Neo4j 5.26 needs Java 17 or 21 "
            "(Debian: apt-get install openjdk-17-jdk-headless)"
        )
    return found


def java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    text = out.stderr + out.stdout
    m = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if not m:
        raise JavaError(f"could not read the Java version from {java}: {text.strip()[:200]}")
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def check_java() -> tuple[str, int]:
    java = java_binary()
    major = java_major(java)
    if major not in SUPPORTED_MAJORS:
        raise JavaError(
            f"{java} is Java {major}; Neo4j 5.26 with GDS 2.13 needs Java "
            f"{' or '.join(map(str, SUPPORTED_MAJORS))}. Set JAVA_HOME to one of those."
        )
    return java, major

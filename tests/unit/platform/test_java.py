"""Java detection: a wrong version gets a message with what was found and what is needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.platform.neo4j_server import java


def _fake_java(tmp_path: Path, version: str) -> Path:
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    exe = home / "bin" / "java"
    exe.write_text(f"#!/bin/sh\necho 'openjdk version \"{version}\" 2020-01-01' >&2\n")
    exe.chmod(0o755)
    return home


def test_wrong_java_version_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(_fake_java(tmp_path, "11.0.2")))
    with pytest.raises(java.JavaError, match=r"Java 11; Neo4j 5\.26 .* needs Java 17 or 21"):
        java.check_java()


def test_supported_java_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(_fake_java(tmp_path, "21.0.1")))
    assert java.check_java()[1] == 21


def test_no_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "none"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(java.JavaError, match="no Java found"):
        java.check_java()

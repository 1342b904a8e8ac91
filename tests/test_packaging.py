"""A wheel of the project carries the queries, and the query loader finds them in an install of it
(the Docker image installs with `pip install .`, with no repository around it). No database needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHECK = """
import app.platform.cypher as loader, cypher, sys
from pathlib import Path
site = Path(sys.argv[1]).resolve()
assert site in Path(loader.__file__).resolve().parents, loader.__file__
assert site in Path(cypher.__file__).resolve().parents, cypher.__file__
import app.cli  # the whole command, as the image's entry point imports it
print(loader.query("schema/check").name, len(loader.all_queries()))
"""


def test_wheel_ships_the_queries_and_an_install_finds_them(tmp_path: Path) -> None:
    # Built from a copy of what the Dockerfile copies: an in-tree build would leave build/ behind, and a
    # file the image lacks must not make the test pass.
    source = tmp_path / "source"
    source.mkdir()
    # The final stage is the image; an earlier stage's files and `--from=` copies are build products.
    image = (ROOT / "Dockerfile").read_text().split("\nFROM ")[-1]
    for line in image.splitlines():
        if line.startswith("COPY ") and "--from=" not in line:
            for name in line.split()[1:-1]:
                if (ROOT / name).is_dir():
                    shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
        check=True,
        timeout=600,
        cwd=tmp_path,
    )
    [wheel] = (tmp_path / "dist").glob("linkwatch-*.whl")
    repo = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "cypher").rglob("*.cypher"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        shipped = sorted(n for n in names if n.endswith(".cypher"))
        assert shipped == repo
        assert "cypher/__init__.py" in names
        # The API builds its schema from the code (app.api.schema.sdl); schema.graphql is only CI's copy.
        assert not any(n.endswith("schema.graphql") for n in names)
        site = tmp_path / "site"
        zf.extractall(site)
    # The unpacked wheel is what `pip install` puts in site-packages. The check runs outside the
    # repository with only that on the path ahead of the dependencies.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", _CHECK, str(site)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    ).stdout.split()
    assert out == ["schema/check", str(len(repo))]

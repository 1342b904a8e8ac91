"""A request log whose prompts hold line breaks (quoted CSV fields) is read whole, in file order."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from loaders.discovery import DataFile, Format, Kind
from loaders.reading import connect, source


def test_quoted_line_breaks_in_a_large_gzipped_csv(tmp_path: Path) -> None:
    path = tmp_path / "requests.csv.gz"
    # Past several scanner buffers, with lines inside quoted fields that look like rows of their own (as
    # many commas as the header): the parallel scanner cannot tell where a row starts and gives up.
    rows = 120_000
    with gzip.open(path, "wt", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(
            ["account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent"]
        )
        for i in range(rows):
            body = "\n".join(f"a{j},b,c,d,e,f,g,h" for j in range(i % 7))
            w.writerow([f"a{i}", "2026-05-01T00:00:00Z", f"Review this:\n\n{body}\nend", "", "", "", "", ""])
    con = connect("256MB", 2, tmp_path / "tmp")
    df = DataFile(path=path, kind=Kind.REQUESTS, format=Format.CSV, gzipped=True)
    src = source(con, df)
    got = con.execute(
        f"SELECT line, account_id, prompt FROM ({src.sql}) ORDER BY line",  # noqa: S608 - our own SQL
        src.params,
    ).fetchall()
    assert len(got) == rows
    assert got[0][1:] == ("a0", "Review this:\n\n\nend")
    assert got[1][1:] == ("a1", "Review this:\n\na0,b,c,d,e,f,g,h\nend")
    assert [g[1] for g in got[-2:]] == [f"a{rows - 2}", f"a{rows - 1}"]

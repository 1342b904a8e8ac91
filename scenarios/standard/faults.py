"""`--with-errors`: a handful of bad rows, in extra files named by kind, for the loaders' reject tests.

Each bad row is listed in `expected_rejects.csv` (file, line, field, reason) so a test can compare the
loader's reject file with what was planted. Line numbers count the header as line 1.
"""

from __future__ import annotations

from pathlib import Path

from scenarios.standard.output import write_csv

EXPECTED_HEADER = ("file", "line", "field", "reason")


def luhn_valid_number(prefix: str = "4539", length: int = 16) -> str:
    """A digit string of `length` that passes the Luhn check: what a raw card number looks like."""
    body = (prefix + "1234567890123456")[: length - 1]
    digits = [int(d) for d in body]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return body + str((10 - total % 10) % 10)


def write_faults(out: Path, account_a: str, account_b: str) -> dict[str, int]:
    """Write the bad-row files; returns file name -> rows written."""
    expected: list[tuple[str, int, str, str]] = []
    files: dict[str, int] = {}
    files["accounts_errors.csv"] = write_csv(
        out / "accounts_errors.csv",
        ("account_id", "created_at", "email_domain", "country", "plan", "legacy_flag"),
        ["", "acct_9999001", "acct_9999002"],
        ["2026-03-01T00:00:00Z", "2026-13-45T99:00:00Z", "2026-03-02T00:00:00Z"],
        ["example.com", "example.com", "example.com"],
        ["US", "US", "USA-ish"],
        ["free", "free", "free"],
        ["x", "y", "z"],
    )
    expected += [
        ("accounts_errors.csv", 2, "account_id", "missing"),
        ("accounts_errors.csv", 3, "created_at", "bad timestamp"),
        ("accounts_errors.csv", 4, "country", "not ISO 3166 alpha-2"),
    ]
    files["ip_links_errors.csv"] = write_csv(
        out / "ip_links_errors.csv",
        ("account_id", "ip", "first_seen", "requests", "ip_type"),
        [account_a, account_b],
        ["999.12.3.4", "not-an-ip"],
        ["2026-04-02T00:00:00Z", "2026-04-02T00:00:00Z"],
        ["3", "4"],
        ["residential", "residential"],
    )
    expected += [
        ("ip_links_errors.csv", 2, "ip", "invalid address"),
        ("ip_links_errors.csv", 3, "ip", "invalid address"),
    ]
    files["payment_links_errors.csv"] = write_csv(
        out / "payment_links_errors.csv",
        ("account_id", "instrument_id", "instrument_type", "bin"),
        [account_a],
        [luhn_valid_number()],
        ["card"],
        ["453912"],
    )
    expected.append(("payment_links_errors.csv", 2, "instrument_id", "looks like a raw card number"))
    files["requests_errors.csv"] = write_csv(
        out / "requests_errors.csv",
        ("account_id", "ts", "prompt", "model"),
        [account_a, "", account_b],
        ["yesterday", "2026-04-03T10:00:00Z", "1775210400"],
        ["hello", "hello", "epoch seconds are valid: this row is fine"],
        ["atlas-3", "atlas-3", "atlas-3"],
    )
    expected += [
        ("requests_errors.csv", 2, "ts", "bad timestamp"),
        ("requests_errors.csv", 3, "account_id", "missing"),
    ]
    files["labels_errors.csv"] = write_csv(
        out / "labels_errors.csv",
        ("entity", "value", "actor", "confidence"),
        ["planet", "account"],
        ["mars", account_a],
        ["Someone", "Someone"],
        ["0.5", "1.7"],
    )
    expected += [
        ("labels_errors.csv", 2, "entity", "unknown entity type"),
        ("labels_errors.csv", 3, "confidence", "outside 0-1"),
    ]
    files["expected_rejects.csv"] = write_csv(
        out / "expected_rejects.csv", EXPECTED_HEADER, *zip(*expected, strict=True)
    )
    return files

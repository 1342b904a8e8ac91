"""Write partitions of a parallel load: stable, and one writer per node."""

from __future__ import annotations

import zlib

from loaders.batches import partition_of
from loaders.discovery import Kind
from loaders.graph import batch_id
from loaders.records import AccountRow, IpLinkRow


def test_partitions_are_stable_and_keep_a_node_with_one_writer() -> None:
    acct = AccountRow.model_validate({"account_id": "acct042"})
    assert partition_of(Kind.ACCOUNTS, acct, 2) == zlib.crc32(b"acct042") % 2
    assert partition_of(Kind.ACCOUNTS, acct, 1) == 0
    # Every address of one /24 goes to the same writer, whoever the account.
    parts = {
        partition_of(
            Kind.IP_LINKS, IpLinkRow.model_validate({"account_id": f"a{i}", "ip": f"198.51.100.{i}"}), 4
        )
        for i in range(1, 50)
    }
    assert len(parts) == 1
    # Single-writer ids keep their earlier form, so markers of loads made before partitioning still match.
    assert batch_id("u", "accounts", 5000, 3) == "u:accounts:5000:3"
    assert batch_id("u", "accounts", 5000, 3, 1, 2) == "u:accounts:5000:1/2:3"

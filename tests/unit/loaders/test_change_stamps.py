"""Which accounts a load batch stamps as changed (no database)."""

from __future__ import annotations

from loaders.batches import account_steps, ip_link_steps, label_steps
from loaders.graph import Step, accounts_of
from loaders.records import AccountRow, IpLinkRow, LabelRow


def test_every_account_a_batch_names_is_stamped_once_in_sorted_order() -> None:
    steps = account_steps(
        [AccountRow(account_id="b"), AccountRow(account_id="a"), AccountRow(account_id="b")]
    )
    steps += ip_link_steps([IpLinkRow(account_id="c", ip="192.0.2.1")])
    assert accounts_of(steps) == ["a", "b", "c"]


def test_mined_rows_stamp_their_accounts_and_entity_rows_stamp_none() -> None:
    sent = Step("load/sent", {"rows": [{"account_id": "z", "template_id": "t"}, {"account_id": "y"}]})
    templates = Step("load/templates", {"rows": [{"template_id": "t", "text": "x"}]})
    labels = label_steps(
        [LabelRow(entity="ip", value="192.0.2.1", actor="Hydra")], b"k", lambda v: ("t", v, "other")
    )
    assert accounts_of([sent, templates]) == ["y", "z"]
    assert accounts_of(labels) == []

"""Rules (台账格式 §3): tables in, findings out. Rules never open files."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from unionxl.data.office_data import OfficeData
from unionxl.model.findings import Finding

Rule = Callable[["OfficeData"], Iterable[Finding]]


def all_rules() -> list[Rule]:
    from unionxl.checks.rules import (
        activities,
        audit,
        delegates,
        departments,
        donations,
        dues,
        generic,
        ledger,
        members,
        mutual_aid,
        proposals,
        retirees,
        visits,
    )

    return [
        generic.check,
        members.check,
        ledger.check,
        donations.check,
        visits.check,
        proposals.check,
        # part two (台账格式 §3b)
        activities.check,
        retirees.check,
        mutual_aid.check,
        dues.check,
        delegates.check,
        departments.check,
        audit.check,
    ]


def run_rules(office: OfficeData) -> list[Finding]:
    found: list[Finding] = []
    for rule in all_rules():
        found.extend(rule(office))
    return found

"""代表 rules and the 提案 rules that need the delegates (台账格式 §3b)."""

from __future__ import annotations

from collections.abc import Iterator

from unionxl.checks.rules.helpers import repeats, roster
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding
from unionxl.model.values import split_names


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("代表")
    if table is None:
        return
    members = roster(office)
    for row in table:
        number = row["工号"]
        if members is not None and number and number not in members:
            yield table.finding(
                row, "工号", "delegate.member.unknown", f"代表的工号 {number} 不在会员名册中"
            )
    yield from repeats(
        table,
        ("届次", "工号"),
        "delegate.duplicate",
        lambda r, first: f"工号 {r['工号']} 在{r['届次']}代表中出现两次（第 {first} 行已有）",
        column="工号",
    )
    yield from check_proposals(office)


def check_proposals(office: OfficeData) -> Iterator[Finding]:
    delegates, proposals = office.table("代表"), office.table("提案")
    if delegates is None or proposals is None:
        return
    numbers: dict[str, set[str]] = {}  # 届次 -> 工号 of its delegates
    names: dict[str, set[str]] = {}  # 届次 -> 姓名 of its delegates
    name_of: dict[tuple[str, str], str] = {}  # (届次, 工号) -> 姓名
    for row in delegates:
        term = row["届次"]
        if not term:
            continue
        if row["工号"]:
            numbers.setdefault(term, set()).add(row["工号"])
            if row["姓名"]:
                name_of[(term, row["工号"])] = row["姓名"]
        if row["姓名"]:
            names.setdefault(term, set()).add(row["姓名"])
    minimum = office.min_seconders
    basis = office.policy.basis("提案附议最少人数")
    for row in proposals:
        term = row["届次"]
        if not term:
            continue
        term_numbers, term_names = numbers.get(term, set()), names.get(term, set())
        proposer_number, proposer = row["提案人工号"], row["提案人"]
        if proposer_number:
            if proposer_number not in term_numbers:
                yield proposals.finding(
                    row,
                    "提案人工号",
                    "proposal.proposer.delegate",
                    f"提案人工号 {proposer_number} 不是{term}代表（见“代表”表）",
                )
        elif proposer and proposer not in term_names:
            yield proposals.finding(
                row,
                "提案人",
                "proposal.proposer.delegate",
                f"提案人“{proposer}”不是{term}代表（见“代表”表）",
            )
        if not proposals.has("附议人"):
            continue
        seconders = list(dict.fromkeys(split_names(row["附议人"])))
        own = {proposer, proposer_number, name_of.get((term, proposer_number or ""))} - {None}
        strangers = [s for s in seconders if s not in term_numbers and s not in term_names]
        if strangers:
            yield proposals.finding(
                row,
                "附议人",
                "proposal.seconder.delegate",
                f"附议人 {'、'.join(strangers)} 不是{term}代表（见“代表”表）",
            )
        selves = [s for s in seconders if s in own]
        if selves:
            yield proposals.finding(
                row,
                "附议人",
                "proposal.seconder.proposer",
                f"提案人{selves[0]}不能同时作为自己提案的附议人",
            )
        counted = len([s for s in seconders if s not in own])
        if counted < minimum:
            yield proposals.finding(
                row,
                "附议人",
                "proposal.seconders.count",
                f"附议人只有 {counted} 人，少于规定的 {minimum} 人",
                severity=WARNING,
                basis=basis,
            )

"""Tables 二, 三 and 四 of the annual report in the national format (国办公开办函〔2021〕30号),
built from what the services answered, and every invariant of the format checked.

Pure functions over the sources' JSON: a source that could not be read is `None`, and every
figure it feeds is `None` too (listed as missing by `sources`), never a zero.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sunshine_reporting.annual.schemas import (
    AnnualTables,
    ApplicantCells,
    ChargeRow,
    ColumnHead,
    DecisionRow,
    Difference,
    DocumentRow,
    InformationFees,
    OverviewFigures,
    Problem,
    RemedyCells,
    TableFour,
    TableThree,
    TableThreeRow,
    TableTwo,
)

Json = Mapping[str, Any]

FEN_PER_WAN_YUAN = Decimal(1_000_000)
FOUR_PLACES = Decimal("0.0001")

TABLE_NAMES = {"two": "二", "three": "三", "four": "四"}

# --- the format's columns -------------------------------------------------------------------

ORGANISATION = "法人或其他组织"
APPLICANT_COLUMNS = (
    ColumnHead(key="natural_person", label="自然人", group=None),
    ColumnHead(key="business", label="商业企业", group=ORGANISATION),
    ColumnHead(key="research", label="科研机构", group=ORGANISATION),
    ColumnHead(key="public_welfare", label="社会公益组织", group=ORGANISATION),
    ColumnHead(key="legal_service", label="法律服务机构", group=ORGANISATION),
    ColumnHead(key="other", label="其他", group=ORGANISATION),
    ColumnHead(key="total", label="总计", group=None),
)
APPLICANT_PARTS = tuple(c.key for c in APPLICANT_COLUMNS if c.key != "total")
REMEDY_COLUMNS = (
    ColumnHead(key="upheld", label="结果维持", group=None),
    ColumnHead(key="corrected", label="结果纠正", group=None),
    ColumnHead(key="other", label="其他结果", group=None),
    ColumnHead(key="pending", label="尚未审结", group=None),
    ColumnHead(key="total", label="总计", group=None),
)
REMEDY_PARTS = ("upheld", "corrected", "other", "pending")
REMEDY_BLOCKS = {
    "reconsideration": "行政复议",
    "litigation": "行政诉讼（未经复议直接起诉）",
    "litigation_after_reconsideration": "行政诉讼（复议后起诉）",
}

# --- the format's rows of table 三 ------------------------------------------------------------

RESULTS = "三、本年度办理结果"
# (outcome key as the applications service names it, code, label, its numbered sub-rows)
OUTCOMES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("disclosed", "（一）", "（一）予以公开", ()),
    (
        "partly_disclosed",
        "（二）",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        (),
    ),
    (
        "not_disclosed",
        "（三）",
        "（三）不予公开",
        (
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及“三安全一稳定”",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ),
    ),
    (
        "unavailable",
        "（四）",
        "（四）无法提供",
        ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"),
    ),
    (
        "not_processed",
        "（五）",
        "（五）不予处理",
        (
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ),
    ),
    (
        "other",
        "（六）",
        "（六）其他处理",
        (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        ),
    ),
)


def _three_layout() -> list[tuple[str, str, str, int, str | None]]:
    """(key, code, label, level, group) of every row of table 三 that holds figures."""
    rows: list[tuple[str, str, str, int, str | None]] = [
        ("new", "一", "一、本年新收政府信息公开申请数量", 0, None),
        ("carried_over", "二", "二、上年结转政府信息公开申请数量", 0, None),
    ]
    for key, code, label, reasons in OUTCOMES:
        if not reasons:
            rows.append((key, f"三{code}", label, 1, RESULTS))
        for number, reason in enumerate(reasons, start=1):
            rows.append((f"{key}_{number}", f"三{code}{number}", f"{number}.{reason}", 2, label))
    rows.append(("results_total", "三（七）", "（七）总计", 1, RESULTS))
    rows.append(("carried_forward", "四", "四、结转下年度继续办理", 0, None))
    return rows


THREE_LAYOUT = _three_layout()
RESULT_KEYS = tuple(
    key for key, _, _, level, _ in THREE_LAYOUT if level > 0 and key != "results_total"
)


def wan_yuan(fen: int) -> Decimal:
    """万元 to four decimals, as the format prints amounts (half up)."""
    return (Decimal(fen) / FEN_PER_WAN_YUAN).quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)


# --- building the tables --------------------------------------------------------------------


def _documents(key: str, label: str, figures: Json | None) -> DocumentRow:
    return DocumentRow(
        key=key,
        label=label,
        issued=None if figures is None else figures["issued"],
        repealed=None if figures is None else figures["repealed"],
        valid=None if figures is None else figures["valid"],
    )


def enforcement_counts(enforcement: Json | None, unit_id: int, region: bool) -> tuple[int, int]:
    """(penalties, coercions) of the unit, or of every unit listed for a region."""
    assert enforcement is not None
    rows = [u for u in enforcement["units"] if region or u["unit_id"] == unit_id]
    return sum(u["penalties"] for u in rows), sum(u["coercions"] for u in rows)


def table_two(
    items: Json | None, cases: Json | None, enforcement: Json | None, unit_id: int, region: bool
) -> TableTwo:
    penalties = coercions = None
    if enforcement is not None:
        penalties, coercions = enforcement_counts(enforcement, unit_id, region)
    fees_fen = None if cases is None else int(cases["fees_fen"])
    return TableTwo(
        regulations=_documents("regulations", "规章", items and items["regulations"]),
        normative_documents=_documents(
            "normative_documents", "行政规范性文件", items and items["normative_documents"]
        ),
        licensing=DecisionRow(
            key="licensing",
            label="行政许可",
            decisions=None if cases is None else cases["licensing_decisions"]["total"],
        ),
        penalties=DecisionRow(key="penalties", label="行政处罚", decisions=penalties),
        coercions=DecisionRow(key="coercions", label="行政强制", decisions=coercions),
        charges=ChargeRow(
            amount_wan_yuan=None if fees_fen is None else wan_yuan(fees_fen),
            amount_fen=fees_fen,
        ),
    )


def _applicant_cells(counts: Json | None) -> ApplicantCells:
    if counts is None:
        return ApplicantCells(**{c.key: None for c in APPLICANT_COLUMNS})
    return ApplicantCells(**{c.key: counts.get(c.key) for c in APPLICANT_COLUMNS})


def table_three(applications: Json | None) -> TableThree:
    """Every row of the format; a row the source did not send has empty cells (a problem)."""
    sent = (
        {}
        if applications is None
        else {r["key"]: r["counts"] for r in applications["applications"]}
    )
    return TableThree(
        columns=list(APPLICANT_COLUMNS),
        rows=[
            TableThreeRow(
                key=key,
                code=code,
                label=label,
                level=level,
                group=group,
                cells=_applicant_cells(sent.get(key)),
            )
            for key, code, label, level, group in THREE_LAYOUT
        ],
    )


def _remedy_cells(counts: Json | None) -> RemedyCells:
    if counts is None:
        return RemedyCells(**{c.key: None for c in REMEDY_COLUMNS})
    return RemedyCells(**{c.key: counts.get(c.key) for c in REMEDY_COLUMNS})


def table_four(applications: Json | None) -> TableFour:
    sent = {} if applications is None else {r["key"]: r["counts"] for r in applications["remedies"]}
    return TableFour(
        columns=list(REMEDY_COLUMNS),
        reconsideration=_remedy_cells(sent.get("reconsideration")),
        litigation=_remedy_cells(sent.get("litigation")),
        litigation_after_reconsideration=_remedy_cells(
            sent.get("litigation_after_reconsideration")
        ),
    )


def build_tables(
    items: Json | None,
    cases: Json | None,
    enforcement: Json | None,
    applications: Json | None,
    unit_id: int,
    region: bool,
) -> AnnualTables:
    return AnnualTables(
        two=table_two(items, cases, enforcement, unit_id, region),
        three=table_three(applications),
        four=table_four(applications),
    )


def information_fees(applications: Json | None) -> InformationFees:
    if applications is None:
        return InformationFees(fen=None, wan_yuan=None)
    fen = int(applications["fees"]["fen"])
    return InformationFees(fen=fen, wan_yuan=wan_yuan(fen))


def overview_figures(
    items: Json | None, applications: Json | None, cases: Json | None
) -> OverviewFigures:
    inquiries = None
    if applications is not None:
        inquiries = next(
            (i["counts"] for i in applications["inquiries"] if i["key"] == "total"), None
        )
    return OverviewFigures(
        items_published=None if items is None else items["published"],
        items_by_channel=None
        if items is None
        else {c["channel"]: c["count"] for c in items["by_channel"]},
        items_on_time_rate=None if items is None else items["timeliness"]["on_time_rate"],
        consultations_received=None if inquiries is None else inquiries["received"],
        consultations_answered=None if inquiries is None else inquiries["answered"],
        hall_cases_accepted=None if cases is None else cases["accepted"],
        hall_on_time_rate=None if cases is None else cases["timeliness"]["on_time_rate"],
        hall_satisfaction_rate=None if cases is None else cases["satisfaction"]["rate"],
    )


# --- the invariants -------------------------------------------------------------------------


def _column_label(key: str, columns: tuple[ColumnHead, ...]) -> str:
    return next(c.label for c in columns if c.key == key)


def _three_problems(three: TableThree) -> Iterator[Problem]:
    rows = {r.key: r for r in three.rows}

    def problem(row: str, column: str, reason: str) -> Problem:
        return Problem(
            table="three",
            row=row,
            row_label=rows[row].label,
            column=column,
            column_label=_column_label(column, APPLICANT_COLUMNS),
            reason=reason,
        )

    values = [getattr(r.cells, c.key) for r in three.rows for c in APPLICANT_COLUMNS]
    if all(v is None for v in values):
        return  # the source was not read: its figures are missing, not wrong
    for row in three.rows:
        for column in APPLICANT_COLUMNS:
            value = getattr(row.cells, column.key)
            if value is None:
                yield problem(row.key, column.key, "来源未提供此格的数字")
            elif value < 0:
                yield problem(row.key, column.key, f"不能为负数（{value}）")
    if any(v is None for v in values):
        return
    for row in three.rows:
        parts = sum(getattr(row.cells, k) for k in APPLICANT_PARTS)
        if parts != row.cells.total:
            yield problem(
                row.key,
                "total",
                f"总计应等于自然人与法人或其他组织五列之和（{parts}），表中为{row.cells.total}",
            )
    for column in APPLICANT_COLUMNS:
        value = {key: getattr(r.cells, column.key) for key, r in rows.items()}
        results = sum(value[k] for k in RESULT_KEYS)
        if value["results_total"] != results:
            yield problem(
                "results_total",
                column.key,
                f"（七）总计应等于（一）至（六）各项之和（{results}），表中为{value['results_total']}",
            )
        came_in = value["new"] + value["carried_over"]
        went_out = value["results_total"] + value["carried_forward"]
        if came_in != went_out:
            yield problem(
                "carried_forward",
                column.key,
                f"本年新收与上年结转之和（{came_in}）应等于（七）总计与结转下年度之和（{went_out}）",
            )


def _four_problems(four: TableFour) -> Iterator[Problem]:
    for block, label in REMEDY_BLOCKS.items():
        cells: RemedyCells = getattr(four, block)
        values = {c.key: getattr(cells, c.key) for c in REMEDY_COLUMNS}
        if all(v is None for v in values.values()):
            continue

        def problem(column: str, reason: str, block: str = block, label: str = label) -> Problem:
            return Problem(
                table="four",
                row=block,
                row_label=label,
                column=column,
                column_label=_column_label(column, REMEDY_COLUMNS),
                reason=reason,
            )

        missing = [k for k, v in values.items() if v is None]
        for column in missing:
            yield problem(column, "来源未提供此格的数字")
        if missing:
            continue
        for column, value in values.items():
            if value < 0:
                yield problem(column, f"不能为负数（{value}）")
        parts = sum(values[k] for k in REMEDY_PARTS)
        if parts != values["total"]:
            yield problem(
                "total",
                f"总计应等于结果维持、结果纠正、其他结果与尚未审结之和（{parts}），表中为{values['total']}",
            )


def _two_problems(two: TableTwo) -> Iterator[Problem]:
    for row in (two.regulations, two.normative_documents):
        for column, label in (
            ("issued", "本年制发件数"),
            ("repealed", "本年废止件数"),
            ("valid", "现行有效件数"),
        ):
            value = getattr(row, column)
            if value is not None and value < 0:
                yield Problem(
                    table="two",
                    row=row.key,
                    row_label=row.label,
                    column=column,
                    column_label=label,
                    reason=f"不能为负数（{value}）",
                )
    for decision in (two.licensing, two.penalties, two.coercions):
        if decision.decisions is not None and decision.decisions < 0:
            yield Problem(
                table="two",
                row=decision.key,
                row_label=decision.label,
                column="decisions",
                column_label="本年处理决定数量",
                reason=f"不能为负数（{decision.decisions}）",
            )
    amount = two.charges.amount_fen
    if amount is not None and amount < 0:
        yield Problem(
            table="two",
            row="charges",
            row_label=two.charges.label,
            column="amount_wan_yuan",
            column_label="本年收费金额（万元）",
            reason="收费金额不能为负数",
        )


def problems(tables: AnnualTables) -> list[Problem]:
    """Every violated invariant of the format, with the cell and the reason."""
    return [
        *_two_problems(tables.two),
        *_three_problems(tables.three),
        *_four_problems(tables.four),
    ]


# --- comparing a snapshot with today's figures ----------------------------------------------

Cell = tuple[str, str, str, str, str, Decimal | int | None]


def cells(tables: AnnualTables, fees: InformationFees) -> Iterator[Cell]:
    """Every cell of the report: (table, row, row label, column, column label, value)."""
    two = tables.two
    for row in (two.regulations, two.normative_documents):
        yield ("two", row.key, row.label, "issued", "本年制发件数", row.issued)
        yield ("two", row.key, row.label, "repealed", "本年废止件数", row.repealed)
        yield ("two", row.key, row.label, "valid", "现行有效件数", row.valid)
    for decision in (two.licensing, two.penalties, two.coercions):
        yield (
            "two",
            decision.key,
            decision.label,
            "decisions",
            "本年处理决定数量",
            decision.decisions,
        )
    yield (
        "two",
        "charges",
        two.charges.label,
        "amount_wan_yuan",
        "本年收费金额（万元）",
        two.charges.amount_wan_yuan,
    )
    for r in tables.three.rows:
        for c in APPLICANT_COLUMNS:
            yield ("three", r.key, r.label, c.key, c.label, getattr(r.cells, c.key))
    for block, label in REMEDY_BLOCKS.items():
        for c in REMEDY_COLUMNS:
            yield (
                "four",
                block,
                label,
                c.key,
                c.label,
                getattr(getattr(tables.four, block), c.key),
            )
    yield ("fees", "information_fees", "信息处理费", "wan_yuan", "万元", fees.wan_yuan)


def differences(
    snapshot: tuple[AnnualTables, InformationFees], current: tuple[AnnualTables, InformationFees]
) -> list[Difference]:
    """The cells whose value today differs from the snapshot's, in the report's order."""
    return [
        Difference(
            table=old[0],
            row=old[1],
            row_label=old[2],
            column=old[3],
            column_label=old[4],
            snapshot=old[5],
            current=new[5],
        )
        for old, new in zip(cells(*snapshot), cells(*current), strict=True)
        if old[5] != new[5]
    ]

"""Tables 二, 三 and 四 in the national format, their invariants, the comparison with a snapshot
and the Article 49 deadline: pure functions over what the services answer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from annual_builders import (
    Applications,
    case_figures,
    enforcement_stats,
    items_figures,
)

from sunshine_reporting.annual import clock, tables
from sunshine_reporting.annual.schemas import ReportScope


def balanced() -> Applications:
    """Eleven applications: what came in equals what was closed plus what carries forward."""
    return (
        Applications()
        .add("natural_person", "new", "disclosed", 3)
        .add("natural_person", "new", "not_disclosed_4")
        .add("business", "new", "partly_disclosed", 2)
        .add("business", "carried_over", "unavailable_1")
        .add("legal_service", "new", "other_3")
        .add("research", "new", None, 2)
        .add("natural_person", "carried_over", None)
    )


def cell(three: tables.TableThree, key: str, column: str) -> int | None:
    row = next(r for r in three.rows if r.key == key)
    return getattr(row.cells, column)  # type: ignore[no-any-return]


def test_table_three_has_the_formats_rows_in_order() -> None:
    three = tables.table_three(balanced().figures(2))
    assert len(three.rows) == 2 + 2 + 8 + 3 + 5 + 3 + 2
    assert [(r.code, r.label) for r in three.rows[:3]] == [
        ("一", "一、本年新收政府信息公开申请数量"),
        ("二", "二、上年结转政府信息公开申请数量"),
        ("三（一）", "（一）予以公开"),
    ]
    not_disclosed = [r for r in three.rows if r.group == "（三）不予公开"]
    assert [r.code for r in not_disclosed] == [f"三（三）{n}" for n in range(1, 9)]
    assert not_disclosed[3].label == "4.保护第三方合法权益"
    assert [r.code for r in three.rows[-2:]] == ["三（七）", "四"]
    assert [c.label for c in three.columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]


def test_table_three_carries_the_counts_and_a_balanced_table_has_no_problem() -> None:
    three = tables.table_three(balanced().figures(2))
    assert cell(three, "new", "natural_person") == 4
    assert cell(three, "new", "total") == 9
    assert cell(three, "carried_over", "total") == 2
    assert cell(three, "not_disclosed_4", "natural_person") == 1
    assert cell(three, "results_total", "total") == 8
    assert cell(three, "carried_forward", "research") == 2
    assert (
        tables.problems(tables.build_tables(None, None, None, balanced().figures(2), 2, False))
        == []
    )


def test_each_invariant_of_table_three_names_its_cell_and_reason() -> None:
    source = balanced()
    # （七）总计 of 自然人 says 5 where 4 results were counted; so does the total column.
    source.tamper[("results_total", "natural_person")] = 5
    source.tamper[("results_total", "total")] = 9
    problems = tables.problems(tables.build_tables(None, None, None, source.figures(2), 2, False))
    found = {(p.row, p.column): p.reason for p in problems}
    assert found[("results_total", "natural_person")] == (
        "（七）总计应等于（一）至（六）各项之和（4），表中为5"
    )
    # 一 + 二 = 5 for 自然人, but （七）+ 四 = 5 + 1.
    assert found[("carried_forward", "natural_person")] == (
        "本年新收与上年结转之和（5）应等于（七）总计与结转下年度之和（6）"
    )
    assert all(p.table == "three" for p in problems)
    assert next(p for p in problems if p.column == "natural_person").column_label == "自然人"


def test_a_total_column_that_is_not_the_sum_of_the_six_is_a_problem() -> None:
    source = balanced()
    source.tamper[("new", "total")] = 10
    problems = tables.problems(tables.build_tables(None, None, None, source.figures(2), 2, False))
    assert [(p.row, p.column) for p in problems] == [("new", "total"), ("carried_forward", "total")]
    assert problems[0].reason == "总计应等于自然人与法人或其他组织五列之和（9），表中为10"


def test_table_four_total_must_be_the_four_results() -> None:
    source = balanced()
    source.remedies = {
        "reconsideration": {"upheld": 2, "corrected": 1, "pending": 1},
        "litigation": {"upheld": 1, "total": 2},
    }
    built = tables.build_tables(None, None, None, source.figures(2), 2, False)
    assert built.four.reconsideration.total == 4
    assert built.four.litigation_after_reconsideration.total == 0
    problems = tables.problems(built)
    assert [(p.table, p.row, p.column) for p in problems] == [("four", "litigation", "total")]
    assert problems[0].row_label == "行政诉讼（未经复议直接起诉）"


def test_a_source_not_read_leaves_its_cells_empty_never_zero_and_is_no_problem() -> None:
    built = tables.build_tables(None, None, None, None, 2, False)
    assert cell(built.three, "new", "total") is None
    assert built.four.reconsideration.total is None
    assert built.two.regulations.issued is None
    assert built.two.licensing.decisions is None
    assert built.two.charges.amount_wan_yuan is None
    assert tables.information_fees(None).fen is None
    assert tables.problems(built) == []


def test_table_two_takes_documents_from_the_catalog_and_decisions_from_the_hall() -> None:
    two = tables.table_two(
        items_figures(2, regulations=(1, 0, 5), normative=(4, 1, 23)),
        case_figures(licensing=30, fees_fen=1_234_500),
        enforcement_stats((2, 12, 3), (5, 7, 1)),
        unit_id=2,
        region=False,
    )
    assert (two.regulations.issued, two.regulations.repealed, two.regulations.valid) == (1, 0, 5)
    assert two.normative_documents.valid == 23
    assert two.licensing.decisions == 30
    # A unit's report keeps its own decisions; the hall answers for those below it too.
    assert (two.penalties.decisions, two.coercions.decisions) == (12, 3)
    # 12,345.00 元 = 1.2345 万元.
    assert two.charges.amount_wan_yuan == Decimal("1.2345")
    assert two.charges.amount_fen == 1_234_500
    region = tables.table_two(None, None, enforcement_stats((2, 12, 3), (5, 7, 1)), 2, True)
    assert (region.penalties.decisions, region.coercions.decisions) == (19, 4)


def test_wan_yuan_has_four_places_rounded_half_up() -> None:
    assert tables.wan_yuan(12_345) == Decimal("0.0123")  # 123.45 元
    assert tables.wan_yuan(12_350) == Decimal("0.0124")  # 123.50 元 = 0.01235 万元
    assert tables.wan_yuan(0) == Decimal("0.0000")


def test_differences_list_only_the_cells_that_changed() -> None:
    before = balanced()
    after = balanced().add("other", "new", "disclosed")
    old = tables.build_tables(items_figures(2), None, None, before.figures(2), 2, False)
    new = tables.build_tables(
        items_figures(2, normative=(5, 1, 24)), None, None, after.figures(2), 2, False
    )
    fees = tables.information_fees(before.figures(2))
    changed = {
        (d.table, d.row, d.column): (d.snapshot, d.current)
        for d in tables.differences((old, fees), (new, fees))
    }
    assert changed == {
        ("two", "normative_documents", "issued"): (4, 5),
        ("two", "normative_documents", "valid"): (23, 24),
        ("three", "new", "other"): (0, 1),
        ("three", "new", "total"): (9, 10),
        ("three", "disclosed", "other"): (0, 1),
        ("three", "disclosed", "total"): (3, 4),
        ("three", "results_total", "other"): (0, 1),
        ("three", "results_total", "total"): (8, 9),
    }


def test_article_49_deadlines_and_lateness() -> None:
    # Departments and streets publish the 2025 report by 31 January 2026; the government's
    # own, rolling up its region, by 31 March 2026.
    assert clock.deadline(2025, ReportScope.UNIT) == date(2026, 1, 31)
    assert clock.deadline(2025, ReportScope.REGION) == date(2026, 3, 31)
    assert clock.owed_scope("government") is ReportScope.REGION
    assert clock.owed_scope("street") is ReportScope.UNIT
    assert clock.owes_report("township") and not clock.owes_report("community")
    due = date(2026, 1, 31)
    assert not clock.is_late(due, None, date(2026, 1, 31))
    assert clock.is_late(due, None, date(2026, 2, 1))
    # 31 January 23:30 in Beijing is 15:30 UTC: on time; 16:30 UTC is 1 February in Beijing.
    assert not clock.is_late(due, datetime(2026, 1, 31, 15, 30, tzinfo=UTC), date(2026, 6, 1))
    assert clock.is_late(due, datetime(2026, 1, 31, 16, 30, tzinfo=UTC), date(2026, 6, 1))

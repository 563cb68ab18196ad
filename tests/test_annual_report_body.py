"""The annual report's published body, as the catalogue stores it: the reporting service sends
the report's HTML (annual.exports.html.render_html) into the 年度报告 column, where the
catalogue's cleaning (items.service.sanitise) keeps only what is safe. Both packages are
imported here, outside either component's test process, whose table models must stay its own."""

from __future__ import annotations

import lxml.html
from annual_export_builders import annual_report

from sunshine_catalog.items.service import sanitise
from sunshine_reporting.annual.exports.html import render_html


def test_the_published_body_keeps_its_merged_cells_through_the_catalogues_cleaning() -> None:
    body = render_html(annual_report())
    cleaned = sanitise(body)

    assert cleaned.notes == []
    page = lxml.html.fromstring(cleaned.html)
    assert page.xpath("//h1") == []  # the catalogue item's title is the page's
    three = page.xpath("//table")[1]
    assert three.xpath(".//th[normalize-space()='申请人情况']")[0].get("colspan") == "7"
    assert three.xpath(".//td[normalize-space()='（三）不予公开']")[0].get("rowspan") == "8"
    new = three.xpath(".//tr[td[normalize-space()='一、本年新收政府信息公开申请数量']]")[0]
    assert [td.text for td in new.xpath("td")][1:] == ["35", "6", "1", "0", "2", "1", "45"]

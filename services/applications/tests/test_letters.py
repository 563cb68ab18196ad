"""Reply letters (答复告知书) as the handler and the applicant download them, read back as text."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from urllib.parse import quote

import pytest
from applications_builders import (
    BUREAU,
    DISTRICT,
    HANDLER,
    STREET,
    STREET_HANDLER,
    add_test_district,
    applicant,
    registered,
)
from docx import Document
from httpx import AsyncClient
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
from sunshine_applications.letters.service import reconsideration_body
from sunshine_kit.testing import add_units, auth
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import make_credit_code

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Remedies under 行政复议法 (2023): reconsideration first against a refusal (第二十三条).
EITHER = (
    "可以在收到本告知书之日起60日内向锦华区人民政府申请行政复议，"
    "或者在6个月内依法向人民法院提起行政诉讼。"
)
RECONSIDERATION_FIRST = (
    "根据《中华人民共和国行政复议法》第二十三条的规定，应当自收到本告知书之日起60日内"
    "先向锦华区人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起"
    "15日内依法向人民法院提起行政诉讼。"
)
REMEDIES = "如对本答复不服，" + EITHER
COMPANY = "锦华晨光教育咨询有限公司"


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)


def pdf_text(data: bytes) -> str:
    """The PDF's text without the line breaks the layout put in."""
    pages = PdfReader(BytesIO(data)).pages
    return "".join("".join(page.extract_text().split()) for page in pages)


async def decide(client: AsyncClient, app: dict[str, Any], **body: Any) -> None:
    decided = await client.post(f"/applications/{app['id']}/decision", json=body, headers=HANDLER)
    assert decided.status_code == 200, decided.text


async def disclosed_from_catalogue(client: AsyncClient, session: AsyncSession) -> dict[str, Any]:
    app = await registered(client, received_on="2026-02-13")
    await decide(client, app, outcome="disclosed")
    # The decision endpoint checks linked items against the catalog, which no test here runs.
    row = await session.get(DisclosureApplication, app["id"])
    assert row is not None
    row.linked_item_ids = [12, 15]
    await session.flush()
    return app


async def partly_disclosed(client: AsyncClient, session: AsyncSession) -> dict[str, Any]:
    app = await registered(client, received_on="2026-02-13", email="chenxm@example.cn")
    await decide(
        client,
        app,
        outcome="partly_disclosed",
        explanation="划片范围予以公开；涉及学生个人信息的部分不予公开",
        legal_basis="《中华人民共和国政府信息公开条例》第十五条、第三十七条",
    )
    return app


async def third_party_rights(client: AsyncClient, session: AsyncSession) -> dict[str, Any]:
    app = await registered(
        client,
        received_on="2026-02-13",
        applicant_type="legal_person",
        organisation_kind="business",
        organisation_name=COMPANY,
    )
    await decide(
        client,
        app,
        outcome="not_disclosed",
        outcome_reason=4,
        explanation="所申请的名单包含学生及其家长的姓名、住址",
        legal_basis="《中华人民共和国政府信息公开条例》第十五条",
    )
    return app


async def not_held(client: AsyncClient, session: AsyncSession) -> dict[str, Any]:
    app = await registered(client, received_on="2026-02-13")
    await decide(
        client,
        app,
        outcome="unavailable",
        outcome_reason=1,
        explanation="该信息由锦华区发展和改革局负责公开，联系电话028-86001234",
    )
    return app


async def supplement_never_came(client: AsyncClient, session: AsyncSession) -> dict[str, Any]:
    app = await registered(client, received_on="2026-02-13")
    asked = await client.post(
        f"/applications/{app['id']}/supplement-request",
        json={
            "requested_on": "2026-02-24",
            "request": "请写明所需学校的名称",
            "due_on": "2026-03-10",
        },
        headers=HANDLER,
    )
    assert asked.status_code == 200, asked.text
    await decide(client, app, outcome="other", outcome_reason=1)
    return app


CASES = [
    pytest.param(
        disclosed_from_catalogue,
        "陈晓明：",
        [
            "已主动公开，可在本机关政府信息公开目录查阅",
            "目录信息编号：12、15",
            "第三十六条第（一）项",
            REMEDIES,
        ],
        id="disclosed-linked",
    ),
    pytest.param(
        partly_disclosed,
        "陈晓明：",
        [
            "第三十七条",
            "对不予公开的内容说明理由如下",
            "具体说明：划片范围予以公开；涉及学生个人信息的部分不予公开。",
            "法律依据：《中华人民共和国政府信息公开条例》第十五条、第三十七条。",
            "将可以公开的内容以电子文档形式提供，随本告知书一并送达（电子邮箱：chenxm@example.cn）",
            "如对本答复中不予公开的内容不服，"
            + RECONSIDERATION_FIRST
            + "对本答复的其他内容不服的，"
            + EITHER,
        ],
        id="partly-disclosed",
    ),
    pytest.param(
        third_party_rights,
        f"{COMPANY}：",
        [
            "公开会对第三方合法权益造成损害",
            "第十五条和第三十六条第（三）项",
            "本机关决定不予公开",
            "收到您单位提出的政府信息公开申请",
            "所申请的名单包含学生及其家长的姓名、住址",
            "如对本答复不服，" + RECONSIDERATION_FIRST,
        ],
        id="not-disclosed-4",
    ),
    pytest.param(
        not_held,
        "陈晓明：",
        [
            "经检索，本机关未制作、获取您所申请的政府信息，该政府信息不存在。"
            "根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，现予告知。",
            "第三十六条第（五）项",
            "该信息由锦华区发展和改革局负责公开",
            REMEDIES,
        ],
        id="unavailable-1",
    ),
    pytest.param(
        supplement_never_came,
        "陈晓明：",
        [
            "本机关已于2026年2月24日告知您对申请作出补正，补正期限为2026年3月10日",
            "第三十条",
            "视为您放弃申请，本机关不再处理该政府信息公开申请",
            REMEDIES,
        ],
        id="other-1",
    ),
]


@pytest.mark.parametrize(("make", "addressee", "wording"), CASES)
async def test_the_letter_says_the_result_with_its_article_in_word_and_pdf(
    client: AsyncClient, session: AsyncSession, make: Any, addressee: str, wording: list[str]
) -> None:
    await add_test_district(session)
    app = await make(client, session)
    number = int(app["tracking_number"][len("YSQ2026") :])
    expected = [
        addressee,
        "政府信息公开申请答复告知书",
        f"依告〔2026〕第{number}号",
        "本机关于2026年2月13日收到",
        f"（申请编号：{app['tracking_number']}）",
        "锦华区2026年义务教育阶段学校划片范围及其确定依据",
        "锦华区教育局",
        *wording,
    ]

    word = await client.get(f"/applications/{app['id']}/letter.docx", headers=HANDLER)
    assert word.status_code == 200, word.text
    assert word.headers["content-type"] == DOCX
    text = docx_text(word.content)
    for phrase in expected:
        assert phrase in text, phrase
    assert text.startswith("政府信息公开申请答复告知书")

    pdf = await client.get(f"/applications/{app['id']}/letter.pdf", headers=HANDLER)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    # Extracted Chinese text means the CJK font was embedded, not replaced by empty boxes.
    text = pdf_text(pdf.content)
    for phrase in expected:
        assert "".join(phrase.split()) in text, phrase


async def test_a_refusal_offers_no_direct_lawsuit_and_missing_information_does_not_exist(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    refused = await third_party_rights(client, session)
    text = docx_text(
        (await client.get(f"/applications/{refused['id']}/letter.docx", headers=HANDLER)).content
    )
    assert "6个月" not in text
    held = await not_held(client, session)
    text = docx_text(
        (await client.get(f"/applications/{held['id']}/letter.docx", headers=HANDLER)).content
    )
    assert "不掌握" not in text


async def test_the_extension_was_approved_by_the_head_of_the_disclosure_office(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-02-13")
    extended = await client.post(
        f"/applications/{app['id']}/extension",
        json={
            "working_days": 20,
            "approved_by": "李局长",
            "reason": "涉及多所学校档案，需逐校调取",
            "notified_on": "2026-03-16",
        },
        headers=HANDLER,
    )
    assert extended.status_code == 200, extended.text
    await decide(client, app, outcome="disclosed")
    sentence = (
        "因涉及多所学校档案，需逐校调取，经本机关政府信息公开工作机构负责人同意，"
        "本机关已于2026年3月16日告知您将答复期限延长20个工作日。"
    )
    word = await client.get(f"/applications/{app['id']}/letter.docx", headers=HANDLER)
    assert sentence in docx_text(word.content)
    pdf = await client.get(f"/applications/{app['id']}/letter.pdf", headers=HANDLER)
    assert sentence in pdf_text(pdf.content)


async def test_the_word_file_is_laid_out_as_an_official_letter(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await partly_disclosed(client, session)
    word = await client.get(f"/applications/{app['id']}/letter.docx", headers=HANDLER)
    document = Document(BytesIO(word.content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    title, *_ = document.paragraphs
    title_fonts = title.runs[0].element.rPr.rFonts
    assert title_fonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    ) == ("方正小标宋简体")
    assert title.runs[0].font.size.pt == 22
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16
    assert normal.element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    ) == ("仿宋")
    assert 28 <= normal.paragraph_format.line_spacing.pt <= 29
    body = next(p for p in document.paragraphs if p.text.startswith("本机关于"))
    assert body.paragraph_format.first_line_indent.pt == 32
    signature, date = document.paragraphs[-2:]
    assert signature.text == "锦华区教育局"
    assert date.text == docx_text(word.content).splitlines()[-1]


async def test_no_letter_before_the_decision_and_only_for_the_units_staff(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client)
    early = await client.get(f"/applications/{app['id']}/letter.pdf", headers=HANDLER)
    assert early.status_code == 409
    assert early.json()["error"]["message"] == "该申请尚未作出答复决定，暂不能生成答复告知书"
    await decide(client, app, outcome="disclosed")
    for outsider in (STREET_HANDLER, auth("publisher", unit_id=BUREAU)):
        refused = await client.get(f"/applications/{app['id']}/letter.docx", headers=outsider)
        assert refused.status_code == 403
    office = auth("office", unit_id=DISTRICT, username="wangmin")
    assert (
        await client.get(f"/applications/{app['id']}/letter.docx", headers=office)
    ).status_code == 200


async def test_the_applicant_downloads_the_letter_once_the_reply_is_made(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await partly_disclosed(client, session)
    ask = {"tracking_number": app["tracking_number"], "query_code": app["query_code"]}

    not_yet = await client.post("/applications/track/letter", json=ask)
    assert not_yet.status_code == 409
    assert "答复" in not_yet.json()["error"]["message"]

    replied = await client.post(
        f"/applications/{app['id']}/reply", json={"replied_on": "2026-03-06"}, headers=HANDLER
    )
    assert replied.status_code == 200, replied.text
    pdf = await client.post("/applications/track/letter", json=ask)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    name = f"政府信息公开申请答复告知书-{app['tracking_number']}.pdf"
    assert f"filename*=UTF-8''{quote(name)}" in pdf.headers["content-disposition"]
    text = pdf_text(pdf.content)
    assert "2026年3月6日" in text and "能够作区分处理" in text

    word = await client.post("/applications/track/letter", json={**ask, "format": "docx"})
    assert word.headers["content-type"] == DOCX
    assert word.headers["content-disposition"].endswith(quote(name[:-3] + "docx"))
    assert docx_text(word.content).endswith("2026年3月6日")

    wrong = await client.post("/applications/track/letter", json={**ask, "query_code": "AAAAAAAA"})
    assert wrong.status_code == 404
    assert wrong.json()["error"]["message"] == "申请编号或查询码不正确"


async def test_the_contact_in_the_letter_is_masked_but_for_the_handler(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await partly_disclosed(client, session)
    office = auth("office", unit_id=DISTRICT, username="wangmin")
    by_office = docx_text(
        (await client.get(f"/applications/{app['id']}/letter.docx", headers=office)).content
    )
    assert "（电子邮箱：c***@example.cn）" in by_office and "chenxm" not in by_office
    by_handler = docx_text(
        (await client.get(f"/applications/{app['id']}/letter.docx", headers=HANDLER)).content
    )
    assert "（电子邮箱：chenxm@example.cn）" in by_handler
    replied = await client.post(
        f"/applications/{app['id']}/reply", json={"replied_on": "2026-03-06"}, headers=HANDLER
    )
    assert replied.status_code == 200, replied.text
    ask = {"tracking_number": app["tracking_number"], "query_code": app["query_code"]}
    by_code = await client.post("/applications/track/letter", json={**ask, "format": "docx"})
    assert by_code.status_code == 200
    assert "c***@example.cn" in docx_text(by_code.content)
    assert "chenxm" not in docx_text(by_code.content)


async def test_reconsideration_goes_to_the_government_above(session: AsyncSession) -> None:
    await add_test_district(session)
    await add_units(session, [(BUREAU_OFFICE, "锦华区教育局招生办公室", "department", BUREAU)])
    names = {}
    for unit_id in (DISTRICT, BUREAU, STREET, BUREAU_OFFICE):
        unit = await session.get(Unit, unit_id)
        assert unit is not None
        names[unit_id] = await reconsideration_body(session, unit)
    assert names == {
        BUREAU: "锦华区人民政府",
        STREET: "锦华区人民政府",
        DISTRICT: "上一级人民政府",
        BUREAU_OFFICE: "锦华区人民政府",
    }


# A vertically managed unit as the gateway sends it (行政复议法 2023 第二十七条), and a unit of
# its own system below it.
TAX, TAX_OFFICE, BUREAU_OFFICE = 40, 41, 42
TAX_NAME = "国家税务总局蓉州市锦华区税务局"
CITY_TAX = "国家税务总局蓉州市税务局"


def tax_snapshot(**fields: Any) -> dict[str, Any]:
    return {
        "id": TAX,
        "name": TAX_NAME,
        "credit_code": make_credit_code(f"11510199MB{TAX:07d}"),
        "type": "department",
        "parent_id": DISTRICT,
        "sort_order": 31,
        "closed": False,
        "vertically_managed": True,
        "reconsideration_body": CITY_TAX,
        "version": 1,
        "event": "unit.created",
        **fields,
    }


async def receive(client: AsyncClient, snapshot: dict[str, Any]) -> None:
    key = f"unit-{snapshot['id']}-v{snapshot['version']}-applications"
    sent = await client.put(
        f"/org/units/{snapshot['id']}",
        json=snapshot,
        headers={"Idempotency-Key": key, **auth("service", username="gateway")},
    )
    assert sent.status_code == 204, sent.text


async def decided_at(client: AsyncClient, unit_id: int, **decision: Any) -> dict[str, Any]:
    """An application handed in at `unit_id` on 13 February 2026 and decided there."""
    handler = auth("application_handler", unit_id=unit_id, username="hejing")
    body = {**applicant(unit_id=unit_id), "channel": "in_person", "submitted_on": "2026-02-13"}
    body["description"] = "锦华区2025年度个人所得税专项附加扣除政策执行情况"
    made = await client.post("/applications/registered", json=body, headers=handler)
    assert made.status_code == 201, made.text
    inbox = (await client.get("/applications", headers=handler)).json()
    app_id = next(
        row["id"]
        for row in inbox["items"]
        if row["tracking_number"] == made.json()["tracking_number"]
    )
    assigned = await client.post(
        f"/applications/{app_id}/assign", json={"handler": "hejing"}, headers=handler
    )
    assert assigned.status_code == 200, assigned.text
    decided = await client.post(f"/applications/{app_id}/decision", json=decision, headers=handler)
    assert decided.status_code == 200, decided.text
    word = await client.get(f"/applications/{app_id}/letter.docx", headers=handler)
    assert word.status_code == 200, word.text
    return {"id": app_id, "text": docx_text(word.content), "handler": handler}


async def test_the_copy_of_a_vertical_unit_reaches_the_service(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await receive(client, tax_snapshot())
    copy = (await client.get(f"/org/units/{TAX}")).json()
    assert (copy["vertically_managed"], copy["reconsideration_body"]) == (True, CITY_TAX)
    # The gateway turns the flag off: the copy follows, the body goes with it.
    await receive(
        client,
        tax_snapshot(
            vertically_managed=False, reconsideration_body=None, version=2, event="unit.updated"
        ),
    )
    copy = (await client.get(f"/org/units/{TAX}")).json()
    assert (copy["vertically_managed"], copy["reconsideration_body"]) == (False, None)


async def test_a_letter_of_a_vertical_unit_sends_reconsideration_up_its_own_system(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await receive(client, tax_snapshot())
    await receive(
        client,
        {
            **tax_snapshot(id=TAX_OFFICE, name="国家税务总局蓉州市锦华区税务局东湖税务所"),
            "credit_code": make_credit_code(f"11510199MB{TAX_OFFICE:07d}"),
            "parent_id": TAX,
            "vertically_managed": False,
            "reconsideration_body": None,
        },
    )

    refused = await decided_at(
        client,
        TAX,
        outcome="not_disclosed",
        outcome_reason=4,
        explanation="所申请的信息涉及纳税人的涉税信息",
        legal_basis="《中华人民共和国税收征收管理法》第八条",
    )
    assert (
        "如对本答复不服，根据《中华人民共和国行政复议法》第二十三条的规定，应当自收到本告知书之日起"
        f"60日内先向{CITY_TAX}申请行政复议；" in refused["text"]
    )
    assert "锦华区人民政府" not in refused["text"]
    assert refused["text"].splitlines()[-2] == TAX_NAME

    pdf = await client.get(f"/applications/{refused['id']}/letter.pdf", headers=refused["handler"])
    assert f"先向{CITY_TAX}申请行政复议" in pdf_text(pdf.content)

    # A unit below it, without a body of its own, belongs to the same system.
    below = await decided_at(client, TAX_OFFICE, outcome="disclosed")
    assert f"可以在收到本告知书之日起60日内向{CITY_TAX}申请行政复议" in below["text"]


@pytest.mark.parametrize(
    ("answer_first", "sentence", "decision"),
    [
        pytest.param(
            True,
            "本机关已于2026年3月6日就您提出的政府信息公开申请（申请编号：{earlier}）作出答复，"
            "您本次申请公开的是相同的政府信息。",
            "根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，"
            "本机关不予重复处理。",
            id="earlier-answered",
        ),
        pytest.param(
            False,
            "您此前提出的政府信息公开申请（申请编号：{earlier}）本机关正在办理，尚未作出答复，"
            "您本次申请公开的是相同的政府信息。",
            # Art. 36(6) presupposes a reply: while there is none the letter cites no article
            # it would misstate, and says where the answer will come.
            "本机关将在该申请的答复期限内依法一并作出答复，对本次申请不再另行处理。",
            id="earlier-open",
        ),
    ],
)
async def test_a_repeat_letter_says_truly_where_the_earlier_application_stands(
    client: AsyncClient, session: AsyncSession, answer_first: bool, sentence: str, decision: str
) -> None:
    await add_test_district(session)
    earlier = await registered(client, received_on="2026-02-13")
    if answer_first:
        await decide(client, earlier, outcome="disclosed")
        replied = await client.post(
            f"/applications/{earlier['id']}/reply",
            json={"replied_on": "2026-03-06"},
            headers=HANDLER,
        )
        assert replied.status_code == 200, replied.text
    again = await registered(client, received_on="2026-03-09")
    row = await session.get(DisclosureApplication, again["id"])
    assert row is not None and row.repeat_of_id == earlier["id"]
    await decide(client, again, outcome="not_processed", outcome_reason=2)

    word = await client.get(f"/applications/{again['id']}/letter.docx", headers=HANDLER)
    assert word.status_code == 200, word.text
    text = docx_text(word.content)
    assert sentence.format(earlier=earlier["tracking_number"]) + decision in text
    if not answer_first:
        assert "第三十六条" not in text

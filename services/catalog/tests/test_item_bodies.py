"""Item bodies show no image from another site, and the publisher is told what was removed
(finding: external images)."""

from __future__ import annotations

from catalog_builders import PUBLISHER, add_test_district, column_id, item_body
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

PIXEL = "https://stats.example.com/pixel.gif?page=notice"
OWN = "/api/catalog/attachments/12/download"
DATA = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"


async def test_external_images_are_removed_and_the_publisher_told(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    body_html = (
        f'<p>现将招生工作通知如下。<img src="{PIXEL}" width="1" height="1"></p>'
        f'<p><img src="{OWN}" alt="划片范围图"><img src="images/map.png" alt="示意图"></p>'
        f'<p><img src="{DATA}" alt="印章"><img src="//cdn.example.com/banner.png"></p>'
        '<p><a href="https://www.gov.cn/">中国政府网</a></p>'
    )
    created = await client.post(
        "/items", json=item_body(column, body_html=body_html), headers=PUBLISHER
    )
    assert created.status_code == 201, created.text
    item = created.json()
    assert item["sanitiser_notes"] == [
        f"已移除外部图片：{PIXEL}",
        "已移除外部图片：//cdn.example.com/banner.png",
    ]
    saved = item["body_html"]
    assert "example.com" not in saved
    for kept in (OWN, "images/map.png", DATA, "https://www.gov.cn/", "现将招生工作通知如下。"):
        assert kept in saved
    assert saved.count("<img") == 3

    # Said once, when saving: the item as read later carries no notes.
    read = (await client.get(f"/items/{item['id']}", headers=PUBLISHER)).json()
    assert read["body_html"] == saved and read["sanitiser_notes"] == []


async def test_an_edit_says_what_it_removed_and_nothing_when_nothing_was(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    draft = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    assert draft["sanitiser_notes"] == []
    path = f"/items/{draft['id']}"
    edited = await client.patch(
        path,
        # Spelled as browsers would still load it: upper case, spaces, a tab, a backslash.
        json={
            "body_html": '<p>更正</p><IMG SRC=" HTTP://a.example.com/1.png ">'
            '<img src="ht\ttps://b.example.com/2.png"><img src="/\\c.example.com/3.png">'
        },
        headers=PUBLISHER,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["sanitiser_notes"] == [
        "已移除外部图片：HTTP://a.example.com/1.png",
        "已移除外部图片：https://b.example.com/2.png",
        "已移除外部图片：/\\c.example.com/3.png",
    ]
    assert edited.json()["body_html"] == "<p>更正</p>"
    retitled = await client.patch(path, json={"title": "关于招生工作的更正通知"}, headers=PUBLISHER)
    assert retitled.json()["sanitiser_notes"] == []


async def test_data_urls_stay_only_as_images(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    body_html = (
        '<p title="data: 2026年">数据</p>'
        '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">打开</a>'
        '<img src="data:text/html;base64,PHNjcmlwdD4=">'
        '<img src="data:image/svg+xml;base64,PHN2Zz4=">'
    )
    item = (
        await client.post("/items", json=item_body(column, body_html=body_html), headers=PUBLISHER)
    ).json()
    saved = item["body_html"]
    assert "data:text" not in saved and "svg" not in saved and "<img" not in saved
    assert 'title="data: 2026年"' in saved and "打开" in saved

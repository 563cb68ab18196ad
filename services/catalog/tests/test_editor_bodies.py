"""What the console's rich-text editor writes survives the sanitiser as it is, and hostile HTML
does not: scripts, event handlers, javascript: URLs, styles and what the editor cannot show."""

from __future__ import annotations

from catalog_builders import PUBLISHER, add_test_district, column_id, item_body
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

# As TipTap 3 writes a body with each of the toolbar's kinds of content (a table with its
# colgroup and inline widths, a link with target and rel, an uploaded image).
FROM_THE_EDITOR = (
    "<h2>一、招生范围</h2><h3>（一）小学</h3><h4>1. 划片</h4>"
    "<p>按<strong>户籍</strong>和<em>居住</em>情况<u>划片</u>，<s>不再</s>统一登记。</p>"
    '<ol start="2"><li><p>第一项</p></li></ol><ul><li><p>材料</p></li></ul>'
    "<blockquote><p>引用</p></blockquote><hr>"
    '<table style="min-width: 50px"><colgroup><col style="min-width: 25px">'
    '<col style="min-width: 25px"></colgroup><tbody>'
    '<tr><th colspan="1" rowspan="1"><p>学校</p></th><th><p>片区</p></th></tr>'
    '<tr><td colspan="2" rowspan="1" colwidth="120"><p>锦华小学</p></td></tr></tbody></table>'
    '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://www.gov.cn/">'
    '中国政府网</a> <a href="mailto:zwgk@jinhua.gov.cn">来信</a></p>'
    '<img src="/api/catalog/attachments/7/download" alt="划片图">'
)

STORED = (
    "<h2>一、招生范围</h2><h3>（一）小学</h3><h4>1. 划片</h4>"
    "<p>按<strong>户籍</strong>和<em>居住</em>情况<u>划片</u>，<s>不再</s>统一登记。</p>"
    '<ol start="2"><li><p>第一项</p></li></ol><ul><li><p>材料</p></li></ul>'
    "<blockquote><p>引用</p></blockquote><hr>"
    "<table><colgroup><col><col></colgroup><tbody>"
    '<tr><th colspan="1" rowspan="1"><p>学校</p></th><th><p>片区</p></th></tr>'
    '<tr><td colspan="2" rowspan="1"><p>锦华小学</p></td></tr></tbody></table>'
    '<p><a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a> '
    '<a href="mailto:zwgk@jinhua.gov.cn" rel="noopener noreferrer">来信</a></p>'
    '<img src="/api/catalog/attachments/7/download" alt="划片图">'
)


async def _saved(client: AsyncClient, column: int, body_html: str) -> dict[str, object]:
    made = await client.post(
        "/items", json=item_body(column, body_html=body_html), headers=PUBLISHER
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


async def test_what_the_editor_writes_is_kept(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    item = await _saved(client, await column_id(client, "A20-11"), FROM_THE_EDITOR)
    # Only what only the editor's own screen uses goes: inline widths, target, colwidth.
    assert item["body_html"] == STORED
    assert item["sanitiser_notes"] == []


async def test_hostile_html_is_removed(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    hostile = (
        "<script>fetch('/api/auth/me')</script>"
        '<p onclick="steal()" onmouseover="steal()" style="position:fixed;top:0">通知</p>'
        '<a href="javascript:alert(1)">点击</a><a href=" JaVaScRiPt:alert(2)">再点</a>'
        '<a href="vbscript:msgbox(1)">三</a><a href="data:text/html,x">四</a>'
        '<img src="x" onerror="alert(1)"><img src="javascript:alert(3)">'
        "<svg onload=alert(4)><circle r=1></circle></svg>"
        '<iframe src="https://evil.example.com/"></iframe>'
        '<style>body{display:none}</style><form action="/x"><input name="p"></form>'
        '<h1 class="big">大标题</h1><div><span style="color:red">红字</span></div>'
        '<table onmouseover="x()"><tbody><tr><td style="background:url(javascript:x)">格</td>'
        "</tr></tbody></table>"
    )
    saved = str((await _saved(client, await column_id(client, "A20-11"), hostile))["body_html"])
    for gone in (
        "script",
        "fetch(",
        "onclick",
        "onmouseover",
        "onerror",
        "onload",
        "style",
        "javascript",
        "vbscript",
        "data:",
        "svg",
        "iframe",
        "evil.example.com",
        "<form",
        "<input",
        "<h1",
        "<div",
        "<span",
        "class=",
        "display:none",
    ):
        assert gone not in saved.lower(), gone
    # The words stay, in the structure the editor knows.
    assert "<p>通知</p>" in saved
    for text in ("点击", "再点", "大标题", "红字", "<td>格</td>"):
        assert text in saved
    # An image with a script source or none worth keeping shows nothing.
    assert saved.count("<img") == 1 and '<img src="x">' in saved

// The catalogue end to end: a publisher writes and submits an item, a reviewer publishes it,
// and the public finds it in the unit's catalogue and through search.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { newPage, openBrowser, signIn } from "./support.mjs";

// Unique per run, so the test does not depend on what else the database holds.
const stamp = Date.now().toString().slice(-8);
const TITLE = `关于做好${stamp}号义务教育招生入学工作的通知`;
const ATTACHMENT = `招生计划${stamp}.txt`;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** Choose an option of an antd TreeSelect by typing part of its name. */
async function chooseInTree(page, label, name) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(name);
  await page.locator(".ant-select-tree-title").getByText(name, { exact: true }).click();
}

test("a publisher writes an item, a reviewer publishes it, the public finds and reads it", async () => {
  // 1. The publisher of 锦华区教育局 writes a draft, attaches a file and submits it.
  const writer = await newPage(browser);
  await signIn(writer.page, "publisher");
  await writer.page.getByRole("menu", { name: "工作台导航" }).getByText("信息发布").click();
  await writer.page.getByRole("link", { name: "新建信息" }).click();
  await chooseInTree(writer.page, "所属栏目", "教育");
  await writer.page.getByLabel("标题", { exact: true }).fill(TITLE);
  await writer.page.getByLabel("发文字号").fill(`锦教发〔2026〕${stamp}号`);
  await writer.page.getByLabel("主题分类").fill("教育");
  // The body in the rich-text editor (its tools: e2e/publishing.test.mjs; what the server's
  // sanitiser removes: the catalog's API tests).
  await writer.page.getByRole("textbox", { name: "正文" }).fill("各学校：现就义务教育阶段招生入学工作通知如下。");
  await writer.page.getByRole("button", { name: "保存草稿" }).click();
  await writer.page.waitForURL(/\/console\/items\/\d+$/, { waitUntil: "commit" });
  const itemId = Number(new URL(writer.page.url()).pathname.split("/").pop());
  await writer.page.getByText("草稿", { exact: true }).first().waitFor();

  await writer.page.locator('input[type="file"]').setInputFiles({
    name: ATTACHMENT,
    mimeType: "text/plain",
    buffer: Buffer.from("小学一年级招生计划：12个班。\n", "utf8"),
  });
  const files = writer.page.locator(".ant-list");
  await files.getByText(ATTACHMENT, { exact: true }).waitFor();
  // A file attached by mistake can be removed while the item is a draft.
  await writer.page.locator('input[type="file"]').setInputFiles({
    name: "误传.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("误传的文件\n", "utf8"),
  });
  await files.getByText("误传.txt", { exact: true }).waitFor();
  await writer.page.getByRole("button", { name: "删除 误传.txt" }).click();
  await writer.page.locator(".ant-popconfirm").getByRole("button", { name: /^删\s*除$/ }).click();
  await writer.page.getByText("已删除附件").waitFor();
  await files.getByText("误传.txt", { exact: true }).waitFor({ state: "detached" });
  await files.getByText(ATTACHMENT, { exact: true }).waitFor();

  await writer.page.getByRole("button", { name: "提交审查" }).click();
  await writer.page.getByText("已提交审查，审查完成前不能修改").waitFor();
  const history = writer.page.locator(".ant-timeline");
  await history.getByText("提交审查").waitFor();
  // Submitting an unchanged draft does not record an empty edit.
  assert.equal(await history.getByText("修改", { exact: true }).count(), 0);
  assert.equal(await history.getByText("上传附件").count(), 2);
  await history.getByText("删除附件").waitFor();
  assert.deepEqual(writer.problems, []);

  // 2. The unit's reviewer ticks both checks and publishes it.
  const reviewer = await newPage(browser);
  await signIn(reviewer.page, "reviewer");
  await reviewer.page.getByRole("menu", { name: "工作台导航" }).getByText("审查").click();
  await reviewer.page.getByRole("row", { name: new RegExp(TITLE) }).getByRole("button", { name: /审\s*查/ }).click();
  const drawer = reviewer.page.locator(".ant-drawer");
  await drawer.getByRole("heading", { name: TITLE }).waitFor();
  await drawer.getByText(ATTACHMENT, { exact: true }).waitFor();
  const approve = drawer.getByRole("button", { name: "审查通过并发布" });
  assert.equal(await approve.isDisabled(), true);
  await drawer.getByText(/已完成保密审查/).click();
  await drawer.getByText(/已完成公开属性审核/).click();
  await approve.click();
  await reviewer.page.getByText(`已发布：${TITLE}`).waitFor();
  assert.deepEqual(reviewer.problems, []);

  // 3. Anyone finds it in the unit's catalogue, under its column, and reads it.
  const reader = await newPage(browser);
  await reader.page.goto("/");
  await reader.page.getByRole("main").getByRole("link", { name: "锦华区教育局", exact: true }).click();
  await reader.page.getByRole("heading", { name: "锦华区教育局政府信息公开目录" }).waitFor();
  await reader.page.getByRole("navigation", { name: "公开目录栏目" }).getByRole("link", { name: "教育", exact: true }).click();
  await reader.page.waitForURL(/column=\d+/, { waitUntil: "commit" });
  await reader.page.getByRole("link", { name: TITLE }).click();
  await reader.page.waitForURL(new RegExp(`/items/${itemId}$`), { waitUntil: "commit" });
  await reader.page.getByRole("heading", { name: TITLE }).waitFor();
  const meta = reader.page.locator(".item-meta");
  await meta.getByText("索引号").waitFor();
  assert.match(await meta.innerText(), /发布机构\s+锦华区教育局/);
  await reader.page.getByText("各学校：现就义务教育阶段招生入学工作通知如下。").waitFor();
  // The server removed the script; the page runs nothing from the body.
  assert.equal(await reader.page.locator(".item-body script").count(), 0);
  const download = reader.page.getByRole("link", { name: ATTACHMENT });
  const href = await download.getAttribute("href");
  const file = await reader.page.request.get(href);
  assert.equal(file.status(), 200);
  assert.match(await file.text(), /招生计划/);

  // 4. …and through search from the portal header, by a phrase of its title.
  await reader.page.getByRole("searchbox", { name: "检索政府信息" }).fill("义务教育招生入学");
  await reader.page.keyboard.press("Enter");
  await reader.page.waitForURL(/\/search\?q=/, { waitUntil: "commit" });
  await reader.page.getByText("按发布日期").click();
  await reader.page.waitForURL(/order=date/, { waitUntil: "commit" });
  const hit = reader.page.locator(".search-results").getByRole("link", { name: TITLE });
  await hit.waitFor();
  // The words found are marked in the title.
  assert.ok((await hit.locator("em").count()) > 0);
  await hit.click();
  await reader.page.waitForURL(new RegExp(`/items/${itemId}$`), { waitUntil: "commit" });
  assert.deepEqual(reader.problems, []);
});

test("the office sees column management and the deadline tabs; a publisher does not manage columns", async () => {
  const office = await newPage(browser);
  await signIn(office.page, "office");
  const nav = office.page.getByRole("menu", { name: "工作台导航" });
  await nav.getByText("栏目管理").click();
  await office.page.locator(".ant-table").getByText("公开指南", { exact: true }).first().waitFor();
  await nav.getByText("期限监督").click();
  await office.page.getByRole("tab", { name: "已逾期" }).click();
  await office.page.getByRole("tab", { name: "政策解读缺失" }).click();
  await office.page.getByText("政策解读应在3个工作日内同步发布").waitFor();
  assert.deepEqual(office.problems, []);

  const publisher = await newPage(browser);
  await signIn(publisher.page, "publisher");
  await publisher.page.getByRole("menu", { name: "工作台导航" }).getByText("信息发布").waitFor();
  assert.equal(await publisher.page.getByRole("menu", { name: "工作台导航" }).getByText("栏目管理").count(), 0);
  await publisher.page.goto("/console/columns");
  await publisher.page.getByText("没有权限").waitFor();
});

// Publishing in the console: a publisher writes an item in the rich-text editor (a heading, a
// link, a list, a table), attaches a file before the first save, previews it as the portal will
// show it, saves it and finds it by title in the list; a street's office is offered nothing of
// the district's catalogue template.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newAccount, newPage, openBrowser, signIn, signInAs, tokenFor } from "./support.mjs";

const stamp = Date.now().toString().slice(-8);
const TITLE = `锦华区教育局${stamp}号学位申请说明`;
const FILE = `学位申请表${stamp}.txt`;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test("a publisher writes, attaches before saving, previews, saves and finds an item", async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page, "publisher");
  await page.getByLabel("工作台导航").getByText("信息发布", { exact: true }).first().click();
  await page.getByRole("link", { name: "新建信息" }).click();
  await page.getByRole("heading", { level: 1, name: "新建信息" }).waitFor();

  await page.getByLabel("所属栏目", { exact: true }).click();
  await page.getByLabel("所属栏目", { exact: true }).fill("教育");
  await page.locator(".ant-select-tree-title").getByText("教育", { exact: true }).click();
  await page.getByLabel("标题", { exact: true }).fill(TITLE);

  // The body, with the toolbar's labelled buttons.
  const body = page.getByRole("textbox", { name: "正文" });
  const tool = (name) => page.getByRole("toolbar", { name: "正文格式" }).getByRole("button", { name, exact: true });
  await body.click();
  await tool("二级标题").click();
  await page.keyboard.type("一、申请范围");
  await page.keyboard.press("Enter");
  await page.keyboard.type("详见");
  // A link's address is checked as the catalog will: no javascript:.
  await tool("插入链接").click();
  const linkDialog = page.getByRole("dialog", { name: "插入链接" });
  await linkDialog.getByLabel("链接地址").fill("javascript:alert(1)");
  await linkDialog.getByLabel("链接文字").fill("中国政府网");
  await linkDialog.getByRole("button", { name: /确\s*定/ }).click();
  await linkDialog.getByText("只能链接到 http、https 网址或电子邮箱（mailto）").waitFor();
  await linkDialog.getByLabel("链接地址").fill("https://www.gov.cn/");
  await linkDialog.getByRole("button", { name: /确\s*定/ }).click();
  await linkDialog.waitFor({ state: "detached" });
  await page.keyboard.press("Enter");
  await tool("项目符号列表").click();
  await page.keyboard.type("户口簿");
  await page.keyboard.press("Enter");
  await page.keyboard.type("房产证明");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await tool("插入表格").click();
  await page.keyboard.type("学校");
  await tool("插入行").click();
  assert.equal(await body.locator("table tr").count(), 4);

  // A file before the first save: the draft is saved, and the page moves to it.
  await page.locator('input[type="file"]').setInputFiles({
    name: FILE,
    mimeType: "text/plain",
    buffer: Buffer.from("学位申请表：姓名、住址。\n", "utf8"),
  });
  await page.waitForURL(/\/console\/items\/\d+$/, { waitUntil: "commit" });
  const itemId = Number(new URL(page.url()).pathname.split("/").pop());
  await page.locator(".ant-list").getByText(FILE, { exact: true }).waitFor();
  // What was typed came back from the saved draft.
  await body.getByRole("heading", { level: 2, name: "一、申请范围" }).waitFor();
  assert.equal(await body.locator("table tr").count(), 4);

  // The preview is the portal's article.
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByRole("dialog", { name: "预览：公众在网站上看到的样子" });
  await preview.getByRole("heading", { level: 2, name: TITLE }).waitFor();
  await preview.locator(".item-meta").getByText("索引号").waitFor();
  await preview.locator(".item-body").getByRole("heading", { name: "一、申请范围" }).waitFor();
  assert.equal(await preview.locator(".item-body").getByRole("link", { name: "中国政府网" }).getAttribute("href"), "https://www.gov.cn/");
  assert.equal(await preview.locator(".item-body li").count(), 2);
  await preview.getByRole("button", { name: "关闭预览" }).click();

  await page.getByLabel("发文字号").fill(`锦教函〔2026〕${stamp}号`);
  await page.getByRole("button", { name: /^保\s*存$/ }).click();
  await page.getByText("已保存", { exact: true }).waitFor();
  const saved = await callApi(`/api/catalog/items/${itemId}`, { token: await tokenFor("publisher") });
  for (const part of ["<h2>一、申请范围</h2>", '<a href="https://www.gov.cn/"', "<ul>", "<table>", "<th>"]) {
    assert.ok(saved.body.body_html.includes(part), `${part} in ${saved.body.body_html}`);
  }

  // Found by a few characters of its title; the address keeps the search.
  await page.getByRole("link", { name: "返回列表" }).click();
  await page.getByRole("heading", { level: 1, name: "信息发布" }).waitFor();
  await page.getByLabel("标题、索引号或发文字号").fill(`${stamp}号学位`);
  await page.getByLabel("标题、索引号或发文字号").press("Enter");
  await page.waitForURL(/[?&]q=/, { waitUntil: "commit" });
  await page.getByText("共 1 条").waitFor();
  await page.getByRole("link", { name: TITLE }).waitFor();
  await page.reload();
  await page.getByRole("link", { name: TITLE }).waitFor();
  await page.getByText("共 1 条").waitFor();
  assert.deepEqual(problems, []);
});

test("a street's office is not offered the district's template", async () => {
  const account = await newAccount("h5street", { roles: ["office"], unitName: "东湖街道" });
  const { page, problems } = await newPage(browser);
  await signInAs(page, account.username, account.password);
  await page.getByLabel("工作台导航").getByText("栏目管理", { exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: "栏目管理" }).waitFor();
  await page.getByText("目录模板由本级人民政府政务公开办统一调整；街道、部门可在本单位目录中隐藏栏目").waitFor();
  await page.locator(".ant-table").first().getByText("公开指南", { exact: true }).first().waitFor();
  for (const name of ["新增一级栏目", "迁移栏目信息", "修改", "新增下级", "移动", "并入"]) {
    assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, name);
  }
  // What it may do: its own units' catalogues.
  await page.getByRole("heading", { level: 2, name: "单位目录设置" }).waitFor();
  assert.deepEqual(problems, []);
});

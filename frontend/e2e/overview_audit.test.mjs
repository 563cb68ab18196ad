// 工作台概览 and 审计日志 as the office uses them: its overview shows each unit's deadline figures,
// a figure opens the list it counts; the audit log, filtered by a person, reads in words with the
// before/after. The audit test writes its own records (a fresh publisher's draft, then a change).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, callApi, newAccount, openBrowser, signIn, tokenFor } from "./support.mjs";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

async function open(viewport) {
  const phone = viewport.width < 768;
  const context = await browser.newContext({ baseURL: BASE_URL, locale: "zh-CN", viewport, isMobile: phone, hasTouch: phone });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  return { context, page, problems };
}

test("the office's overview shows each unit's figures, and a figure opens the list it counts", async () => {
  const { context, page, problems } = await open(DESKTOP);
  await page.goto("/login?next=/console");
  await signIn(page, "office");
  await page.getByRole("heading", { level: 1, name: "工作台概览" }).waitFor();
  const table = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "信息发布期限（按单位）" }) });
  // The demo has late items; take a unit whose late list fits one page.
  const links = table.getByRole("link", { name: /已逾期 \d+ 条$/ });
  await links.first().waitFor();
  let chosen = null;
  for (const link of await links.all()) {
    const name = await link.getAttribute("aria-label");
    const count = Number(/(\d+) 条$/.exec(name)[1]);
    if (count <= 20) {
      chosen = { link, name, count };
      break;
    }
  }
  assert.ok(chosen, "a unit with a few late items");
  assert.equal(await page.title(), "工作台概览 - 阳光政务");
  // The other service's block is there too.
  await page.getByRole("heading", { name: "依申请公开期限（按单位）" }).waitFor();

  await chosen.link.click();
  await page.waitForURL(/\/console\/deadlines\?unit=\d+&below=0&tab=late$/);
  const late = page.getByRole("tabpanel", { name: "已逾期" });
  await late.locator(".ant-table-row").first().waitFor();
  assert.equal(await late.locator(".ant-table-row").count(), chosen.count, chosen.name);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the overview fits a phone", async () => {
  const { context, page } = await open(PHONE);
  await page.goto("/login?next=/console");
  await signIn(page, "supervisor");
  await page.getByRole("heading", { name: "信息发布期限（按单位）" }).waitFor();
  await page.getByRole("link", { name: /已逾期 \d+ 条$/ }).first().waitFor();
  const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width}px wide`);
  // A supervisor reads: no action links of the office.
  assert.equal(await page.getByRole("link", { name: "撰写信息" }).count(), 0);
  await context.close();
});

test("the audit log, filtered by a person, reads in words with the before and after", async () => {
  const person = await newAccount("aud", { roles: ["publisher"] });
  const token = await tokenFor(person.username, person.password);
  const bureau = (await callApi("/api/units")).body.find((u) => u.name === "锦华区教育局");
  const column = (await callApi("/api/catalog/columns")).body.find((c) => c.code === "A20-11");
  const stamp = Date.now().toString().slice(-6);
  const before = `寒假安全教育通知${stamp}`;
  const after = `寒假安全教育工作通知${stamp}`;
  const made = await callApi("/api/catalog/items", {
    method: "POST",
    token,
    body: {
      unit_id: bureau.id,
      column_id: column.id,
      title: before,
      body_html: "<p>各中小学校：寒假将至，现就做好学生假期安全教育工作通知如下。</p>",
      formed_on: "2026-11-30",
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const changed = await callApi(`/api/catalog/items/${made.body.id}`, { method: "PATCH", token, body: { title: after } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));

  const { context, page, problems } = await open(DESKTOP);
  await page.goto("/login?next=/console/audit");
  await signIn(page, "office");
  await page.getByRole("heading", { level: 1, name: "审计日志" }).waitFor();
  await page.getByRole("searchbox", { name: "操作人" }).fill(person.displayName);
  await page.getByRole("searchbox", { name: "操作人" }).press("Enter");
  await page.waitForURL(/actor=/);
  const sentence = `${person.displayName} 修改 信息《${after}》`;
  const entry = page.getByRole("listitem").filter({ hasText: sentence });
  await entry.waitFor();
  await entry.getByLabel(`原为 ${before}`).waitFor();
  await entry.getByLabel(`改为 ${after}`).waitFor();
  // Only this person's entries: the change and the draft's creation.
  await page.getByRole("heading", { name: "记录（共 2 条）" }).waitFor();
  await page.getByText(`${person.displayName} 创建草稿 信息《${before}》`).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

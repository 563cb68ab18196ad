// The portal as a citizen first meets it, at desktop and phone size: the home page with the newest
// items and the ways in, a unit's 公开指南 with its office's phone and address, and a parent
// column of a unit's catalogue listing its sub-columns' items with their counts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, callApi, openBrowser, tokenFor } from "./support.mjs";

const stamp = Date.now().toString().slice(-8);
const TITLE = `锦华区教育局关于2026年寒假学生安全教育工作的通知（${stamp}）`;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
let bureau;
let parent; // 《条例》第二十条第十一项, whose items sit in 教育 and its siblings
let itemId;

/** An item of 锦华区教育局 in 教育, published through the review (publisher, then reviewer). */
async function publishItem(columnId) {
  const publisher = await tokenFor("publisher");
  const made = await callApi("/api/catalog/items", {
    method: "POST",
    token: publisher,
    body: {
      unit_id: bureau.id,
      column_id: columnId,
      title: TITLE,
      body_html: "<p>各中小学校：寒假将至，现就做好学生假期安全教育工作通知如下。</p>",
      document_number: `锦教发〔2026〕${stamp.slice(-3)}号`,
      formed_on: "2026-11-30",
      keywords: "寒假 安全教育",
      topic: "教育",
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const submitted = await callApi(`/api/catalog/items/${made.body.id}/submit`, { method: "POST", token: publisher });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const reviewed = await callApi(`/api/catalog/items/${made.body.id}/review`, {
    method: "POST",
    token: await tokenFor("reviewer"),
    body: { decision: "approve", confidentiality_checked: true, attribute_checked: true },
  });
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  return made.body.id;
}

async function open(viewport) {
  const phone = viewport.width < 768;
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: "zh-CN",
    viewport,
    isMobile: phone,
    hasTouch: phone,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  return { context, page, problems };
}

/** The page does not scroll sideways. */
async function fitsWidth(page, width) {
  const scrollWidth = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `the page is ${scrollWidth}px wide at ${width}px`);
}

before(async () => {
  browser = await openBrowser();
  bureau = (await callApi("/api/units")).body.find((u) => u.name === "锦华区教育局");
  const template = (await callApi("/api/catalog/columns")).body;
  parent = template.find((c) => c.code === "A20-11");
  const education = parent.children.find((c) => c.code === "A20-11-02");
  itemId = await publishItem(education.id);
});
after(async () => {
  await browser?.close();
});

test("desktop: the home page's newest items and entries, a unit's 公开指南, a parent column's items and counts", async () => {
  const { context, page, problems } = await open(DESKTOP);
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: /政务公开/ }).waitFor();
  const latest = page.getByRole("link", { name: TITLE });
  await latest.waitFor();
  assert.equal(await latest.getAttribute("href"), `/items/${itemId}`);
  for (const [name, href] of [
    ["公开指南", "/guide"],
    ["年度报告", "/annual-reports"],
    ["依申请公开", "/apply"],
    ["申请查询", "/track"],
    ["办事指南", "/hall/guide"],
    ["取号", "/hall/ticket"],
    ["预约", "/hall/book"],
    ["评价", "/hall/rate"],
    ["投诉", "/hall/complain"],
  ]) {
    const entry = page.getByRole("main").getByRole("link", { name: new RegExp(`^\\S*\\s*${name}`) }).first();
    assert.equal(await entry.getAttribute("href"), href, name);
  }
  await page.getByRole("heading", { name: "政策解读" }).waitFor();
  await page.getByRole("heading", { name: "通知公告" }).waitFor();
  const unitLink = page.getByRole("main").getByRole("link", { name: "锦华区教育局", exact: true });
  assert.equal(await unitLink.getAttribute("href"), `/units/${bureau.id}`);
  await fitsWidth(page, DESKTOP.width);

  // 公开指南 from the home page: the district's, then the bureau's with its office's details.
  await page.getByRole("main").getByRole("link", { name: /公开指南/ }).first().click();
  await page.getByRole("heading", { level: 1, name: "锦华区人民政府政府信息公开指南" }).waitFor();
  await page.goto(`/units/${bureau.id}/guide`);
  await page.getByRole("heading", { level: 1, name: "锦华区教育局政府信息公开指南" }).waitFor();
  await page.getByRole("link", { name: bureau.office_phone }).waitFor();
  await page.getByText(bureau.office_address, { exact: true }).waitFor();
  await page.getByText(bureau.postal_code, { exact: true }).waitFor();

  // The parent column lists the item published in 教育, with the count the API gives.
  const counted = (await callApi(`/api/catalog/units/${bureau.id}/columns`)).body.find((c) => c.code === "A20-11");
  assert.ok(counted.item_count >= 1);
  await page.goto(`/units/${bureau.id}?column=${parent.id}`);
  const item = page.getByRole("main").getByRole("link", { name: TITLE });
  await item.waitFor();
  await page.getByText(`（共 ${counted.item_count} 条）`).waitFor();
  const nav = page.getByRole("navigation", { name: "公开目录栏目" });
  const education = nav.getByRole("link", { name: "教育", exact: true });
  assert.equal(await education.getAttribute("href"), `/units/${bureau.id}?column=${counted.children.find((c) => c.code === "A20-11-02").id}`);
  assert.ok((await nav.getByText("空栏目").count()) > 0, "empty columns are marked");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: the home page, and a parent column's first item above the fold with the columns in a drawer", async () => {
  const { context, page, problems } = await open(PHONE);
  await page.goto("/");
  await page.getByRole("link", { name: TITLE }).waitFor();
  assert.equal(await page.getByRole("main").getByRole("link", { name: /依申请公开/ }).first().getAttribute("href"), "/apply");
  // The units are collapsed by type: the groups show, their units when opened.
  await page.getByRole("button", { name: /政府部门（\d+）/ }).click();
  await page.getByRole("main").getByRole("link", { name: "锦华区教育局", exact: true }).waitFor();
  await fitsWidth(page, PHONE.width);

  await page.goto(`/units/${bureau.id}?column=${parent.id}`);
  const first = page.getByRole("main").getByRole("link", { name: TITLE });
  await first.waitFor();
  const box = await first.boundingBox();
  assert.ok(box && box.y + box.height <= PHONE.height, `the first item is at ${box?.y}px`);
  await fitsWidth(page, PHONE.width);
  await page.getByRole("button", { name: "栏目" }).click();
  const drawer = page.getByRole("dialog");
  await drawer.getByRole("link", { name: "教育", exact: true }).click();
  await page.waitForURL(/column=\d+/);
  await page.getByRole("heading", { level: 2, name: /^教育/ }).waitFor();
  await page.getByRole("main").getByRole("link", { name: TITLE }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

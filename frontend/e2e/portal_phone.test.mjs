// The portal and the console on a phone (390×844, touch): the header's menu, search and staff
// login, an item page, and the console's menu drawer. Uses the demo's published notice on
// 基层政务公开 and the demo publisher, changing neither.
// The functions given to page.evaluate run in the page, where these are defined:
/* global window, document */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, openBrowser, signIn } from "./support.mjs";

const ITEM_TITLE = "锦华区人民政府办公室关于印发《锦华区基层政务公开标准化规范化建设若干措施》的通知";

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

async function phonePage() {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: "zh-CN",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems };
}

/** The page is no wider than the phone: nothing to scroll sideways. */
async function assertNoSidewaysScroll(page, where) {
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= width, `${where}: ${scrollWidth} px wide on a ${width} px screen`);
}

test("a citizen on a phone uses the menu, searches from the header and reads an item", async () => {
  const { page, problems } = await phonePage();
  await page.goto("/");
  await page.getByRole("banner").waitFor();
  await assertNoSidewaysScroll(page, "home");

  // The navigation is behind 菜单: a real button that says whether it is open.
  const menu = page.getByRole("button", { name: "菜单" });
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  await menu.click();
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "依申请公开" }).click();
  await page.waitForURL("**/apply");
  // The menu closes when the new page is drawn (the old one stays while its chunk loads).
  await page.getByRole("button", { name: "菜单", expanded: false }).waitFor();
  await page.getByRole("heading", { level: 1 }).waitFor();
  await assertNoSidewaysScroll(page, "apply");
  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/");

  // The header's search has a row of its own.
  const search = page.getByRole("searchbox", { name: "检索政府信息" });
  await search.fill("基层政务公开标准化");
  await search.press("Enter");
  await page.waitForURL(/\/search\?q=/);
  await page.getByRole("main").getByRole("link", { name: ITEM_TITLE }).first().click();

  const title = page.getByRole("heading", { level: 1, name: ITEM_TITLE });
  await title.waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1);
  assert.match(await page.title(), /基层政务公开标准化规范化建设/);
  await page.getByRole("button", { name: "朗读" }).waitFor();
  await assertNoSidewaysScroll(page, "item");
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("staff reach the login from a phone and open the console's menu", async () => {
  const { page, problems } = await phonePage();
  await page.goto("/");
  const login = page.getByRole("link", { name: "工作人员登录" });
  const box = await login.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `工作人员登录 at ${JSON.stringify(box)}`);
  await login.click();
  await signIn(page, "publisher");
  await assertNoSidewaysScroll(page, "console");

  // The side menu is a drawer here, opened from the header.
  const menu = page.getByRole("button", { name: "菜单" });
  await menu.click();
  const drawer = page.getByRole("dialog");
  await drawer.getByRole("link", { name: "信息发布" }).click();
  await page.waitForURL("**/console/items");
  await drawer.waitFor({ state: "hidden" });
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.deepEqual(problems, []);
  await page.context().close();
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { newPage, openBrowser, PASSWORD, signIn } from "./support.mjs";

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test("the portal lists the district's units and shows a unit's catalogue", async () => {
  const { page, problems } = await newPage(browser);
  await page.goto("/");
  await page.getByRole("heading", { name: "信息公开单位" }).waitFor();
  await page.getByRole("main").getByRole("link", { name: "锦华区教育局", exact: true }).click();
  await page.getByRole("heading", { name: "锦华区教育局政府信息公开目录" }).waitFor();
  await page.getByText(/机关职能/).first().waitFor();
  await page.getByText(/条例第二十条第1项/).first().waitFor();
  assert.deepEqual(problems, []);
});

test("an unknown address shows the 404 page", async () => {
  const { page } = await newPage(browser);
  await page.goto("/no-such-page");
  await page.getByText("页面不存在", { exact: true }).waitFor();
});

test("a wrong password is refused with a message and no session", async () => {
  const { page } = await newPage(browser);
  await page.goto("/login");
  await page.getByLabel("用户名").fill("office");
  await page.getByLabel("密码").fill(`${PASSWORD}-wrong`);
  await page.getByRole("button", { name: /^登\s*录$/ }).click();
  await page.getByText("用户名或密码错误").waitFor();
  assert.equal(new URL(page.url()).pathname, "/login");
});

test("the office signs in, sees its console and units, and signs out", async () => {
  const { page, problems } = await newPage(browser);
  await page.goto("/console/units");
  await page.waitForURL(/\/login\?next=/, { waitUntil: "commit" });
  await signIn(page, "office");
  // Back where it was going, with the office's navigation.
  await page.waitForURL(/\/console\/units$/, { waitUntil: "commit" });
  const nav = page.getByRole("menu", { name: "工作台导航" });
  await nav.getByText("单位管理").waitFor();
  assert.equal(await nav.getByText("消息投递").count(), 0);
  await page.locator(".ant-table").getByText("锦华区教育局", { exact: true }).waitFor();

  await nav.getByText("工作台概览").click();
  await page.getByText("您好，王敏").waitFor();
  // The figure comes from the reporting service, which reads it from the catalog service.
  await page.getByText("公开目录栏目").waitFor();
  const figure = await page.locator(".ant-statistic").first().innerText();
  assert.match(figure, /公开目录栏目\s*\d+/);

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/, { waitUntil: "commit" });
  await page.goto("/console");
  await page.waitForURL(/\/login\?next=/, { waitUntil: "commit" });
  assert.deepEqual(problems, []);
});

test("a publisher does not get unit management", async () => {
  const { page } = await newPage(browser);
  await signIn(page, "publisher");
  const nav = page.getByRole("menu", { name: "工作台导航" });
  await nav.getByText("工作日历").waitFor();
  assert.equal(await nav.getByText("单位管理").count(), 0);
  await page.goto("/console/units");
  await page.getByText("没有权限").waitFor();
});

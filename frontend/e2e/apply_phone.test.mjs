// 依申请公开 on a phone (390×844): the agency picker finds 民政局 by typing 民政; 邮寄 without a
// postal address is refused in the form (and by the API, naming the field); with it, the receipt
// shows the tracking number and the query code, copying says 已复制 and puts them on the
// clipboard, and the page never scrolls sideways.
// The functions given to page.evaluate run in the page, where these are defined:
/* global window, document */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, callApi, openBrowser } from "./support.mjs";

const stamp = Date.now().toString().slice(-8);
const DESCRIPTION = `锦华区最低生活保障标准调整文件（第${stamp}号查询）`;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

async function onPhone() {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: "zh-CN",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems };
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("the API refuses 邮寄 without an address and 电子文档 without an e-mail, naming the field", async () => {
  const units = await callApi("/api/units");
  const bureau = units.body.find((u) => u.name === "锦华区民政局");
  const body = {
    unit_id: bureau.id,
    applicant_type: "natural_person",
    applicant_name: "陈晓明",
    id_number: "11010519491231002X",
    phone: "13812345678",
    description: DESCRIPTION,
  };
  const post = await callApi("/api/applications/applications", { method: "POST", body: { ...body, form: "post" } });
  assert.equal(post.status, 422);
  assert.deepEqual(
    post.body.error.fields.map((f) => f.field),
    ["body.address"],
  );
  const electronic = await callApi("/api/applications/applications", {
    method: "POST",
    body: { ...body, form: "electronic" },
  });
  assert.equal(electronic.status, 422);
  assert.deepEqual(
    electronic.body.error.fields.map((f) => f.field),
    ["body.email"],
  );
});

test("a citizen applies on a phone for 邮寄 and keeps the receipt", async () => {
  const { page, problems } = await onPhone();
  await page.goto("/apply");
  await page.getByRole("heading", { level: 1, name: "政府信息公开申请" }).waitFor();

  // Typing 民政 offers 锦华区民政局 first; communities are never offered.
  const picker = page.getByRole("combobox", { name: "申请的行政机关" });
  await picker.click();
  await picker.fill("民政");
  const first = page.locator(".ant-select-item-option").first();
  await first.getByText("锦华区民政局", { exact: true }).waitFor();
  await first.click();

  await page.getByLabel("姓名", { exact: true }).fill("陈晓明");
  await page.getByLabel("证件号码").fill("11010519491231002X");
  await page.getByLabel("联系电话").fill("13812345678");
  await page.getByLabel(/所需政府信息的名称/).fill(DESCRIPTION);
  await page.getByText("邮寄", { exact: true }).click();
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByText("邮寄的，须填写通信地址（省市区、街道门牌）").waitFor();
  assert.ok((await sideways(page)) <= 0, "the form scrolls sideways");

  await page.getByLabel("通信地址").fill("蓉州市锦华区东湖路18号3栋2单元");
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByRole("heading", { level: 2, name: "政府信息公开申请回执" }).waitFor();
  const number = (await page.getByTestId("tracking-number").innerText()).trim();
  const code = (await page.getByTestId("query-code").innerText()).trim();
  assert.match(number, /^YSQ\d{10}$/);
  assert.match(code, /^[2-9A-Z]{8}$/);
  await page.getByText("锦华区民政局", { exact: true }).waitFor();
  assert.ok((await sideways(page)) <= 0, "the receipt scrolls sideways");

  await page.getByRole("button", { name: "复制编号和查询码" }).click();
  await page.getByText(/^已复制/).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(number) && copied.includes(code), copied);

  // The receipt's link leads to tracking, the number filled in.
  await page.getByRole("link", { name: "查询办理进度" }).click();
  await page.getByLabel("查询码").fill(code);
  await page.getByRole("button", { name: /^查\s*询$/ }).click();
  await page.getByText(`申请 ${number}`).waitFor();
  await page.getByText("已提交，待确认收到").waitFor();
  assert.ok((await sideways(page)) <= 0, "tracking scrolls sideways");
  assert.deepEqual(problems, []);
});

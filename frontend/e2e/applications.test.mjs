// 依申请公开 end to end: a citizen applies online and follows the application with the tracking
// number and query code; the bureau's handler confirms receipt, decides and replies; the citizen
// then sees the result.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newPage, openBrowser, signIn } from "./support.mjs";

// Unique per run, so the test does not depend on what else the database holds.
const stamp = Date.now().toString().slice(-8);
const DESCRIPTION = `锦华区第${stamp}号学区划片调整方案及其论证材料`;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

// The agency picker offers the units that receive applications, the best names first.
async function chooseAgency(page, label, name) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(name);
  await page.locator(".ant-select-item-option").getByText(name, { exact: true }).click();
}

async function track(page, number, code) {
  await page.goto("/track");
  await page.getByLabel("申请编号").fill(number);
  await page.getByLabel("查询码").fill(code);
  await page.getByRole("button", { name: /^查\s*询$/ }).click();
  await page.getByText(`申请 ${number}`).waitFor();
}

test("a citizen applies online, the handler replies 部分公开, the citizen sees it", async () => {
  // 1. The citizen applies on the portal; the form checks the ID number before sending it.
  const citizen = await newPage(browser);
  await citizen.page.goto("/");
  await citizen.page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "依申请公开" }).click();
  await chooseAgency(citizen.page, "申请的行政机关", "锦华区教育局");
  await citizen.page.getByLabel("姓名").fill("陈晓明");
  await citizen.page.getByLabel("证件号码").fill("110105194912310021");
  await citizen.page.getByLabel("联系电话").fill("13812345678");
  await citizen.page.getByLabel("电子邮箱").fill("chenxm@example.cn");
  await citizen.page.getByLabel(/所需政府信息的名称/).fill(DESCRIPTION);
  await citizen.page.getByRole("button", { name: "提交申请" }).click();
  await citizen.page.getByText("居民身份证号码不正确，请核对18位号码").waitFor();
  await citizen.page.getByLabel("证件号码").fill("11010519491231002X");
  await citizen.page.getByRole("button", { name: "提交申请" }).click();
  await citizen.page.getByText("申请已提交").waitFor();
  await citizen.page.getByText("请妥善保存申请编号和查询码").waitFor();
  const number = (await citizen.page.getByTestId("tracking-number").innerText()).trim();
  const code = (await citizen.page.getByTestId("query-code").innerText()).trim();
  assert.match(number, /^YSQ\d{10}$/);
  assert.match(code, /^[2-9A-Z]{8}$/);

  await track(citizen.page, number, code);
  await citizen.page.getByText("已提交，待确认收到").waitFor();
  await citizen.page.locator(".ant-timeline").getByText("提交申请").waitFor();

  // 2. The bureau's handler finds it among the applications awaiting receipt.
  const handler = await newPage(browser);
  await signIn(handler.page, "edu_handler");
  await handler.page.getByRole("menu", { name: "工作台导航" }).getByText("依申请公开", { exact: true }).click();
  await handler.page.waitForURL(/\/console\/applications$/, { waitUntil: "commit" });
  await handler.page.goto("/console/applications?status=awaiting_receipt");
  await handler.page.getByRole("link", { name: number }).click();
  await handler.page.getByText(DESCRIPTION).waitFor();

  // The open panel of the accordion is the one form on the page.
  const active = handler.page.locator("form");
  await active.getByRole("button", { name: "确认收到" }).click();
  await handler.page.getByText("已确认收到，开始计时").waitFor();
  await handler.page.getByText("剩余 20 个工作日").waitFor();

  await handler.page.locator(".ant-collapse-header").getByText("拟定答复", { exact: true }).click();
  await active.getByLabel("答复结果").click();
  await handler.page.locator(".ant-select-item-option").getByText("部分公开", { exact: true }).click();
  await active.getByLabel("理由与说明").fill("申请的信息中含有学生个人信息，已作区分处理。");
  await active.getByLabel("法律依据").fill("《中华人民共和国政府信息公开条例》第十五条、第三十七条");
  await active.getByRole("button", { name: "保存答复结果" }).click();
  await handler.page.getByText("已保存答复结果").waitFor();

  await handler.page.locator(".ant-collapse-header").getByText("作出答复", { exact: true }).click();
  await active.getByRole("button", { name: "确认已答复" }).click();
  await handler.page.getByText("已答复，申请办结").waitFor();
  await handler.page.locator(".ant-card-head").getByText("已答复", { exact: true }).waitFor();
  await handler.page.getByText("作出答复", { exact: true }).first().waitFor();
  await handler.page.getByText("申请已办结").waitFor();

  // 3. The citizen sees the result.
  await track(citizen.page, number, code);
  await citizen.page.getByText("答复结果：部分公开").waitFor();
  await citizen.page.getByText("已答复", { exact: true }).first().waitFor();
  assert.deepEqual(citizen.problems, []);
  assert.deepEqual(handler.problems, []);
});

test("the supervisor reads an application awaiting receipt and is offered no step on it", async () => {
  // A citizen's application through the public API; the bureau's handler would confirm receipt.
  const units = await callApi("/api/units");
  const bureau = units.body.find((u) => u.name === "锦华区教育局");
  const description = `锦华区第${stamp}号校车线路调整说明`;
  const submitted = await callApi("/api/applications/applications", {
    method: "POST",
    body: {
      unit_id: bureau.id,
      applicant_type: "natural_person",
      applicant_name: "王海",
      id_number: "11010519491231002X",
      phone: "13812345678",
      description,
    },
  });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const number = submitted.body.tracking_number;

  const { page, problems } = await newPage(browser);
  await signIn(page, "supervisor");
  await page.goto(`/console/applications?status=awaiting_receipt&unit=${bureau.id}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByText(description).waitFor();
  const handling = page.locator(".ant-card", { has: page.locator(".ant-card-head", { hasText: /^办理$/ }) });
  await handling.getByText("当前没有您可以办理的环节").waitFor();
  assert.equal(await handling.locator(".ant-collapse").count(), 0);
  assert.equal(await handling.getByRole("button").count(), 0);
  assert.equal(await page.locator("form").count(), 0);
  assert.equal(await page.getByRole("button", { name: "登记复议或诉讼" }).count(), 0);
  assert.deepEqual(problems, []);
});

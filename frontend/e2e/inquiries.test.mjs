// 咨询与留言 end to end: a citizen asks the education bureau on the portal and keeps the number and
// the code; the bureau's handler finds it in the console with its due date and answers it (and
// registers a question taken on the phone); the citizen reads the answer with the number and the
// code and rates it, once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { newPage, openBrowser, signIn } from "./support.mjs";

// Unique per run, so the test does not depend on what else the database holds.
const stamp = Date.now().toString().slice(-8);
const SUBJECT = `转学到东湖小学需要哪些手续（${stamp}）`;
const ANSWER = "请到原学校开具转学联系函，再到东湖小学教务处办理，需携带户口簿和房产证明。";

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

async function readAnswer(page, number, code) {
  await page.goto(`/inquiries/track?number=${number}`);
  await page.getByLabel("查询码").fill(code);
  await page.getByRole("button", { name: /^查\s*询$/ }).click();
  await page.getByRole("heading", { level: 2, name: SUBJECT }).waitFor();
}

test("a citizen asks, the handler answers in the console, the citizen reads and rates it", async () => {
  // 1. The citizen asks on the portal and keeps the receipt.
  const citizen = await newPage(browser);
  await citizen.page.goto("/inquiries/ask");
  await citizen.page.getByRole("heading", { level: 1, name: "咨询与留言" }).waitFor();
  const picker = citizen.page.getByRole("combobox", { name: "咨询或留言的单位" });
  await picker.click();
  await picker.fill("教育");
  await citizen.page.locator(".ant-select-item-option").first().getByText("锦华区教育局", { exact: true }).click();
  await citizen.page.getByText("咨询", { exact: true }).click();
  await citizen.page.getByLabel("标题").fill(SUBJECT);
  await citizen.page.getByLabel("内容").fill("孩子从青龙街道转学到东湖小学，请问需要办理哪些手续、带什么材料？");
  await citizen.page.getByLabel("姓名").fill("李华");
  await citizen.page.getByLabel("联系电话或电子邮箱").fill("13987654321");
  await citizen.page.getByRole("button", { name: /^提\s*交$/ }).click();
  await citizen.page.getByRole("heading", { level: 2, name: "咨询留言回执" }).waitFor();
  const number = (await citizen.page.getByTestId("inquiry-number").innerText()).trim();
  const code = (await citizen.page.getByTestId("inquiry-code").innerText()).trim();
  const due = (await citizen.page.getByTestId("inquiry-due").innerText()).trim();
  assert.match(number, /^\d+$/);
  assert.match(code, /^[2-9A-Z]{8}$/);
  assert.match(due, /^\d{4}-\d{2}-\d{2}/);

  // Before the answer, the code shows the question and when the answer is due.
  await readAnswer(citizen.page, number, code);
  await citizen.page.getByText(`单位将在 ${due.slice(0, 10)} 前答复，请届时再来查看。`).waitFor();

  // 2. The bureau's handler finds it among the unanswered, with its due date, and answers.
  const handler = await newPage(browser);
  await signIn(handler.page, "edu_handler");
  await handler.page.getByRole("link", { name: "咨询与留言", exact: true }).click();
  await handler.page.getByRole("heading", { level: 1, name: "咨询与留言办理" }).waitFor();
  const row = handler.page.locator("tr", { has: handler.page.getByRole("link", { name: SUBJECT }) });
  await row.getByText(due.slice(0, 10)).waitFor();
  await row.getByText("未答复").waitFor();
  await row.getByRole("link", { name: SUBJECT }).click();
  await handler.page.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
  await handler.page.getByText("13987654321").waitFor(); // who answers sees the contact to call back
  await handler.page.getByLabel("答复内容").fill(ANSWER);
  await handler.page.getByRole("button", { name: "提交答复" }).click();
  await handler.page.getByTestId("inquiry-answer").getByText(ANSWER).waitFor();
  await handler.page.getByText(/^已答复 \d{4}-\d{2}-\d{2}$/).waitFor();
  assert.equal(await handler.page.getByRole("button", { name: "提交答复" }).count(), 0);

  // A question taken on the phone is registered too, and the asker is told its code.
  await handler.page.getByRole("link", { name: "返回列表" }).click();
  await handler.page.getByRole("button", { name: "登记咨询" }).click();
  const dialog = handler.page.getByRole("dialog");
  await dialog.getByText("电话", { exact: true }).click();
  await dialog.getByLabel("标题").fill(`电话咨询：${SUBJECT}`);
  await dialog.getByLabel("内容").fill("来电询问转学手续的办理时间。");
  await dialog.getByLabel("提问人姓名").fill("王芳");
  await dialog.getByLabel("联系电话或电子邮箱").fill("028-86001234");
  await dialog.getByRole("button", { name: /^登\s*记$/ }).click();
  await handler.page.getByText(/^查询码：[2-9A-Z]{8}$/).waitFor();

  // 3. The citizen reads the answer with the code and rates it; a rating is given once.
  await readAnswer(citizen.page, number, code);
  await citizen.page.getByTestId("inquiry-answer").getByText(ANSWER).waitFor();
  await citizen.page.getByText("满意", { exact: true }).click();
  await citizen.page.getByRole("button", { name: "提交评价" }).click();
  await citizen.page.getByText("您的评价：").waitFor();
  await readAnswer(citizen.page, number, code);
  await citizen.page.getByText("您的评价：满意。感谢您的反馈。").waitFor();
  assert.equal(await citizen.page.getByRole("button", { name: "提交评价" }).count(), 0);

  assert.deepEqual(citizen.problems, []);
  assert.deepEqual(handler.problems, []);
});

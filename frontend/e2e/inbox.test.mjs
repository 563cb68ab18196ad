// 依申请公开办理 in the console at 1440 px: the office's inbox puts an online application awaiting
// receipt first and fits the screen; found by its tracking number, the application is received,
// given to a handler picked by name, decided, each step followed by the next one offered; the
// reply letter is downloaded as Word and PDF.
/* global document */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { callApi, openBrowser, signIn, BASE_URL } from "./support.mjs";

const stamp = Date.now().toString().slice(-8);
const DESCRIPTION = `锦华区第${stamp}号校车安全管理检查记录`;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** Waits for the focus to be on the button of this text (antd spaces two-character labels). */
const focusOn = (page, text) =>
  page.waitForFunction((name) => (document.activeElement?.textContent ?? "").replace(/\s/g, "") === name, text);

test("the office's inbox: next legal action first, search, assign by name, next step offered, letter", async () => {
  // A citizen applies online to the bureau (public API): no clock runs until receipt is confirmed.
  const units = await callApi("/api/units");
  const bureau = units.body.find((u) => u.name === "锦华区教育局");
  const submitted = await callApi("/api/applications/applications", {
    method: "POST",
    body: {
      unit_id: bureau.id,
      applicant_type: "natural_person",
      applicant_name: "欧阳明华",
      id_number: "11010519491231002X",
      phone: "13812345678",
      description: DESCRIPTION,
      form: "paper",
    },
  });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const number = submitted.body.tracking_number;

  const context = await browser.newContext({ baseURL: BASE_URL, locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await signIn(page, "office");
  await page.goto("/console/applications");
  await page.getByRole("heading", { level: 1, name: "依申请公开办理" }).waitFor();
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  await rows.first().waitFor();

  // 1440 px: neither the page nor the table scrolls sideways.
  const widths = await page.evaluate(() => {
    const table = document.querySelector(".ant-table-content") ?? document.querySelector(".ant-table-body");
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: table ? table.scrollWidth - table.clientWidth : 0,
    };
  });
  assert.deepEqual(widths, { page: 0, table: 0 });

  // The applications awaiting receipt head the list (oldest first), this one among them; the
  // column 下一步/期限 says why.
  const nextSteps = await rows.locator("td:last-child").allInnerTexts();
  const waiting = nextSteps.filter((text) => text.startsWith("确认收到")).length;
  assert.ok(waiting >= 1);
  assert.ok(nextSteps.slice(0, waiting).every((text) => text.startsWith("确认收到")), nextSteps.join(" | "));
  const numbers = await rows.locator("td:first-child").allInnerTexts();
  assert.ok(numbers.slice(0, waiting).includes(number), `${number} not among ${numbers.slice(0, waiting)}`);

  // Found by its tracking number.
  const search = page.getByRole("searchbox", { name: "按申请编号或申请人查找" });
  await search.fill(number);
  await search.press("Enter");
  await page.waitForURL(/q=YSQ/);
  await page.getByText("共 1 件").waitFor();
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("heading", { level: 1, name: `申请 ${number}` }).waitFor();

  // Receipt confirmed: what was done is said, and the next step (naming a handler) is offered
  // with its button focused.
  const handling = page.locator(".ant-card", { has: page.getByRole("heading", { level: 2, name: "办理" }) });
  // The step's own button, not its panel's header (a button too, named the same).
  await handling.locator("button", { hasText: "确认收到" }).click();
  const said = handling.getByRole("status");
  await said.getByText("已办理：确认收到。当前状态：办理中").waitFor();
  await said.getByText("下一步：分配经办人").waitFor();
  await focusOn(page, "分配");

  // The handler is picked by name from the bureau's people.
  await handling.getByRole("combobox", { name: "经办人" }).click();
  await page.locator(".ant-select-item-option").getByText("周婷（教育局依申请公开）", { exact: true }).click();
  await handling.getByRole("button", { name: /^分\s*配$/ }).click();
  await said.getByText("已办理：分配经办人。当前状态：办理中").waitFor();
  await page.locator(".ant-descriptions").getByText("周婷（教育局依申请公开）", { exact: true }).waitFor();
  // Offered next: the supplement notice, the first decision of the law (within 7 working days).
  await said.getByText("下一步：补正通知").waitFor();
  await focusOn(page, "发出补正通知");

  // Decided: the reply is offered next, and the letter can be downloaded.
  await handling.locator(".ant-collapse-header").getByText("拟定答复", { exact: true }).click();
  await handling.getByLabel("答复结果").click();
  await page.locator(".ant-select-item-option").getByText("予以公开", { exact: true }).click();
  await handling.getByRole("button", { name: "保存答复结果" }).click();
  await said.getByText("已办理：拟定答复。当前状态：答复拟定中").waitFor();
  await said.getByText("下一步：作出答复").waitFor();
  await focusOn(page, "确认已答复");

  const letter = page.locator(".ant-card", { has: page.getByRole("heading", { level: 2, name: "答复告知书" }) });
  for (const [button, extension] of [
    ["下载 Word（DOCX）", "docx"],
    ["下载 PDF", "pdf"],
  ]) {
    const [download] = await Promise.all([page.waitForEvent("download"), letter.getByRole("button", { name: button }).click()]);
    assert.equal(download.suggestedFilename(), `答复告知书-${number}.${extension}`);
    const data = await readFile(await download.path());
    // A Word file is a ZIP (PK); a PDF starts with its signature.
    assert.equal(data.subarray(0, extension === "pdf" ? 4 : 2).toString(), extension === "pdf" ? "%PDF" : "PK");
  }
  assert.deepEqual(problems, []);
  await context.close();
});

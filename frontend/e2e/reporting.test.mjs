// The annual report as the disclosure office makes it: last year's report of the district
// government's own work (the demo has only the region's), drafted from the services' figures,
// a section written, finalised, exported to Word and PDF, and published; the public then finds
// it among the published reports. The tables on the page are the API's figures.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newPage, openBrowser, signIn, tokenFor } from "./support.mjs";

// Last year's, as the office makes it in January; another year of the page's list when rerun
// against a platform that already has it (E2E_REPORT_YEAR).
const YEAR = Number(process.env.E2E_REPORT_YEAR ?? new Date().getFullYear() - 1);
const PROBLEMS = `政策解读形式单一，图解、视频解读偏少。（端到端测试 ${Date.now().toString().slice(-6)}）`;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test("the office drafts, finalises, exports and publishes last year's report", async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page, "office");
  await page.getByRole("menu", { name: "工作台导航" }).getByText("年度报告").click();
  await page.getByRole("heading", { name: "政府信息公开工作年度报告", exact: true }).waitFor();

  // The district government's own report of last year: not written yet, drafted on the page.
  await page.getByRole("combobox", { name: "报告年度" }).click();
  // The list's option (the box shows the chosen year with the same title).
  await page.locator(`.ant-select-item-option[title="${YEAR}年度"]`).click();
  await page.locator(".ant-segmented").getByText("本单位", { exact: true }).click();
  await page.getByText(`${YEAR}年度报告尚未编制`).waitFor();
  await page.getByRole("button", { name: "编制报告" }).click();
  await page.getByText("已编制草稿，数字已从各系统读取").waitFor();
  await page.getByText("草稿", { exact: true }).first().waitFor();

  // Table 三 on the page says what the report's figures say.
  const token = await tokenFor("office");
  const me = await callApi("/api/auth/me", { token });
  const listed = await callApi(`/api/reporting/annual/reports?year=${YEAR}&unit_id=${me.body.unit_id}`, { token });
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  const mine = listed.body.find((r) => r.unit_id === me.body.unit_id && r.scope === "unit");
  assert.ok(mine, "the draft is listed by the API");
  const report = (await callApi(`/api/reporting/annual/reports/${mine.id}`, { token })).body;
  assert.deepEqual(report.missing, [], "every source answered");
  const newRow = report.tables.three.rows.find((r) => r.key === "new");
  await page.getByRole("tab", { name: "二至四、统计表" }).click();
  const shown = page.getByRole("row", { name: new RegExp(`^${newRow.label}`) });
  await shown.waitFor();
  assert.equal((await shown.getByRole("cell").last().innerText()).trim(), String(newRow.cells.total));

  // Section 五 written by the office.
  await page.getByRole("tab", { name: "五、存在的主要问题及改进情况" }).click();
  await page.getByRole("textbox", { name: "五、存在的主要问题及改进情况" }).fill(PROBLEMS);
  await page.getByRole("tabpanel").getByRole("button", { name: /保\s*存/ }).click();
  await page.getByText("五、存在的主要问题及改进情况已保存").waitFor();

  // Finalised: the figures frozen.
  await page.getByRole("button", { name: /定\s*稿/ }).click();
  await page.getByText("已定稿，数字已冻结").waitFor();

  // Exported: a Word and a PDF file of the report.
  for (const [label, extension, magic] of [
    ["导出 Word", "docx", "PK"],
    ["导出 PDF", "pdf", "%PDF"],
  ]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: label }).click(),
    ]);
    assert.ok(download.suggestedFilename().endsWith(`.${extension}`), download.suggestedFilename());
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const file = Buffer.concat(chunks);
    assert.ok(file.length > 5000, `${extension}: ${file.length} bytes`);
    assert.equal(file.subarray(0, magic.length).toString("latin1"), magic);
  }

  // Published into the catalogue's 年度报告 column, through the outbox.
  await page.getByRole("button", { name: "发布到公开目录" }).click();
  await page.getByText("已提交发布到公开目录“年度报告”栏目").waitFor();

  // Article 49's tracking: every unit of the district and where its report stands.
  await page.getByRole("tab", { name: "各单位发布情况" }).click();
  await page.getByRole("row", { name: /锦华区教育局/ }).first().waitFor();

  // The public finds it, with the section the office wrote.
  const visitor = await newPage(browser);
  // By its address: the region's report of the same government and year bears the same title.
  const link = visitor.page.locator(`a[href="/annual-reports/${mine.id}"]`);
  for (let attempt = 0; ; attempt += 1) {
    await visitor.page.goto("/annual-reports");
    await visitor.page.getByRole("columnheader", { name: "发布时间" }).waitFor();
    if (await link.count()) break;
    assert.ok(attempt < 20, "the published report reaches the public list");
    await visitor.page.waitForTimeout(1000);
  }
  assert.equal((await link.innerText()).trim(), report.title);
  await link.click();
  await visitor.page.waitForURL(`**/annual-reports/${mine.id}`);
  await visitor.page.getByText(PROBLEMS).waitFor();
  assert.deepEqual(problems, []);
  assert.deepEqual(visitor.problems, []);
});

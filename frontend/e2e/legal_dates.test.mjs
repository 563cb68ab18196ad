// The statutory dates and the reply letter as the console shows them (issue 13), against the
// real platform. Every date is counted by hand on the 2026 calendar (Mid-Autumn 25 September and
// National Day 1-7 October off; Sunday 20 September and Saturday 10 October worked).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newPage, openBrowser, signIn, tokenFor } from "./support.mjs";

const stamp = Date.now().toString().slice(-8);

let browser;
let token;
let bureau;
before(async () => {
  browser = await openBrowser();
  token = await tokenFor("edu_handler");
  const units = await callApi("/api/units", { token });
  bureau = units.body.find((u) => u.name === "锦华区教育局");
});
after(async () => {
  await browser?.close();
});

/** An application handed in at the bureau's counter on `receivedOn`, and its id. */
async function handedIn(receivedOn, description) {
  const made = await callApi("/api/applications/applications/registered", {
    method: "POST",
    token,
    body: {
      unit_id: bureau.id,
      applicant_type: "natural_person",
      applicant_name: "陈晓明",
      id_number: "11010519491231002X",
      phone: "13812345678",
      description,
      channel: "in_person",
      submitted_on: receivedOn,
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  // The inbox lists the bureau's applications soonest due first: look for this one, page by page.
  for (let page = 1; page <= 100; page += 1) {
    const inbox = await callApi(`/api/applications/applications?size=100&page=${page}&include_closed=true`, { token });
    const row = inbox.body.items.find((r) => r.tracking_number === made.body.tracking_number);
    if (row) return row.id;
    if (inbox.body.items.length < 100) break;
  }
  throw new Error(`application ${made.body.tracking_number} not in the inbox`);
}

async function step(id, path, body) {
  const taken = await callApi(`/api/applications/applications/${id}/${path}`, { method: "POST", token, body });
  assert.equal(taken.status, 200, JSON.stringify(taken.body));
  return taken.body;
}

const clockCard = (page) => page.locator(".ant-card", { has: page.locator(".ant-card-head", { hasText: /^法定期限$/ }) });

test("the due date counts a consultation's pause, and the 不予公开 letter says reconsideration first", async () => {
  const description = `锦华区第${stamp}号学校安全评估报告`;
  // Received Monday 14 September: 20 working days → Friday 16 October (15-18, 20 worked Sunday,
  // 21-24, 28-30 September, 8-10 October with Saturday 10 worked, 12-16 October).
  const id = await handedIn("2026-09-14", description);
  await step(id, "assign", { handler: "edu_handler" });
  // Asked the school Friday 18 September, answered Friday 9 October: 20 September (worked),
  // 21-24, 28-30 September, 8-9 October = 10 working days paused → 10 more after 16 October:
  // 19-23 (5), 26-30 (10) → Friday 30 October.
  const asked = await step(id, "opinions", {
    kind: "third_party",
    party: "锦华区实验小学",
    asked_on: "2026-09-18",
  });
  await step(id, `opinions/${asked.opinions[0].id}/answer`, { answered_on: "2026-10-09", answer: "不同意公开" });

  const { page, problems } = await newPage(browser);
  await signIn(page, "edu_handler");
  await page.goto(`/console/applications/${id}`);
  await page.getByText(description).waitFor();
  const clock = clockCard(page);
  await clock.getByText("2026-10-30").waitFor();
  await clock.locator(".ant-descriptions-row", { hasText: "不计入期限的工作日" }).getByText("10", { exact: true }).waitFor();

  // The handler decides 不予公开 (保护第三方合法权益) in the console and reads the letter.
  const active = page.locator("form");
  await page.locator(".ant-collapse-header").getByText("拟定答复", { exact: true }).click();
  await active.getByLabel("答复结果").click();
  await page.locator(".ant-select-item-option").getByText("不予公开", { exact: true }).click();
  await active.getByLabel("细项").click();
  await page.locator(".ant-select-item-option").getByText(/保护第三方合法权益/).click();
  await active.getByLabel("理由与说明").fill("该信息涉及第三方商业秘密，第三方不同意公开。");
  await active.getByLabel("法律依据").fill("《中华人民共和国政府信息公开条例》第十五条");
  await active.getByRole("button", { name: "保存答复结果" }).click();
  await page.getByText("已保存答复结果").waitFor();

  const letter = page.locator(".ant-card", { has: page.locator(".ant-card-head", { hasText: /^答复告知书$/ }) });
  await letter.getByText(/应当自收到本告知书之日起60日内先向.+申请行政复议/).waitFor();
  await letter.getByText(/《中华人民共和国行政复议法》第二十三条/).waitFor();
  assert.equal(await letter.getByText(/6个月内/).count(), 0);
  assert.deepEqual(problems, []);
});

test("an application whose applicant was asked to explain (Art. 35) shows the day named and the paused due date", async () => {
  const description = `锦华区第${stamp}号历年招生计划全部原始材料`;
  // Received Monday 3 August; the office asks for an explanation on Wednesday 5 August: 15
  // working days → Wednesday 26 August (6, 7, 10-14, 17-21, 24-26). None came: 6-26 August
  // are paused (15), so the reply is due on the 35th working day after 3 August: 31 August
  // (20), 1-4 (24), 7-11 (29), 14-18 (34) September and the worked Sunday 20 September (35).
  const id = await handedIn("2026-08-03", description);
  await step(id, "assign", { handler: "edu_handler" });
  const asked = await step(id, "explanation-request", {
    requested_on: "2026-08-05",
    request: "一年内就同一事项提出申请三十余次，请说明理由",
  });
  assert.equal(asked.explanation_due_on, "2026-08-26");

  const { page, problems } = await newPage(browser);
  await signIn(page, "edu_handler");
  await page.goto(`/console/applications/${id}`);
  await page.getByText(description).waitFor();
  await page.locator(".ant-card-head").getByText("待申请人说明理由").waitFor();
  await page.getByText("2026-08-05 通知，应于 2026-08-26 前说明", { exact: false }).waitFor();
  const clock = clockCard(page);
  await clock.getByText("2026-09-20").waitFor();
  await clock.getByText("申请人说明理由期限").waitFor();
  // The day named is past: the explanation can no longer be recorded, only a decision (其他处理).
  const handling = page.locator(".ant-card", { has: page.locator(".ant-card-head", { hasText: /^办理$/ }) });
  await handling.locator(".ant-collapse-header").getByText("拟定答复", { exact: true }).waitFor();
  assert.equal(await handling.locator(".ant-collapse-header").getByText("收到说明理由").count(), 0);
  assert.equal(await handling.locator(".ant-collapse-header").getByText("要求说明理由").count(), 0);
  assert.deepEqual(problems, []);
});

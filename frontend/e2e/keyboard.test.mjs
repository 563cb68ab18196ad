// Keyboard alone (无障碍, GB/T 37668): a visitor who cannot use a mouse skips the header with the
// skip link, reaches the tracking form by Tab, looks up an application with Enter, and on a staff
// page closes a dialog with Escape, focus back where it was.
/* global document */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newPage, openBrowser } from "./support.mjs";

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** What has the keyboard's focus: its accessible label or text, as a screen reader says it. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return { id: element?.id ?? "", name: (element?.getAttribute("aria-label") ?? label ?? element?.textContent ?? "").trim() };
  });

/** Tab until the element named `name` has the focus (at most `most` presses). */
async function tabTo(page, name, most = 60) {
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press("Tab");
    if ((await focused(page)).name === name) return;
  }
  assert.fail(`${name} not reached by Tab in ${most} presses`);
}

test("a visitor tracks an application with the keyboard alone", async () => {
  const units = await callApi("/api/units");
  const bureau = units.body.find((u) => u.name === "锦华区民政局");
  const submitted = await callApi("/api/applications/applications", {
    method: "POST",
    body: {
      unit_id: bureau.id,
      applicant_type: "natural_person",
      applicant_name: "赵敏",
      id_number: "11010519491231002X",
      phone: "13812345678",
      form: "paper",
      description: `锦华区养老服务补贴发放名单（键盘测试 ${Date.now().toString().slice(-6)}）`,
    },
  });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const { tracking_number: number, query_code: code } = submitted.body;

  const { page, problems } = await newPage(browser);
  await page.goto("/track");
  await page.getByRole("heading", { level: 1 }).waitFor();
  // The first Tab lands on the skip link; Enter moves the focus past the header into the page.
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "跳到主要内容");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "main");

  await tabTo(page, "申请编号", 10);
  await page.keyboard.type(number);
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "查询码");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: `申请 ${number}` }).waitFor();
  await page.getByText("锦华区民政局").first().waitFor();
  assert.deepEqual(problems, []);
});

test("the portal's menu on a phone opens and closes from the keyboard", async () => {
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:8000",
    locale: "zh-CN",
    viewport: { width: 390, height: 844 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("heading", { level: 1 }).waitFor();
  const menu = page.getByRole("button", { name: "菜单" });
  await menu.focus();
  await page.keyboard.press("Enter");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  const apply = page.getByRole("link", { name: "依申请公开" }).last();
  await apply.waitFor();
  // Escape from the button closes it …
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "菜单", expanded: false }).waitFor();
  // … and from inside the menu, the focus back on the button.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "菜单", expanded: false }).waitFor();
  assert.match((await focused(page)).name, /菜单$/);
  await context.close();
});

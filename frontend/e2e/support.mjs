// Debian's Chromium driven by playwright-core: `npx playwright install` cannot download
// browsers here, and CI installs the chromium package instead.
import { chromium } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:8000";
export const PASSWORD = process.env.E2E_DEMO_PASSWORD ?? "Sunshine@2026";
const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function openBrowser() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}

export async function newPage(browser) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: "zh-CN" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems };
}

/** Sign in on the login page (the current one when it already is, keeping its `next`). */
export async function signIn(page, username) {
  if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  // Enter in the password field, as people sign in: a locator by the button's name ("登 录",
  // antd's spaced label) was found to miss it now and then after the page had sat a while.
  await page.getByLabel("密码").press("Enter");
  await page.getByRole("button", { name: "退出登录" }).waitFor();
}

/** A call to the platform's API as a test sets things up (no browser): the JSON answer and status. */
export async function callApi(path, { method = "GET", token, body } = {}) {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** An access token for a demo account (or any account, given its password). */
export async function tokenFor(username, password = PASSWORD) {
  const answer = await callApi("/api/auth/login", { method: "POST", body: { username, password } });
  if (answer.status !== 200) throw new Error(`login of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.access_token;
}

/** A fresh staff account opened by the demo's ops admin, for a test that changes or locks it. */
export async function newAccount(prefix, { roles = ["publisher"], unitName = "锦华区教育局" } = {}) {
  const admin = await tokenFor("admin");
  const units = await callApi("/api/units", { token: admin });
  const unit = units.body.find((u) => u.name === unitName);
  const username = `${prefix}${Date.now().toString(36)}`;
  // Long and mixed enough for the gateway's password policy.
  const password = `Gx${Math.random().toString(36).slice(2, 10)}!Qz7`;
  const created = await callApi("/api/users", {
    method: "POST",
    token: admin,
    body: { username, display_name: `测试${username.slice(-4)}`, unit_id: unit.id, roles, password },
  });
  if (created.status !== 201) throw new Error(`new account: ${created.status} ${JSON.stringify(created.body)}`);
  return { username, password, displayName: created.body.display_name };
}

/** Sign in with the given password (a test's own account) on the login page. */
export async function signInAs(page, username, password) {
  if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  // Enter in the password field, as people sign in: a locator by the button's name ("登 录",
  // antd's spaced label) was found to miss it now and then after the page had sat a while.
  await page.getByLabel("密码").press("Enter");
}

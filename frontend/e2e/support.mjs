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
  await page.getByRole("button", { name: /^登\s*录$/ }).click();
  await page.getByRole("button", { name: "退出登录" }).waitFor();
}

// Accounts: a login name locked by wrong passwords, unlocked by the ops admin; a user changing
// their own password under the gateway's policy. Each test opens its own account (through the
// API, as the ops admin), so the demo's accounts are never locked.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newAccount, newPage, openBrowser, signIn, signInAs } from "./support.mjs";

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test("wrong passwords lock an account; the ops admin unlocks it and its holder signs in", async () => {
  const account = await newAccount("lock");
  // Wrong passwords through the API until the gateway locks the name (423 with the time it ends).
  let locked = null;
  for (let attempt = 0; attempt < 10 && !locked; attempt += 1) {
    const answer = await callApi("/api/auth/login", {
      method: "POST",
      body: { username: account.username, password: "Wrong-Password-42" },
    });
    if (answer.status === 423) locked = answer.body;
    else assert.equal(answer.status, 401);
  }
  assert.equal(locked?.error.code, "account_locked");

  // The right password is refused too, with the lock's end shown on the login page.
  const holder = await newPage(browser);
  await signInAs(holder.page, account.username, account.password);
  await holder.page.getByText(/账号已锁定至/).waitFor();
  assert.equal(new URL(holder.page.url()).pathname, "/login");

  const admin = await newPage(browser);
  await signIn(admin.page, "admin");
  await admin.page.getByRole("menu", { name: "工作台导航" }).getByText("账号管理").click();
  const row = admin.page.locator(".ant-table-row", { hasText: account.username });
  await row.getByText(/已锁定至/).waitFor();
  await row.getByRole("button", { name: /^解\s*锁$/ }).click();
  await admin.page.locator(".ant-popconfirm").getByRole("button", { name: /^解\s*锁$/ }).click();
  await admin.page.getByText(`已解锁 ${account.username}，可以重新登录`).waitFor();
  await row.getByText(/已锁定至/).waitFor({ state: "detached" });
  assert.equal(await row.getByRole("button", { name: /^解\s*锁$/ }).count(), 0);
  assert.deepEqual(admin.problems, []);

  await signInAs(holder.page, account.username, account.password);
  await holder.page.getByRole("button", { name: "退出登录" }).waitFor();
  assert.deepEqual(holder.problems, []);
});

test("a user changes their password under the gateway's policy and signs in with the new one", async () => {
  const account = await newAccount("pw");
  const { page, problems } = await newPage(browser);
  await signInAs(page, account.username, account.password);
  await page.getByRole("button", { name: "退出登录" }).waitFor();

  await page.getByRole("button", { name: new RegExp(account.displayName) }).click();
  await page.getByRole("menuitem", { name: "修改密码" }).click();
  const dialog = page.locator(".ant-modal");
  const change = async (oldPassword, newPassword) => {
    await dialog.getByLabel("原密码").fill(oldPassword);
    await dialog.getByLabel("新密码", { exact: true }).fill(newPassword);
    await dialog.getByLabel("确认新密码").fill(newPassword);
    await dialog.getByRole("button", { name: /^修\s*改$/ }).click();
  };

  // The policy is the gateway's: its reason comes back on the field.
  await change(account.password, "1234567890");
  await dialog.getByText("密码不能只由一类字符组成（如全是数字或全是字母）").waitFor();
  // A wrong old password is named on its own field.
  const newPassword = `Nw${Date.now().toString(36)}#Lk5`;
  await change("Not-The-Old-One-7", newPassword);
  await dialog.getByText("原密码不正确").waitFor();

  await change(account.password, newPassword);
  await page.getByText("密码已修改，您在其他设备上的登录已退出").waitFor();
  await dialog.waitFor({ state: "hidden" });
  // Still signed in: the console keeps working.
  await page.getByRole("menu", { name: "工作台导航" }).getByText("工作日历").click();
  await page.waitForURL(/\/console\/calendar$/, { waitUntil: "commit" });
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/, { waitUntil: "commit" });

  await signInAs(page, account.username, account.password);
  await page.getByText("用户名或密码错误").waitFor();
  await signInAs(page, account.username, newPassword);
  await page.getByRole("button", { name: "退出登录" }).waitFor();
  assert.deepEqual(problems, []);
});

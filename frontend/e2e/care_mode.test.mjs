// 长辈版 (the elderly-friendly mode): switched from the header, larger type, remembered across
// visits and applied before the page is drawn, switched off again.
// The functions given to page.evaluate run in the page, where these are defined:
/* global window, document, getComputedStyle, MutationObserver */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { newPage, openBrowser } from "./support.mjs";

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** The sizes a visitor sees: the page's text and the header's search box. */
function sizes(page) {
  return page.evaluate(() => ({
    body: getComputedStyle(document.body).fontSize,
    search: getComputedStyle(document.querySelector("input[aria-label='检索政府信息']")).fontSize,
  }));
}

test("长辈版 makes the portal larger, is remembered, and switches off", async () => {
  const { page, problems } = await newPage(browser);
  // Whether <html> carries the mode's class when the parser reaches <body>, before anything is drawn.
  await page.context().addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      window.careModeAtFirstPaint = document.documentElement.classList.contains("care-mode");
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "长辈版" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  const standard = await sizes(page);
  assert.deepEqual(standard, { body: "16px", search: "14px" });

  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector("input[aria-label='检索政府信息']")).fontSize === "18px",
  );
  assert.deepEqual(await sizes(page), { body: "18px", search: "18px" });

  await page.reload();
  await page.getByRole("button", { name: "长辈版", pressed: true }).waitFor();
  assert.equal(await page.evaluate(() => window.careModeAtFirstPaint), true);
  assert.deepEqual(await sizes(page), { body: "18px", search: "18px" });

  await page.getByRole("button", { name: "长辈版" }).click();
  await page.getByRole("button", { name: "长辈版", pressed: false }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "长辈版", pressed: false }).waitFor();
  assert.equal(await page.evaluate(() => window.careModeAtFirstPaint), false);
  assert.deepEqual(await sizes(page), standard);
  assert.deepEqual(problems, []);
});

// The README's screenshots (docs/images/*.png), taken from a running platform with the demo data:
//
//     cd frontend && E2E_BASE_URL=http://127.0.0.1:8000 node e2e/screenshots.mjs
//
// Run by hand after a visible change; not a test (`npm run e2e` runs only *.test.mjs).
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BASE_URL, openBrowser, signIn } from "./support.mjs";

const IMAGES = fileURLToPath(new URL("../../docs/images/", import.meta.url));
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A page of its own context at the given size, once the page's data is drawn. */
async function open(browser, viewport, path, { phone = false, user } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: "zh-CN", viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  if (user) await signIn(page, user);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.locator(".ant-skeleton").first().waitFor({ state: "detached" }).catch(() => {});
  return page;
}

await mkdir(IMAGES, { recursive: true });
const browser = await openBrowser();
try {
  const home = await open(browser, DESKTOP, "/");
  await home.screenshot({ path: `${IMAGES}portal-home.png` });

  const phone = await open(browser, PHONE, "/", { phone: true });
  await phone.getByRole("button", { name: "菜单" }).click();
  await phone.screenshot({ path: `${IMAGES}portal-phone.png` });

  const console = await open(browser, DESKTOP, "/console/applications", { user: "office" });
  await console.screenshot({ path: `${IMAGES}console.png` });
} finally {
  await browser.close();
}

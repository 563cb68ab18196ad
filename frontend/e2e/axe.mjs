// The accessibility sweep's tools (docs/accessibility.md): axe-core run in the page, the checks
// axe does not make (one h1, a page title, a skip link, no sideways scrolling), and a way to move
// between the SPA's pages without reloading it, so that a sweep of ~100 page views stays fast.
// The functions given to page.evaluate run in the page, where these are defined:
/* global window, document */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve("axe-core/axe.min.js");

/** The rule sets the portal is held to: WCAG 2.1 A and AA (what GB/T 37668 asks) and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
/** Impacts that fail the sweep; `moderate` and `minor` are printed but do not fail it. */
export const BLOCKING = new Set(["serious", "critical"]);
const SITE = "阳光政务";

/**
 * Counts the page's requests in flight (data, and the chunk of a page opened for the first time),
 * so that the sweep knows when a page has drawn what it shows. Streams (the board's live events)
 * never end and are not counted.
 */
const requestsInFlight = new WeakMap();
// The supervisors' alerts arrive on a stream read with fetch (it needs the token): never finished.
const STREAM = /\/api\/hall\/live\//;

/**
 * Counts the page's requests in flight (data, and the chunk of a page opened for the first time),
 * so that the sweep knows when a page has drawn what it shows. Streams (the board's live events,
 * the supervisors' alerts) never end and are not counted.
 */
export function watchRequests(page) {
  const open = new Set();
  requestsInFlight.set(page, open);
  const done = (request) => open.delete(request);
  page.on("request", (request) => {
    if (request.resourceType() !== "eventsource" && !STREAM.test(request.url())) open.add(request);
  });
  page.on("requestfinished", done);
  page.on("requestfailed", done);
}

/**
 * Waits until the page has drawn its data. First until it has named itself (`visit` empties the
 * title, a page sets it when it is committed; a page that never does is given 5 s and then
 * reported by the title check), then until its `<main>` is there and no request, skeleton or
 * spinner has been seen for two looks 100 ms apart. Returns what it was still waiting for when
 * it gave up (the sweep then checks what is there and says so), or null.
 */
export async function settle(page, timeout = 15_000) {
  const open = requestsInFlight.get(page);
  const start = Date.now();
  let calm = 0;
  let waiting = [];
  while (Date.now() < start + timeout) {
    const drawing = await page
      .evaluate(() =>
        [...document.querySelectorAll(".ant-skeleton, .ant-spin-spinning")]
          .map((element) => element.className.split(" ")[0])
          .concat(document.querySelector("main") ? [] : ["no <main> yet"])
          .concat(document.title ? [] : ["untitled"]),
      )
      // The page was being replaced (a dev server reloads it when a source file changes).
      .catch(() => ["a new document"]);
    const named = !drawing.includes("untitled") || Date.now() > start + 5_000;
    waiting = [
      ...[...open].map((request) => `${request.method()} ${new URL(request.url()).pathname}`),
      ...drawing.filter((what) => what !== "untitled"),
      ...(named ? [] : ["untitled"]),
    ];
    calm = waiting.length ? 0 : calm + 1;
    if (calm >= 2) return null;
    await page.waitForTimeout(100);
  }
  return waiting.join(", ");
}

/**
 * Opens a path of the SPA as a link would (the router's history, no reload). The title is
 * emptied first: a page that does not name itself keeps an empty title and is reported.
 */
export async function visit(page, path) {
  if (!page.url().startsWith("http")) {
    await page.goto(path, { waitUntil: "domcontentloaded" });
    return;
  }
  await page.evaluate(
    (target) =>
      new Promise((resolve) => {
        document.title = "";
        // The router follows the browser's own back and forward (a synthetic popstate is not
        // enough for it): the target twice in the history, then one step back onto it.
        window.addEventListener("popstate", () => setTimeout(resolve, 0), { once: true });
        window.history.pushState(null, "", target);
        window.history.pushState(null, "", target);
        window.history.back();
      }),
    path,
  );
}

/** axe-core's violations on the page as it is now, each with its first three targets. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      count: violation.nodes.length,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  }, AXE_TAGS);
}

/**
 * What the bar asks beyond axe, as problems in words (empty when all is well): exactly one h1,
 * a title naming the page, a skip link first in the tab order leading to the content, and (when
 * `noSideScroll`) a page no wider than the window.
 */
export async function structureProblems(page, { skipLink = true, noSideScroll = false } = {}) {
  const facts = await page.evaluate((site) => {
    const focusable = [
      ...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]"),
    ].filter((element) => element.tabIndex >= 0 && !element.disabled && !element.closest("[inert]"));
    const first = focusable[0];
    const href = first?.getAttribute("href") ?? "";
    const scroller = document.scrollingElement ?? document.documentElement;
    return {
      h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim().slice(0, 30)),
      title: document.title,
      site,
      skipLink:
        first?.tagName === "A" && href.startsWith("#") && href.length > 1 && !!document.getElementById(href.slice(1)),
      firstFocusable: first ? first.outerHTML.slice(0, 80) : "(nothing focusable)",
      width: scroller.scrollWidth,
      window: window.innerWidth,
    };
  }, SITE);
  const problems = [];
  if (facts.h1.length !== 1) problems.push(`h1 ×${facts.h1.length} (${facts.h1.join(" | ") || "none"})`);
  const name = facts.title.replace(new RegExp(`\\s*-\\s*${facts.site}$`), "").trim();
  if (!name || name === facts.site) problems.push(`title "${facts.title}" does not name the page`);
  if (skipLink && !facts.skipLink) {
    problems.push(`no skip link first in the tab order (first: ${facts.firstFocusable})`);
  }
  if (noSideScroll && facts.width > facts.window + 1) {
    problems.push(`scrolls sideways: ${facts.width}px wide in a ${facts.window}px window`);
  }
  return problems;
}

// The accessibility sweep (issue 16, items 12 and 14; docs/accessibility.md): axe-core on every
// public page in both modes (standard and 长辈版) at desktop and phone size, and on the main
// console pages at both sizes, in both modes too; zero serious or critical violations. Each page also needs exactly
// one h1, a title that names it and a skip link; public pages must not scroll sideways on a
// phone. A failure lists every problem (page, size, mode, rule, impact, targets, help), and a
// table of pages × runs is printed at the end.
//
// One browser, one context per size × mode, pages opened through the SPA's history (no reload)
// so that ~100 page views fit in the time of a few dozen. The demo records it looks at are read,
// never changed, so the other browser tests can run before or after it on the same data.
// The functions given to page.evaluate run in the page, where this is defined:
/* global document */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BLOCKING, axeViolations, settle, structureProblems, visit, watchRequests } from "./axe.mjs";
import { BASE_URL, callApi, openBrowser, PASSWORD } from "./support.mjs";

const SIZES = {
  desktop: { label: "1440×900", options: { viewport: { width: 1440, height: 900 } } },
  phone: { label: "390×844", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
};

// Every public page, one line each; `path` is given the demo records `findRecords` looked up.
// `display`: a full-screen display (no portal header, so no skip link asked of it).
const PUBLIC_PAGES = [
  { name: "首页", path: () => "/" },
  { name: "单位目录", path: (r) => `/units/${r.district}` },
  { name: "公开指南", path: () => "/guide" },
  { name: "单位公开指南", path: (r) => `/units/${r.department}/guide` },
  { name: "信息详情", path: (r) => `/items/${r.publicItem}` },
  { name: "信息检索", path: () => `/search?${new URLSearchParams({ q: "公告" })}` },
  { name: "依申请公开", path: () => "/apply" },
  { name: "申请查询", path: () => "/track" },
  { name: "咨询留言", path: () => "/inquiries/ask" },
  { name: "留言答复查询", path: () => "/inquiries/track" },
  { name: "年度报告", path: () => "/annual-reports" },
  { name: "年度报告详情", path: (r) => `/annual-reports/${r.annualReport}` },
  { name: "办事指南", path: () => "/hall/guide" },
  { name: "办事指南详情", path: (r) => `/hall/guide/${r.guideItem}` },
  { name: "取号", path: () => "/hall/ticket" },
  { name: "预约", path: () => "/hall/book" },
  { name: "评价", path: () => "/hall/rate" },
  { name: "效能投诉", path: () => "/hall/complain" },
  { name: "登录", path: () => "/login" },
  { name: "404", path: () => "/no-such-page" },
  { name: "叫号屏", path: (r) => `/hall/board/${r.centre}`, display: true },
  { name: "评价器", path: (r) => `/hall/rate/window/${r.window}`, display: true },
];

// The console's main pages, as the office unless `as` says whose work the page is.
const CONSOLE_PAGES = [
  { name: "工作台概览", path: () => "/console" },
  { name: "信息发布", path: () => "/console/items" },
  { name: "信息编辑", path: (r) => `/console/items/${r.consoleItem}` },
  { name: "申请收件箱", path: () => "/console/applications" },
  { name: "申请详情", path: (r) => `/console/applications/${r.application}` },
  { name: "咨询留言办理", path: () => "/console/inquiries" },
  { name: "办件", path: () => "/console/hall/cases" },
  { name: "办件详情", path: (r) => `/console/hall/cases/${r.hallCase}` },
  { name: "电子监察", path: () => "/console/hall/supervision" },
  { name: "年度报告工作台", path: () => "/console/reports/annual" },
  { name: "考评通报", path: () => "/console/reports/bulletins" },
  { name: "工作数据", path: () => "/console/reports/figures" },
  { name: "单位管理", path: () => "/console/units" },
  { name: "工作日历", path: () => "/console/calendar" },
  { name: "审计日志", path: () => "/console/audit" },
  { name: "账号管理", path: () => "/console/users", as: "admin" },
  { name: "消息投递", path: () => "/console/delivery", as: "admin" },
  { name: "窗口叫号", path: () => "/console/hall/window", as: "clerk" },
];

let browser;
let records;
const sessions = {};
const table = new Map();
const timings = [];

before(async () => {
  browser = await openBrowser();
  records = await findRecords();
  for (const account of new Set(["office", ...CONSOLE_PAGES.map((page) => page.as).filter(Boolean)])) {
    sessions[account] = await sessionOf(account);
  }
});

after(async () => {
  await browser?.close();
  printTable();
});

for (const size of ["desktop", "phone"]) {
  for (const mode of ["standard", "care"]) {
    test(`public pages at ${SIZES[size].label}, ${mode === "care" ? "长辈版" : "standard"}`, async () => {
      const run = { size, mode };
      const { context, page } = await openContext(size);
      try {
        await visit(page, "/");
        await settle(page);
        if (mode === "care") await switchToCareMode(page);
        const problems = [];
        for (const entry of PUBLIC_PAGES) {
          problems.push(
            ...(await sweep(page, entry, run, {
              skipLink: !entry.display,
              noSideScroll: size === "phone",
              care: mode === "care" && !entry.display,
            })),
          );
        }
        report(problems);
      } finally {
        await context.close();
      }
    });
  }

  // The console in both modes too: 长辈版 is chosen on the portal and kept in the browser, so a
  // member of staff who chose it there works in it (set here as the portal's button stores it).
  for (const mode of ["standard", "care"]) {
    test(`console pages at ${SIZES[size].label}, ${mode === "care" ? "长辈版" : "standard"}`, async () => {
      const run = { size, mode };
      const { context, page } = await openContext(size);
      try {
        const problems = [];
        let account = null;
        for (const entry of CONSOLE_PAGES) {
          const wanted = entry.as ?? "office";
          if (wanted !== account) {
            // Another account: its session in the SPA's storage and the page loaded afresh.
            account = wanted;
            await page.goto("/login", { waitUntil: "domcontentloaded" });
            await page.evaluate(
              ([session, care]) => {
                localStorage.setItem("sunshine.session", JSON.stringify(session));
                if (care) localStorage.setItem("sunshine.careMode", "on");
              },
              [sessions[account], mode === "care"],
            );
            await page.goto(entry.path(records), { waitUntil: "load" });
          }
          problems.push(...(await sweep(page, entry, run, { skipLink: true, noSideScroll: false })));
        }
        if (mode === "care") {
          const on = await page.evaluate(() => document.documentElement.classList.contains("care-mode"));
          if (!on) problems.push("console: 长辈版 chosen but the page is not in it (no care-mode class)");
        }
        report(problems);
      } finally {
        await context.close();
      }
    });
  }
}

/** One page: opened, settled, checked by axe and by the structure rules; its problems in words. */
async function sweep(page, entry, run, rules) {
  const path = entry.path(records);
  const where = `${entry.name} ${path} [${SIZES[run.size].label}${run.mode === "care" ? " 长辈版" : ""}]`;
  const started = Date.now();
  if (new URL(page.url()).pathname + new URL(page.url()).search !== path) await visit(page, path);
  const problems = [];
  const waiting = await settle(page);
  if (waiting) problems.push(`${where}: still loading after 15 s (${waiting})`);
  // Once more if the document was replaced meanwhile (a dev server's reload): axe needs it whole.
  const violations = await axeViolations(page).catch(async () => (await settle(page), axeViolations(page)));
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact));
  for (const violation of blocking) {
    problems.push(
      `${where}: ${violation.rule} (${violation.impact}, ${violation.count}×) ${violation.help} — ` +
        violation.targets.join(" ; "),
    );
  }
  const structure = await structureProblems(page, rules);
  if (rules.care && !(await careModeOn(page))) structure.push("长辈版 is not on (no pressed 长辈版 button)");
  problems.push(...structure.map((problem) => `${where}: ${problem}`));
  record(entry.name, run, blocking, violations.length - blocking.length, structure.length);
  timings.push({ where, ms: Date.now() - started });
  return problems;
}

async function openContext(size) {
  // bypassCSP: axe is injected as an inline script, which the gateway's policy (script-src 'self')
  // refuses; the pages' own scripts are the same either way.
  const context = await browser.newContext({ ...SIZES[size].options, baseURL: BASE_URL, locale: "zh-CN", bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  watchRequests(page);
  return { context, page };
}

/** 长辈版 switched on as a visitor does, with the header's button (on a phone, inside its menu). */
async function switchToCareMode(page) {
  const button = page.getByRole("button", { name: "长辈版" });
  if (!(await button.isVisible())) {
    const menu = page.getByRole("button", { name: /菜单|导航/ });
    if (await menu.first().isVisible()) await menu.first().click();
  }
  if ((await button.count()) === 0) return;
  if ((await button.first().getAttribute("aria-pressed")) !== "true") await button.first().click();
  await page.keyboard.press("Escape");
}

async function careModeOn(page) {
  const button = page.getByRole("button", { name: "长辈版" });
  return (await button.count()) > 0 && (await button.first().getAttribute("aria-pressed")) === "true";
}

function report(problems) {
  if (problems.length) assert.fail(`${problems.length} accessibility problem(s):\n  ${problems.join("\n  ")}`);
}

function record(name, run, blocking, minor, structure) {
  const column = `${SIZES[run.size].label}${run.mode === "care" ? " 长辈版" : ""}`;
  const serious = blocking.filter((violation) => violation.impact === "serious").length;
  const critical = blocking.length - serious;
  const cell = [
    critical ? `${critical}C` : "",
    serious ? `${serious}S` : "",
    structure ? `${structure}!` : "",
    minor ? `(${minor}m)` : "",
  ]
    .filter(Boolean)
    .join(" ");
  if (!table.has(name)) table.set(name, new Map());
  table.get(name).set(column, cell || "ok");
}

/** Pages × runs: C critical and S serious rules failed, ! structure problems, (m) lesser rules. */
function printTable() {
  const columns = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))];
  const width = Math.max(...[...table.keys()].map((name) => name.length * 2), 8);
  const pad = (text, size) => text + " ".repeat(Math.max(size - [...text].reduce((n, c) => n + (c > "\u2e80" ? 2 : 1), 0), 1));
  const lines = [pad("page", width) + columns.map((column) => pad(column, 18)).join("")];
  for (const [name, row] of table) lines.push(pad(name, width) + columns.map((column) => pad(row.get(column) ?? "-", 18)).join(""));
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(
    `\naccessibility sweep (C critical, S serious, ! structure, m moderate/minor rules)\n${lines.join("\n")}\n` +
      `${timings.length} page views; slowest: ${slowest.map((t) => `${t.where} ${(t.ms / 1000).toFixed(1)} s`).join("; ")}\n`,
  );
}

/** The demo records the pages show, looked up through the API (ids differ between platforms). */
async function findRecords() {
  const units = await callApi("/api/units");
  const district = units.body.find((unit) => unit.parent_id === null && !unit.closed);
  const found = await callApi(`/api/catalog/search?${new URLSearchParams({ q: "公告" })}`);
  const reports = await callApi("/api/reporting/annual/published");
  const guide = await callApi("/api/hall/guide/items");
  const centres = await callApi("/api/hall/queue/centres");
  const office = (await sessionOf("office")).accessToken;
  const centre = await callApi(`/api/hall/centres/${centres.body[0].id}`, { token: office });
  const items = await callApi("/api/catalog/items", { token: office });
  const applications = await callApi("/api/applications/applications", { token: office });
  const cases = await callApi("/api/hall/cases", { token: office });
  return {
    district: district.id,
    department: units.body.find((unit) => unit.parent_id === district.id && unit.type === "department" && !unit.closed).id,
    publicItem: found.body.items[0].id,
    annualReport: reports.body[0].id,
    guideItem: guide.body.items[0].id,
    centre: centre.body.id,
    window: centre.body.windows[0].id,
    consoleItem: items.body.items[0].id,
    application: applications.body.items[0].id,
    hallCase: cases.body.items[0].id,
  };
}

/** A demo account's session as the SPA keeps it (auth/store.ts), signed in through the API. */
async function sessionOf(username) {
  const answer = await callApi("/api/auth/login", { method: "POST", body: { username, password: PASSWORD } });
  if (answer.status !== 200) throw new Error(`login of ${username}: ${answer.status}`);
  return { accessToken: answer.body.access_token, refreshToken: answer.body.refresh_token, user: answer.body.user };
}

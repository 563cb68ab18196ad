import { describe, expect, it } from "vitest";
import type { Can } from "../auth/store";
import { can, canSee, CONSOLE_PAGES, menuEntryOf, pagesFor, reachesSubtree, usesApiDocs } from "./navigation";

// What the gateway's /api/auth/me lists for the demo's accounts (sunshine_kit.roles.groups_of).
const PUBLISHER: Can[] = ["work_in_console", "read_items", "write_items", "decide_proposals"];
const REVIEWER: Can[] = ["work_in_console", "read_items", "review_items"];
const HANDLER: Can[] = ["work_in_console", "read_applications", "handle_applications"];
const SUPERVISOR: Can[] = ["work_in_console", "read_items", "read_applications", "read_units", "read_audit"];
const OFFICE: Can[] = [
  "work_in_console",
  "read_items",
  "write_items",
  "review_items",
  "manage_catalogue",
  "decide_proposals",
  "read_applications",
  "handle_applications",
  "read_units",
  "manage_units",
  "read_audit",
];
const OPS_ADMIN: Can[] = [
  "work_in_console",
  "read_units",
  "manage_units",
  "read_audit",
  "manage_accounts",
  "manage_calendar",
  "operate_delivery",
];
// The gateway also says whose lists cover the units below their own (SUBTREE_ROLES).
const as = (groups: Can[], reaches_subtree = false) => ({ can: groups, reaches_subtree });

describe("pagesFor", () => {
  it("gives a publisher publishing and deadlines but not review or column management", () => {
    expect(pagesFor(as(PUBLISHER)).map((p) => p.label)).toEqual(["工作台概览", "信息发布", "期限监督", "工作日历"]);
  });

  it("gives a reviewer the review queue and the items it reviews", () => {
    expect(pagesFor(as(REVIEWER)).map((p) => p.label)).toEqual([
      "工作台概览",
      "信息发布",
      "审查",
      "期限监督",
      "工作日历",
    ]);
  });

  it("keeps column management to the office and lets the supervisor read items but not review", () => {
    expect(canSee("/console/columns", as(OFFICE))).toBe(true);
    expect(canSee("/console/columns", as(SUPERVISOR))).toBe(false);
    expect(canSee("/console/items", as(SUPERVISOR))).toBe(true);
    expect(canSee("/console/review", as(SUPERVISOR))).toBe(false);
  });

  it("gives the office unit management and the audit log but not delivery or accounts", () => {
    const labels = pagesFor(as(OFFICE)).map((p) => p.label);
    expect(labels).toContain("单位管理");
    expect(labels).toContain("审计日志");
    expect(labels).not.toContain("消息投递");
    expect(labels).not.toContain("账号管理");
  });

  it("gives the ops admin accounts and delivery", () => {
    expect(canSee("/console/users", as(OPS_ADMIN))).toBe(true);
    expect(canSee("/console/delivery", as(OPS_ADMIN))).toBe(true);
    expect(canSee("/console/delivery", as(SUPERVISOR))).toBe(false);
  });

  it("gives handlers, the office and the supervisor the applications inbox, and no one else", () => {
    expect(pagesFor(as(HANDLER)).map((p) => p.label)).toContain("依申请公开");
    expect(canSee("/console/applications", as(OFFICE))).toBe(true);
    expect(canSee("/console/applications", as(SUPERVISOR))).toBe(true);
    expect(canSee("/console/applications", as(PUBLISHER))).toBe(false);
  });

  it("shows nothing to no one", () => {
    expect(pagesFor(null)).toEqual([]);
    expect(can(undefined, "work_in_console")).toBe(false);
  });
});

describe("reachesSubtree", () => {
  it("is the office's and the supervisor's, not a unit's own staff", () => {
    expect(reachesSubtree(as(OFFICE, true))).toBe(true);
    expect(reachesSubtree(as(SUPERVISOR, true))).toBe(true);
    expect(reachesSubtree(as(PUBLISHER))).toBe(false);
    expect(reachesSubtree(as(HANDLER))).toBe(false);
  });
});

// What /api/auth/me lists today for one role each (sunshine_kit.roles.groups_of), for the rules below.
const CLERK: Can[] = ["work_in_console", "register_applications", "serve_at_window", "read_cases"];
const FULL_OFFICE: Can[] = [
  ...OFFICE,
  "register_applications",
  "manage_hall",
  "serve_at_window",
  "read_cases",
  "supervise_hall",
  "register_enforcement",
  "read_reports",
  "prepare_reports",
];
const FULL_SUPERVISOR: Can[] = [...SUPERVISOR, "read_cases", "supervise_hall", "read_reports"];

describe("usesApiDocs", () => {
  it("offers the API docs to the ops admin and the office only", () => {
    expect(usesApiDocs(as(OPS_ADMIN))).toBe(true);
    expect(usesApiDocs(as(OFFICE))).toBe(true);
    for (const groups of [CLERK, HANDLER, PUBLISHER, REVIEWER, SUPERVISOR]) {
      expect(usesApiDocs(as(groups))).toBe(false);
    }
    expect(usesApiDocs(null)).toBe(false);
  });
});

describe("what a role does not use, it does not see", () => {
  it("gives a window clerk the windows, cases and walk-in registration, nothing of the catalogue", () => {
    const paths = pagesFor(as(CLERK)).map((p) => p.path);
    expect(paths).toContain("/console/hall/window");
    expect(paths).toContain("/console/hall/cases");
    expect(paths).not.toContain("/console/items");
    expect(paths).not.toContain("/console/applications");
    expect(paths).not.toContain("/console/audit");
    expect(paths).not.toContain("/console/units");
  });

  it("keeps the hall's set-up and supervision from a clerk, and the set-up from the supervisor", () => {
    expect(canSee("/console/hall/items", as(CLERK))).toBe(false);
    expect(canSee("/console/hall/supervision", as(CLERK))).toBe(false);
    expect(canSee("/console/hall/supervision", as(FULL_SUPERVISOR))).toBe(true);
    expect(canSee("/console/hall/items", as(FULL_SUPERVISOR))).toBe(false);
    expect(canSee("/console/hall/items", as(FULL_OFFICE))).toBe(true);
  });

  it("gives every page to the office except the ops admin's accounts and delivery", () => {
    const hidden = CONSOLE_PAGES.filter((page) => !canSee(page.path, as(FULL_OFFICE))).map((p) => p.path);
    expect(hidden).toEqual(["/console/users", "/console/delivery"]);
  });
});

describe("menuEntryOf", () => {
  it("lights up the list a record's page belongs to", () => {
    expect(menuEntryOf("/console/items/12")?.label).toBe("信息发布");
    expect(menuEntryOf("/console/hall/cases/3")?.label).toBe("办件");
    expect(menuEntryOf("/console/reports/annual")?.label).toBe("年度报告");
    expect(menuEntryOf("/console")?.label).toBe("工作台概览");
  });

  it("prefers the longer of two pages one under the other, and does not take a page for a longer word", () => {
    expect(menuEntryOf("/console/applications/register")?.path).toBe("/console/applications/register");
    expect(menuEntryOf("/console/applications/7")?.path).toBe("/console/applications");
    expect(menuEntryOf("/console/itemsx")).toBeUndefined();
  });
});

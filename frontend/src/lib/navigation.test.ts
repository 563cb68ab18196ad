import { describe, expect, it } from "vitest";
import type { Can } from "../auth/store";
import { can, canSee, pagesFor, reachesSubtree } from "./navigation";

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

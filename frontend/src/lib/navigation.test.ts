import { describe, expect, it } from "vitest";
import { canSee, pagesFor } from "./navigation";

describe("pagesFor", () => {
  it("gives a publisher publishing and deadlines but not review or column management", () => {
    expect(pagesFor(["publisher"]).map((p) => p.label)).toEqual(["工作台概览", "信息发布", "期限监督", "工作日历"]);
  });

  it("gives a reviewer the review queue, and a unit's one person with both roles both pages", () => {
    expect(pagesFor(["reviewer"]).map((p) => p.label)).toEqual(["工作台概览", "审查", "期限监督", "工作日历"]);
    const both = pagesFor(["publisher", "reviewer"]).map((p) => p.label);
    expect(both).toContain("信息发布");
    expect(both).toContain("审查");
  });

  it("keeps column management to the office and lets the supervisor read items but not review", () => {
    expect(canSee("/console/columns", ["office"])).toBe(true);
    expect(canSee("/console/columns", ["supervisor"])).toBe(false);
    expect(canSee("/console/items", ["supervisor"])).toBe(true);
    expect(canSee("/console/review", ["supervisor"])).toBe(false);
  });

  it("gives the office unit management and the audit log but not delivery or accounts", () => {
    const labels = pagesFor(["office"]).map((p) => p.label);
    expect(labels).toContain("单位管理");
    expect(labels).toContain("审计日志");
    expect(labels).not.toContain("消息投递");
    expect(labels).not.toContain("账号管理");
  });

  it("gives the ops admin accounts and delivery", () => {
    expect(canSee("/console/users", ["ops_admin"])).toBe(true);
    expect(canSee("/console/delivery", ["ops_admin"])).toBe(true);
    expect(canSee("/console/delivery", ["supervisor"])).toBe(false);
  });

  it("gives handlers, the office and the supervisor the applications inbox, and no one else", () => {
    expect(pagesFor(["application_handler"]).map((p) => p.label)).toContain("依申请公开");
    expect(canSee("/console/applications", ["office"])).toBe(true);
    expect(canSee("/console/applications", ["supervisor"])).toBe(true);
    expect(canSee("/console/applications", ["publisher"])).toBe(false);
  });
});

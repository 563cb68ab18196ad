import { describe, expect, it } from "vitest";
import { canSee, pagesFor } from "./navigation";

describe("pagesFor", () => {
  it("gives a publisher the overview and the calendar only", () => {
    expect(pagesFor(["publisher"]).map((p) => p.label)).toEqual(["工作台概览", "工作日历"]);
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
});

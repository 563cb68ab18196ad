import { describe, expect, it } from "vitest";
import type { Can } from "../../../auth/store";
import { canSee } from "../../../lib/navigation";
import { fenToYuan, yuanToFen } from "./ItemFields";

const as = (groups: Can[]) => ({ can: groups, reaches_subtree: false });

describe("the hall's set-up pages", () => {
  it("are the office's (manage_hall), not a clerk's", () => {
    const office = as(["work_in_console", "manage_hall", "serve_at_window"]);
    const clerk = as(["work_in_console", "serve_at_window", "read_cases"]);
    expect(canSee("/console/hall/items", office)).toBe(true);
    expect(canSee("/console/hall/centres", office)).toBe(true);
    expect(canSee("/console/hall/items", clerk)).toBe(false);
    expect(canSee("/console/hall/centres", clerk)).toBe(false);
  });
});

describe("fees typed in yuan", () => {
  it("become integer fen without a float's rounding", () => {
    expect(yuanToFen("0")).toBe(0);
    expect(yuanToFen("50")).toBe(5000);
    expect(yuanToFen("0.1")).toBe(10);
    expect(yuanToFen("19.99")).toBe(1999);
    expect(yuanToFen("1.005")).toBe(100);
    expect(yuanToFen(undefined)).toBe(0);
  });

  it("show as yuan with two decimals", () => {
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(1999)).toBe("19.99");
  });
});

import { describe, expect, it } from "vitest";
import { isLong, shortened, textDiff } from "./diff";

describe("textDiff", () => {
  it("keeps a little context around what changed and marks the rest as left out", () => {
    const before = "各学校：现将2026年秋季学期义务教育招生入学工作通知如下，请于3月10日前报送招生计划。";
    const after = "各学校：现将2026年秋季学期义务教育招生入学工作通知如下，请于3月20日前报送招生计划。";
    expect(textDiff(before, after, 6)).toEqual([
      { kind: "gap" },
      { kind: "same", text: "下，请于3月" },
      { kind: "removed", text: "1" },
      { kind: "added", text: "2" },
      { kind: "same", text: "0日前报送招" },
      { kind: "gap" },
    ]);
  });

  it("shows an insertion alone, and no gap where the text is short", () => {
    expect(textDiff("报送计划", "报送招生计划")).toEqual([
      { kind: "same", text: "报送" },
      { kind: "added", text: "招生" },
      { kind: "same", text: "计划" },
    ]);
  });

  it("has nothing in common with a text that replaced another whole", () => {
    expect(textDiff("草稿", "已发布")).toEqual([
      { kind: "removed", text: "草稿" },
      { kind: "added", text: "已发布" },
    ]);
  });
});

describe("isLong and shortened", () => {
  it("calls a value long past 40 characters and cuts a lone long value at 120", () => {
    expect(isLong("状态", "已发布")).toBe(false);
    expect(isLong("字".repeat(41), "")).toBe(true);
    expect(shortened("字".repeat(130))).toBe(`${"字".repeat(120)}…`);
    expect(shortened("短文本")).toBe("短文本");
  });
});

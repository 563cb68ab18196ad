import { describe, expect, it } from "vitest";
import { knownValue, labelOf, optionsOf } from "./vocabulary";

const STATUSES = [
  { value: "draft", label: "草稿" },
  { value: "submitted", label: "待审查" },
  { value: "published", label: "已发布" },
];

describe("labelOf", () => {
  it("finds the served label of a code", () => {
    expect(labelOf(STATUSES, "submitted")).toBe("待审查");
  });

  it("shows a code the vocabulary does not list as it is, and nothing while it loads", () => {
    expect(labelOf(STATUSES, "archived")).toBe("archived");
    expect(labelOf(undefined, "draft")).toBe("");
    expect(labelOf(STATUSES, null)).toBe("");
  });
});

describe("optionsOf and knownValue", () => {
  it("offers the terms in the service's order", () => {
    expect(optionsOf(STATUSES).map((o) => o.label)).toEqual(["草稿", "待审查", "已发布"]);
    expect(optionsOf(undefined)).toEqual([]);
  });

  it("accepts only values the service lists", () => {
    expect(knownValue(STATUSES, "draft")).toBe("draft");
    expect(knownValue(STATUSES, "law")).toBeUndefined();
    expect(knownValue(undefined, "draft")).toBeUndefined();
    expect(knownValue(STATUSES, null)).toBeUndefined();
  });
});

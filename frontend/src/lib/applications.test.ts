import { describe, expect, it } from "vitest";
import {
  OUTCOME_LABELS,
  OUTCOME_REASONS,
  needsLegalBasis,
  outcomeText,
  reasonOptions,
  urgencyColour,
  validIdCard,
  validPhone,
  workingDaysText,
} from "./applications";

describe("urgencyColour", () => {
  it("is red once overdue, orange within five working days, green otherwise", () => {
    expect(urgencyColour(-1)).toBe("red");
    expect(urgencyColour(0)).toBe("orange");
    expect(urgencyColour(5)).toBe("orange");
    expect(urgencyColour(6)).toBe("green");
    expect(urgencyColour(null)).toBeUndefined();
  });

  it("says in words how much time is left", () => {
    expect(workingDaysText(-3)).toBe("已逾期 3 个工作日");
    expect(workingDaysText(0)).toBe("今日到期");
    expect(workingDaysText(12)).toBe("剩余 12 个工作日");
    expect(workingDaysText(null)).toBe("不计时");
  });
});

describe("the outcome taxonomy", () => {
  it("has the annual report's number of sub-items for each result", () => {
    const counts = Object.fromEntries(
      Object.entries(OUTCOME_REASONS).map(([outcome, reasons]) => [outcome, reasons.length]),
    );
    expect(counts).toEqual({
      disclosed: 0,
      partly_disclosed: 0,
      not_disclosed: 8,
      unavailable: 3,
      not_processed: 5,
      other: 3,
    });
    expect(Object.keys(OUTCOME_LABELS).sort()).toEqual(Object.keys(OUTCOME_REASONS).sort());
  });

  it("offers the sub-items of the chosen result by their 1-based number", () => {
    expect(reasonOptions("disclosed")).toEqual([]);
    expect(reasonOptions(undefined)).toEqual([]);
    const notProcessed = reasonOptions("not_processed");
    expect(notProcessed).toHaveLength(5);
    expect(notProcessed[1]).toEqual({ value: 2, label: "2. 重复申请" });
  });

  it("names a result with its sub-item", () => {
    expect(outcomeText("not_disclosed", 4)).toBe("不予公开 · 4. 保护第三方合法权益");
    expect(outcomeText("partly_disclosed", null)).toBe("部分公开");
    expect(outcomeText(null, null)).toBe("—");
  });

  it("asks for a legal basis only when refusing in whole or part", () => {
    expect(needsLegalBasis("partly_disclosed")).toBe(true);
    expect(needsLegalBasis("not_disclosed")).toBe(true);
    expect(needsLegalBasis("disclosed")).toBe(false);
    expect(needsLegalBasis("unavailable")).toBe(false);
  });
});

describe("applicant checks", () => {
  it("accepts an ID number whose check character matches", () => {
    expect(validIdCard("11010519491231002X")).toBe(true);
    expect(validIdCard("11010519491231002x")).toBe(true);
  });

  it("refuses a wrong check character, a short number and letters", () => {
    expect(validIdCard("110105194912310021")).toBe(false);
    expect(validIdCard("11010519491231002")).toBe(false);
    expect(validIdCard("1101051949123100AX")).toBe(false);
  });

  it("accepts mobiles and landlines with an area code", () => {
    expect(validPhone("13812345678")).toBe(true);
    expect(validPhone("028-86123456")).toBe(true);
    expect(validPhone("12812345678")).toBe(false);
    expect(validPhone("86123456")).toBe(false);
  });
});

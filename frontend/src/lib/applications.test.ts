import { describe, expect, it } from "vitest";
import { APPLICATIONS_VOCABULARY } from "../testing/vocabulary";
import {
  handlerName,
  handlerOptions,
  nextActionColour,
  outcomeText,
  reasonOptions,
  urgencyColour,
  validIdCard,
  validPhone,
  workingDaysText,
} from "./applications";

const OUTCOMES = APPLICATIONS_VOCABULARY.outcomes;
const outcome = (value: string) => OUTCOMES.find((o) => o.value === value);

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

describe("the outcome taxonomy, as the service serves it", () => {
  it("offers the sub-items of the chosen result by their number", () => {
    expect(reasonOptions(outcome("disclosed"))).toEqual([]);
    expect(reasonOptions(undefined)).toEqual([]);
    const notProcessed = reasonOptions(outcome("not_processed"));
    expect(notProcessed).toHaveLength(5);
    expect(notProcessed[1]).toEqual({ value: 2, label: "2. 重复申请" });
  });

  it("names a result with its sub-item", () => {
    expect(outcomeText(OUTCOMES, "not_disclosed", 4)).toBe("不予公开 · 4. 保护第三方合法权益");
    expect(outcomeText(OUTCOMES, "partly_disclosed", null)).toBe("部分公开");
    expect(outcomeText(OUTCOMES, null, null)).toBe("—");
  });

  it("shows nothing while the vocabulary loads", () => {
    expect(outcomeText(undefined, "disclosed", null)).toBe("");
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

const PEOPLE = [
  { username: "edu_handler", display_name: "周婷", unit_id: 3, unit_name: "锦华区教育局" },
  { username: "office", display_name: "王敏", unit_id: 1, unit_name: "锦华区人民政府" },
];

describe("handlers", () => {
  it("names the handler, or says there is none", () => {
    expect(handlerName("edu_handler", PEOPLE)).toBe("周婷");
    expect(handlerName("someone.gone", PEOPLE)).toBe("someone.gone");
    expect(handlerName(null, PEOPLE)).toBe("未分配");
  });

  it("offers the unit's own people by name and those above with their unit", () => {
    expect(handlerOptions(PEOPLE, 3)).toEqual([
      { value: "edu_handler", label: "周婷" },
      { value: "office", label: "王敏 · 锦华区人民政府" },
    ]);
    expect(handlerOptions(undefined, 3)).toEqual([]);
  });
});

describe("nextActionColour", () => {
  it("marks receipt to confirm, the applicant's deadlines, then the reply's time left", () => {
    expect(nextActionColour("confirm_receipt", null)).toBe("purple");
    expect(nextActionColour("supplement", null)).toBe("gold");
    expect(nextActionColour("reply", -2)).toBe("red");
    expect(nextActionColour("reply", 12)).toBe("green");
    expect(nextActionColour("none", null)).toBeUndefined();
  });
});

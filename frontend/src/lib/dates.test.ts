import { describe, expect, it } from "vitest";
import { officeToday, parseDateList } from "./dates";

describe("parseDateList", () => {
  it("accepts dates one per line or separated by Chinese or Latin commas, sorted and once each", () => {
    expect(parseDateList("2027-02-08\n2027-01-01，2027-01-01, 2027-02-09")).toEqual({
      dates: ["2027-01-01", "2027-02-08", "2027-02-09"],
      invalid: [],
    });
  });

  it("names what is not a real date", () => {
    expect(parseDateList("2027-02-30 2027/01/01 明天 2027-01-02").invalid).toEqual([
      "2027-02-30",
      "2027/01/01",
      "明天",
    ]);
  });
});

describe("officeToday", () => {
  it("is the date in Beijing, a day ahead of UTC from 16:00 UTC", () => {
    expect(officeToday(new Date("2026-11-25T15:59:00Z")).format("YYYY-MM-DD")).toBe("2026-11-25");
    expect(officeToday(new Date("2026-11-25T17:05:00Z")).format("YYYY-MM-DD")).toBe("2026-11-26");
  });
});

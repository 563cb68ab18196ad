import { describe, expect, it } from "vitest";
import { parseDateList } from "./dates";

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

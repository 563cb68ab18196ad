import { describe, expect, it } from "vitest";
import { validContact, validEmail } from "./contact";

describe("validEmail", () => {
  it("takes what the service takes", () => {
    expect(validEmail("chenxm@example.cn")).toBe(true);
    expect(validEmail(" chenxm@example.cn ")).toBe(true);
    for (const bad of ["chenxm", "chenxm@example", "chen xm@example.cn", "a@@b.cn", ""]) {
      expect(validEmail(bad)).toBe(false);
    }
  });
});

describe("validContact", () => {
  it("is a mobile, a landline with its area code or an e-mail", () => {
    expect(["13987654321", "028-86001234", "lihua@example.com"].every(validContact)).toBe(true);
    expect(["12345", "李华的电话", "lihua@example"].some(validContact)).toBe(false);
  });
});

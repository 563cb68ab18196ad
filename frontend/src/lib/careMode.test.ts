import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CARE_MODE_CLASS, CARE_MODE_KEY, isCareMode, setCareMode, useCareMode } from "./careMode";

afterEach(() => {
  setCareMode(false);
  localStorage.clear();
});

describe("长辈版 (care mode)", () => {
  it("is off for a first visit", () => {
    expect(isCareMode()).toBe(false);
    expect(document.documentElement).not.toHaveClass(CARE_MODE_CLASS);
  });

  it("switches on and off, remembered for the next visit, with its class on <html>", () => {
    setCareMode(true);
    expect(isCareMode()).toBe(true);
    expect(localStorage.getItem(CARE_MODE_KEY)).toBe("on");
    expect(document.documentElement).toHaveClass(CARE_MODE_CLASS);
    setCareMode(false);
    expect(localStorage.getItem(CARE_MODE_KEY)).toBeNull();
    expect(document.documentElement).not.toHaveClass(CARE_MODE_CLASS);
  });

  it("redraws the components that follow it", () => {
    const { result } = renderHook(() => useCareMode());
    expect(result.current).toBe(false);
    act(() => setCareMode(true));
    expect(result.current).toBe(true);
  });

  it("starts in the mode remembered from an earlier visit", async () => {
    localStorage.setItem(CARE_MODE_KEY, "on");
    vi.resetModules();
    const fresh = await import("./careMode");
    expect(fresh.isCareMode()).toBe(true);
    expect(document.documentElement).toHaveClass(CARE_MODE_CLASS);
    fresh.setCareMode(false);
  });

  it("follows a switch made in another tab", () => {
    const { result } = renderHook(() => useCareMode());
    localStorage.setItem(CARE_MODE_KEY, "on");
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: CARE_MODE_KEY, newValue: "on" }));
    });
    expect(result.current).toBe(true);
    expect(document.documentElement).toHaveClass(CARE_MODE_CLASS);
  });
});

// 长辈版 (关怀模式, the elderly-friendly mode of the national 适老化 guidance): larger type and
// controls, higher contrast, one column. The visitor's choice is kept in localStorage; the
// class on <html> is set before the first paint by public/care-mode.js (the gateway's CSP allows
// no inline script), and this store keeps it and the antd theme (main.tsx) in step afterwards.
import { useSyncExternalStore } from "react";

export const CARE_MODE_KEY = "sunshine.careMode";
export const CARE_MODE_CLASS = "care-mode";
const ON = "on";

const listeners = new Set<() => void>();
let current = read();

function read(): boolean {
  try {
    return localStorage.getItem(CARE_MODE_KEY) === ON;
  } catch {
    // Storage refused (a private window in some browsers): the standard page.
    return false;
  }
}

function apply(on: boolean): void {
  document.documentElement.classList.toggle(CARE_MODE_CLASS, on);
}

export function isCareMode(): boolean {
  return current;
}

/** Switches the mode for this visit and the next ones. */
export function setCareMode(on: boolean): void {
  current = on;
  try {
    if (on) localStorage.setItem(CARE_MODE_KEY, ON);
    else localStorage.removeItem(CARE_MODE_KEY);
  } catch {
    // Not remembered; this visit still switches.
  }
  apply(on);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCareMode(): boolean {
  return useSyncExternalStore(subscribe, isCareMode);
}

apply(current);

// Switched in another tab: this one follows.
window.addEventListener("storage", (event) => {
  if (event.key === CARE_MODE_KEY) {
    current = read();
    apply(current);
    listeners.forEach((listener) => listener());
  }
});

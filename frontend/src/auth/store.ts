// The signed-in session, kept in localStorage so a reload keeps the user signed in. The access
// token lives 15 minutes; the refresh token renews it (and rotates) when a call answers 401.
import type { components } from "../api/schema";

export type Me = components["schemas"]["Me"];
export type Can = components["schemas"]["Can"];

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  user: Me;
}

const KEY = "sunshine.session";
const listeners = new Set<() => void>();
let current: StoredSession | null = read();

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    const stored = raw ? (JSON.parse(raw) as StoredSession) : null;
    // A session kept by an earlier release does not know the user's role groups (`can`) or reach,
    // which the console's pages and buttons follow: the user signs in again.
    const current = Array.isArray(stored?.user?.can) && typeof stored?.user?.reaches_subtree === "boolean";
    return current ? stored : null;
  } catch {
    return null;
  }
}

export function getSession(): StoredSession | null {
  return current;
}

export function setSession(next: StoredSession | null): void {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signing in or out changes this tab too.
window.addEventListener("storage", (event) => {
  if (event.key === KEY) {
    current = read();
    listeners.forEach((listener) => listener());
  }
});

import { useSyncExternalStore } from "react";
import { api, unwrap } from "../api/client";
import { getSession, setSession, subscribe, type Me } from "./store";

export async function login(username: string, password: string): Promise<Me> {
  const pair = await unwrap(api.POST("/api/auth/login", { body: { username, password } }));
  setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user });
  return pair.user;
}

/**
 * Ends the session at the gateway (so the token is refused at once), then forgets it here. Never
 * fails: a session the gateway no longer knows (401) or an unreachable gateway still ends here.
 */
export async function logout(): Promise<void> {
  const session = getSession();
  if (!session) return;
  try {
    await api.POST("/api/auth/logout", { body: { refresh_token: session.refreshToken } });
  } catch {
    // Offline: the tokens expire by themselves; nothing to tell the user who is leaving.
  } finally {
    setSession(null);
  }
}

export function useCurrentUser(): Me | null {
  return useSyncExternalStore(subscribe, () => getSession()?.user ?? null);
}

import { useSyncExternalStore } from "react";
import { api, unwrap } from "../api/client";
import { getSession, setSession, subscribe, type Me, type Role } from "./store";

export async function login(username: string, password: string): Promise<Me> {
  const pair = await unwrap(api.POST("/api/auth/login", { body: { username, password } }));
  setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user });
  return pair.user;
}

/** Ends the session at the gateway (so the token is refused at once), then forgets it here. */
export async function logout(): Promise<void> {
  const session = getSession();
  if (session) {
    try {
      await api.POST("/api/auth/logout", { body: { refresh_token: session.refreshToken } });
    } finally {
      setSession(null);
    }
  }
}

export function useCurrentUser(): Me | null {
  return useSyncExternalStore(subscribe, () => getSession()?.user ?? null);
}

export function hasAnyRole(user: Me | null, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

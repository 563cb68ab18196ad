// 账号: the gateway's staff accounts, and one's own password. Signing in and out is in src/auth,
// outside the query cache.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type User = components["schemas"]["UserOut"];

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: () => unwrap(api.GET("/api/users")) });
}

/** A new account, or changes to one (its unit, roles, password, or whether it may sign in). */
export type UserChange =
  | { userId?: undefined; body: components["schemas"]["UserIn"] }
  | { userId: number; body: components["schemas"]["UserUpdate"] };

export function useSaveUser(options?: MutationOptions<User, UserChange>) {
  return useApiMutation(
    (change: UserChange) =>
      change.userId === undefined
        ? unwrap(api.POST("/api/users", { body: change.body }))
        : unwrap(
            api.PATCH("/api/users/{user_id}", { params: { path: { user_id: change.userId } }, body: change.body }),
          ),
    () => [userKeys.all],
    options,
  );
}

/** 解锁: lift a login lockout (wrong passwords in a row) before it runs out. */
export function useUnlockUser(options?: MutationOptions<User, User>) {
  return useApiMutation(
    (user: User) => unwrap(api.POST("/api/users/{user_id}/unlock", { params: { path: { user_id: user.id } } })),
    () => [userKeys.all],
    options,
  );
}

/** 修改密码: one's own, giving the old one; this session stays signed in, the others end. */
export function useChangePassword(options?: MutationOptions<unknown, components["schemas"]["PasswordChange"]>) {
  return useApiMutation(
    (body: components["schemas"]["PasswordChange"]) => unwrap(api.POST("/api/auth/password", { body })),
    () => [],
    options,
  );
}

// 组织机构: the gateway's unit tree, read by nearly every page (the portal's menu and home page,
// every unit picker), so all of them share one cached list.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Unit = components["schemas"]["UnitOut"];

export const unitKeys = {
  all: ["units"] as const,
  list: () => [...unitKeys.all, "list"] as const,
};

export function useUnits() {
  return useQuery({
    queryKey: unitKeys.list(),
    queryFn: () => unwrap(api.GET("/api/units")),
  });
}

/** A new unit, or changes to one (its type is fixed once created). */
export type UnitChange =
  | { unitId?: undefined; body: components["schemas"]["UnitIn"] }
  | { unitId: number; body: components["schemas"]["UnitUpdate"] };

export function useSaveUnit(options?: MutationOptions<Unit, UnitChange>) {
  return useApiMutation(
    (change: UnitChange) =>
      change.unitId === undefined
        ? unwrap(api.POST("/api/units", { body: change.body }))
        : unwrap(
            api.PATCH("/api/units/{unit_id}", { params: { path: { unit_id: change.unitId } }, body: change.body }),
          ),
    () => [unitKeys.all],
    options,
  );
}

/** 撤销: the unit leaves the portal; its history stays. */
export function useCloseUnit(options?: MutationOptions<Unit, Unit>) {
  return useApiMutation(
    (unit: Unit) => unwrap(api.POST("/api/units/{unit_id}/close", { params: { path: { unit_id: unit.id } } })),
    () => [unitKeys.all],
    options,
  );
}

// 服务中心与窗口: the office's set-up of centres and windows (stationed units, staff, accepted
// items), the clerk's own windows, and the public list of centres. A window is shown inside its
// centre, so a window's change invalidates the centre it belongs to.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type CentreSummary = Schemas["HallCentreSummary"];
export type CentreDetail = Schemas["HallCentreDetail"];
export type CentreIn = Schemas["HallCentreIn"];
export type CentreUpdate = Schemas["HallCentreUpdate"];
export type WindowOut = Schemas["HallWindowOut"];
export type WindowIn = Schemas["HallWindowIn"];
export type WindowUpdate = Schemas["HallWindowUpdate"];
export type StaffMember = Schemas["HallStaffMember"];
export type MyWindow = Schemas["HallMyWindow"];
export type PublicCentre = Schemas["HallPublicCentre"];

export const hallWindowKeys = {
  all: ["hall", "windows"] as const,
  centres: () => [...hallWindowKeys.all, "centres"] as const,
  centre: (centreId: number) => [...hallWindowKeys.centres(), centreId] as const,
  mine: () => [...hallWindowKeys.all, "mine"] as const,
  public: (itemId?: number) => [...hallWindowKeys.all, "public", itemId ?? null] as const,
};

export function useCentres() {
  return useQuery({ queryKey: hallWindowKeys.centres(), queryFn: () => unwrap(api.GET("/api/hall/centres")) });
}

export function useCentre(centreId: number) {
  return useQuery({
    queryKey: hallWindowKeys.centre(centreId),
    queryFn: () =>
      unwrap(api.GET("/api/hall/centres/{centre_id}", { params: { path: { centre_id: centreId } } })),
    enabled: Number.isInteger(centreId) && centreId > 0,
  });
}

/** The windows the signed-in clerk may work at (where stationed; the office: every window of its
 * centres). The same list as the window console's `useDesk`, decided by one rule in the hall. */
export function useMyWindows() {
  return useQuery({ queryKey: hallWindowKeys.mine(), queryFn: () => unwrap(api.GET("/api/hall/windows/mine")) });
}

/** The centres, their windows and the published items each accepts (public); with `itemId`,
 * only the open windows accepting that item. */
export function usePublicCentres(itemId?: number) {
  return useQuery({
    queryKey: hallWindowKeys.public(itemId),
    queryFn: () =>
      unwrap(api.GET("/api/hall/guide/centres", { params: { query: itemId ? { item_id: itemId } : {} } })),
  });
}

export function useCreateCentre(options?: MutationOptions<CentreDetail, CentreIn>) {
  return useApiMutation(
    (body: CentreIn) => unwrap(api.POST("/api/hall/centres", { body })),
    () => [hallWindowKeys.all],
    options,
  );
}

export function useUpdateCentre(centreId: number, options?: MutationOptions<CentreDetail, CentreUpdate>) {
  return useApiMutation(
    (body: CentreUpdate) =>
      unwrap(api.PATCH("/api/hall/centres/{centre_id}", { params: { path: { centre_id: centreId } }, body })),
    () => [hallWindowKeys.all],
    options,
  );
}

export function useAddWindow(centreId: number, options?: MutationOptions<WindowOut, WindowIn>) {
  return useApiMutation(
    (body: WindowIn) =>
      unwrap(api.POST("/api/hall/centres/{centre_id}/windows", { params: { path: { centre_id: centreId } }, body })),
    () => [hallWindowKeys.all],
    options,
  );
}

/** Each change of a window's set-up: its own fields, units, staff or accepted items. */
export type WindowChange =
  | { what: "fields"; body: WindowUpdate }
  | { what: "units"; unitIds: number[] }
  | { what: "staff"; staff: StaffMember[] }
  | { what: "items"; itemIds: number[] };

export function useChangeWindow(windowId: number, options?: MutationOptions<WindowOut, WindowChange>) {
  const params = { path: { window_id: windowId } };
  return useApiMutation(
    (change: WindowChange) => {
      switch (change.what) {
        case "fields":
          return unwrap(api.PATCH("/api/hall/windows/{window_id}", { params, body: change.body }));
        case "units":
          return unwrap(api.PUT("/api/hall/windows/{window_id}/units", { params, body: { unit_ids: change.unitIds } }));
        case "staff":
          return unwrap(api.PUT("/api/hall/windows/{window_id}/staff", { params, body: { staff: change.staff } }));
        case "items":
          return unwrap(api.PUT("/api/hall/windows/{window_id}/items", { params, body: { item_ids: change.itemIds } }));
      }
    },
    () => [hallWindowKeys.all],
    options,
  );
}

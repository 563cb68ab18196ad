// Catalog queries shared by the portal and console pages, under keys that mutations invalidate.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

export function useUnitColumns(unitId: number | undefined) {
  return useQuery({
    queryKey: ["catalogue", unitId],
    queryFn: () =>
      unwrap(api.GET("/api/catalog/units/{unit_id}/columns", { params: { path: { unit_id: unitId! } } })),
    enabled: unitId !== undefined && Number.isInteger(unitId),
  });
}

export function useColumnTemplate() {
  return useQuery({
    queryKey: ["catalogue", "template"],
    queryFn: () => unwrap(api.GET("/api/catalog/columns")),
  });
}

/** One item, as the caller may see it (the public view, or the staff view for its unit). */
export function useItem(itemId: number | undefined) {
  return useQuery({
    queryKey: ["item", itemId],
    queryFn: () =>
      unwrap(api.GET("/api/catalog/items/{item_id}", { params: { path: { item_id: itemId! } } })),
    enabled: itemId !== undefined && Number.isInteger(itemId),
  });
}

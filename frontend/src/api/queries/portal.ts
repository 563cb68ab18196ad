// The portal as citizens read it: the home page's newest items (all units, or one column such as
// 政策解读 and 通知公告), and a column of a unit's catalogue with its sub-columns' items. Keys sit
// under the catalog's published items, so that whatever refreshes those refreshes these.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import { itemKeys } from "./catalog";

/** Template codes of the columns the home page shows in blocks of their own. */
export const HOME_COLUMNS = {
  interpretations: "X-POLICY-INTERP",
  notices: "X-NOTICES",
  guide: "X-GUIDE",
  rules: "X-RULES",
} as const;

export const portalKeys = {
  latest: (column: string | undefined, size: number) => [...itemKeys.published(), "latest", column, size] as const,
  columnItems: (unitId: number, columnId: number, page: number, size: number) =>
    [...itemKeys.published(), "column", unitId, columnId, page, size] as const,
};

/** 最新信息: every unit's newest published items, or those of one column (by template code). */
export function useLatestItems(column: string | undefined, size: number) {
  return useQuery({
    queryKey: portalKeys.latest(column, size),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/feed/latest", { params: { query: { size, ...(column ? { column } : {}) } } })),
  });
}

/** A unit's published items in a column and every column below it, newest first. */
export function useColumnItems(unitId: number, columnId: number, page: number, size: number, enabled = true) {
  return useQuery({
    queryKey: portalKeys.columnItems(unitId, columnId, page, size),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/units/{unit_id}/columns/{column_id}/items", {
          params: { path: { unit_id: unitId, column_id: columnId }, query: { page, size } },
        }),
      ),
    enabled: enabled && unitId > 0 && columnId > 0,
    placeholderData: keepPreviousData,
  });
}

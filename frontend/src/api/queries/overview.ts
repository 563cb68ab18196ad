// 工作台概览: the office's and supervisors' figures unit by unit, each counted by the service
// that owns the rule (the catalog's deadline lists, the applications inbox), so that every
// figure is the total of the list it links to. The personal queues read those lists directly.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";

type Schemas = components["schemas"];
export type CatalogOverview = Schemas["CatalogCatalogOverview"];
export type UnitItemFigures = Schemas["CatalogUnitItemFigures"];
export type ApplicationsOverview = Schemas["ApplicationsApplicationsOverview"];
export type UnitApplicationFigures = Schemas["ApplicationsUnitApplicationFigures"];

export const overviewKeys = {
  all: ["overview"] as const,
  catalog: (unitId: number) => [...overviewKeys.all, "catalog", unitId] as const,
  applications: (unitId: number) => [...overviewKeys.all, "applications", unitId] as const,
};

/** Items at risk, late and policies without 解读, per unit of the subtree (today). */
export function useCatalogOverview(unitId: number, enabled = true) {
  return useQuery({
    queryKey: overviewKeys.catalog(unitId),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/overview/units/{unit_id}", { params: { path: { unit_id: unitId } } })),
    enabled,
  });
}

/** Open applications due soon and overdue, per unit of the subtree (today). */
export function useApplicationsOverview(unitId: number, enabled = true) {
  return useQuery({
    queryKey: overviewKeys.applications(unitId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/overview/units/{unit_id}", { params: { path: { unit_id: unitId } } }),
      ),
    enabled,
  });
}

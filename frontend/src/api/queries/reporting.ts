// 统计: the reporting service's figures, which it reads from the other services.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";

export const reportingKeys = {
  all: ["reporting"] as const,
  overview: (unitId: number) => [...reportingKeys.all, "overview", unitId] as const,
};

export function useUnitOverview(unitId: number) {
  return useQuery({
    queryKey: reportingKeys.overview(unitId),
    queryFn: () =>
      unwrap(api.GET("/api/reporting/units/{unit_id}/overview", { params: { path: { unit_id: unitId } } })),
  });
}

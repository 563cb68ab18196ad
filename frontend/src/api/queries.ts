// Queries shared by several pages, so that every page reads the same cached answer.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client";

export function useUnits() {
  return useQuery({
    queryKey: ["units"],
    queryFn: () => unwrap(api.GET("/api/units")),
  });
}

// 审计日志: append-only entries, kept by the gateway and by each service for its own records.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { operations } from "../schema";

export type AuditSource = "gateway" | "catalog";
export type AuditQuery = NonNullable<operations["audit-list_entries"]["parameters"]["query"]>;

export const auditKeys = {
  all: ["audit"] as const,
  list: (source: AuditSource, query: AuditQuery) => [...auditKeys.all, source, query] as const,
};

export function useAuditEntries(source: AuditSource, query: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.list(source, query),
    queryFn: () =>
      source === "gateway"
        ? unwrap(api.GET("/api/audit", { params: { query } }))
        : unwrap(api.GET("/api/catalog/audit", { params: { query } })),
  });
}

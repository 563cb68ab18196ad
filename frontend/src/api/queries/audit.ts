// 审计日志: each component keeps the log of its own records (the gateway: units, accounts, the
// calendar; the catalog: columns and items; applications; the hall; reporting) and serves it in
// words (the kit's /audit/log: sentences, before/after with Chinese labels), filtered and paged
// on the server; the export is the same lines as a CSV file.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { saveBlob } from "../../lib/download";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";

type Schemas = components["schemas"];
export type AuditLine = Schemas["AuditLine"];
export type AuditChange = Schemas["AuditChange"];
export type AuditLinePage = Schemas["AuditLinePage"];
export type AuditVocabulary = Schemas["AuditVocabulary"];
export type AuditLogQuery = NonNullable<operations["audit-read_log"]["parameters"]["query"]>;
export type AuditFilter = NonNullable<operations["audit-export_log"]["parameters"]["query"]>;

export const AUDIT_SOURCES = ["gateway", "catalog", "applications", "hall", "reporting"] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export const auditKeys = {
  all: ["audit"] as const,
  log: (source: AuditSource, query: AuditLogQuery) => [...auditKeys.all, source, "log", query] as const,
  words: (source: AuditSource) => [...auditKeys.all, source, "words"] as const,
};

function readLog(source: AuditSource, query: AuditLogQuery): Promise<AuditLinePage> {
  const params = { params: { query } };
  switch (source) {
    case "gateway":
      return unwrap(api.GET("/api/audit/log", params));
    case "catalog":
      return unwrap(api.GET("/api/catalog/audit/log", params));
    case "applications":
      return unwrap(api.GET("/api/applications/audit/log", params));
    case "hall":
      return unwrap(api.GET("/api/hall/audit/log", params));
    case "reporting":
      return unwrap(api.GET("/api/reporting/audit/log", params));
  }
}

function readWords(source: AuditSource): Promise<AuditVocabulary> {
  switch (source) {
    case "gateway":
      return unwrap(api.GET("/api/audit/words"));
    case "catalog":
      return unwrap(api.GET("/api/catalog/audit/words"));
    case "applications":
      return unwrap(api.GET("/api/applications/audit/words"));
    case "hall":
      return unwrap(api.GET("/api/hall/audit/words"));
    case "reporting":
      return unwrap(api.GET("/api/reporting/audit/words"));
  }
}

async function readExport(source: AuditSource, query: AuditFilter): Promise<Blob> {
  const options = { params: { query }, parseAs: "blob" as const };
  let blob: unknown;
  switch (source) {
    case "gateway":
      blob = await unwrap(api.GET("/api/audit/log/export", options));
      break;
    case "catalog":
      blob = await unwrap(api.GET("/api/catalog/audit/log/export", options));
      break;
    case "applications":
      blob = await unwrap(api.GET("/api/applications/audit/log/export", options));
      break;
    case "hall":
      blob = await unwrap(api.GET("/api/hall/audit/log/export", options));
      break;
    case "reporting":
      blob = await unwrap(api.GET("/api/reporting/audit/log/export", options));
      break;
  }
  return blob as Blob;
}

/** A page of one component's log in words, newest first. */
export function useAuditLog(source: AuditSource, query: AuditLogQuery) {
  return useQuery({
    queryKey: auditKeys.log(source, query),
    queryFn: () => readLog(source, query),
    placeholderData: (previous) => previous,
  });
}

/** What a component's log is about and what it records (the filters' choices). */
export function useAuditWords(source: AuditSource) {
  return useQuery(
    queryOptions({
      queryKey: auditKeys.words(source),
      queryFn: () => readWords(source),
      staleTime: Infinity,
    }),
  );
}

/** Downloads the filtered log as the CSV file the component writes (the page's words). */
export async function downloadAuditLog(source: AuditSource, query: AuditFilter, filename: string) {
  saveBlob(await readExport(source, query), filename);
}

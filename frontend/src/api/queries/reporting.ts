// 统计报告: the reporting service — the console's overview, the annual report (年度报告), the
// monthly bulletin (每月考评通报) and the work-summary figures (工作总结). Every figure is read by
// the service from the other services; a figure it could not read is null, never zero.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type Bulletin = Schemas["ReportingBulletinOut"];
export type BulletinSummary = Schemas["ReportingBulletinSummary"];
export type BulletinRow = Schemas["ReportingBulletinRow"];
export type Weights = Schemas["ReportingWeights"];
export type WeightsOut = Schemas["ReportingWeightsOut"];
export type SourceGap = Schemas["ReportingSourceGap"];
export type WorkSummary = Schemas["ReportingWorkSummary"];
export type SummaryFigure = Schemas["ReportingFigure"];
export type AnnualReport = Schemas["ReportingAnnualReportOut"];
export type AnnualReportSummary = Schemas["ReportingAnnualReportSummary"];
export type AnnualStatus = Schemas["ReportingAnnualStatusOut"];
export type AnnualDifferences = Schemas["ReportingDifferencesOut"];
export type AnnualTables = Schemas["ReportingAnnualTables"];
export type ReportScope = Schemas["ReportingReportScope"];
export type SectionsIn = Schemas["ReportingSectionsIn"];
export type BulletinFormat = "xlsx" | "docx";

export interface SummaryQuery {
  unitId: number;
  dateFrom: string;
  dateTo: string;
  below: boolean;
}

export const reportingKeys = {
  all: ["reporting"] as const,
  overview: (unitId: number) => [...reportingKeys.all, "overview", unitId] as const,
  bulletins: (unitId: number) => [...reportingKeys.all, "bulletins", unitId] as const,
  bulletin: (unitId: number, year: number, month: number) =>
    [...reportingKeys.bulletins(unitId), year, month] as const,
  weights: (unitId: number) => [...reportingKeys.all, "weights", unitId] as const,
  summary: (query: SummaryQuery) => [...reportingKeys.all, "summary", query] as const,
  annual: () => [...reportingKeys.all, "annual"] as const,
  annualList: (year: number, unitId: number) => [...reportingKeys.annual(), "list", year, unitId] as const,
  annualReport: (reportId: number) => [...reportingKeys.annual(), "report", reportId] as const,
  annualDifferences: (reportId: number) => [...reportingKeys.annualReport(reportId), "differences"] as const,
  annualStatus: (year: number, unitId: number) => [...reportingKeys.annual(), "status", year, unitId] as const,
};

export function useUnitOverview(unitId: number) {
  return useQuery({
    queryKey: reportingKeys.overview(unitId),
    queryFn: () =>
      unwrap(api.GET("/api/reporting/units/{unit_id}/overview", { params: { path: { unit_id: unitId } } })),
  });
}

// --- 每月考评通报 ------------------------------------------------------------------------------

export function useBulletins(unitId: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.bulletins(unitId ?? 0),
    queryFn: () =>
      unwrap(api.GET("/api/reporting/units/{unit_id}/bulletins", { params: { path: { unit_id: unitId! } } })),
    enabled: unitId !== undefined,
  });
}

/** A month's bulletin; `null` while it has not been drawn up (the API answers 404). */
export function useBulletin(unitId: number | undefined, year: number, month: number) {
  return useQuery({
    queryKey: reportingKeys.bulletin(unitId ?? 0, year, month),
    queryFn: async (): Promise<Bulletin | null> => {
      const answer = await api.GET("/api/reporting/units/{unit_id}/bulletins/{year}/{month}", {
        params: { path: { unit_id: unitId!, year, month } },
      });
      if (answer.response.status === 404) return null;
      return unwrap(Promise.resolve(answer));
    },
    enabled: unitId !== undefined,
  });
}

interface MonthOf {
  unitId: number;
  year: number;
  month: number;
}

const monthKeys = (_: unknown, v: MonthOf) => [reportingKeys.bulletins(v.unitId)];

export function useDrawUpBulletin(options?: MutationOptions<Bulletin, MonthOf>) {
  return useApiMutation(
    ({ unitId, year, month }: MonthOf) =>
      unwrap(
        api.POST("/api/reporting/units/{unit_id}/bulletins", {
          params: { path: { unit_id: unitId } },
          body: { year, month },
        }),
      ),
    monthKeys,
    options,
  );
}

export function useIssueBulletin(options?: MutationOptions<Bulletin, MonthOf>) {
  return useApiMutation(
    ({ unitId, year, month }: MonthOf) =>
      unwrap(
        api.POST("/api/reporting/units/{unit_id}/bulletins/{year}/{month}/issue", {
          params: { path: { unit_id: unitId, year, month } },
        }),
      ),
    monthKeys,
    options,
  );
}

export function usePublishBulletin(options?: MutationOptions<Bulletin, MonthOf>) {
  return useApiMutation(
    ({ unitId, year, month }: MonthOf) =>
      unwrap(
        api.POST("/api/reporting/units/{unit_id}/bulletins/{year}/{month}/publish", {
          params: { path: { unit_id: unitId, year, month } },
        }),
      ),
    monthKeys,
    options,
  );
}

export async function downloadBulletin({ unitId, year, month }: MonthOf, format: BulletinFormat): Promise<Blob> {
  const blob: unknown = await unwrap(
    api.GET("/api/reporting/units/{unit_id}/bulletins/{year}/{month}/export", {
      params: { path: { unit_id: unitId, year, month }, query: { format } },
      parseAs: "blob",
    }),
  );
  return blob as Blob;
}

export function useWeights(unitId: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.weights(unitId ?? 0),
    queryFn: () =>
      unwrap(
        api.GET("/api/reporting/units/{unit_id}/bulletin-weights", { params: { path: { unit_id: unitId! } } }),
      ),
    enabled: unitId !== undefined,
  });
}

export function useSetWeights(options?: MutationOptions<WeightsOut, { unitId: number; weights: Weights }>) {
  return useApiMutation(
    ({ unitId, weights }: { unitId: number; weights: Weights }) =>
      unwrap(
        api.PUT("/api/reporting/units/{unit_id}/bulletin-weights", {
          params: { path: { unit_id: unitId } },
          body: weights,
        }),
      ),
    (_, v) => [reportingKeys.weights(v.unitId)],
    options,
  );
}

// --- 工作总结数据 ------------------------------------------------------------------------------

export function useWorkSummary(query: SummaryQuery | undefined) {
  return useQuery({
    queryKey: reportingKeys.summary(query ?? { unitId: 0, dateFrom: "", dateTo: "", below: false }),
    queryFn: () =>
      unwrap(
        api.GET("/api/reporting/units/{unit_id}/summary", {
          params: {
            path: { unit_id: query!.unitId },
            query: { date_from: query!.dateFrom, date_to: query!.dateTo, below: query!.below },
          },
        }),
      ),
    enabled: query !== undefined,
  });
}

// --- 年度报告 ---------------------------------------------------------------------------------

/** The reports of a unit and those below it for a year (each unit's, and the region's). */
export function useAnnualReports(year: number, unitId: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.annualList(year, unitId ?? 0),
    queryFn: () => unwrap(api.GET("/api/reporting/annual/reports", { params: { query: { year, unit_id: unitId } } })),
    enabled: unitId !== undefined,
  });
}

export function useAnnualReport(reportId: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.annualReport(reportId ?? 0),
    queryFn: () =>
      unwrap(
        api.GET("/api/reporting/annual/reports/{report_id}", { params: { path: { report_id: reportId! } } }),
      ),
    enabled: reportId !== undefined,
  });
}

/** A finalised report's snapshot against what the services say today, cell by cell. */
export function useAnnualDifferences(reportId: number, enabled: boolean) {
  return useQuery({
    queryKey: reportingKeys.annualDifferences(reportId),
    queryFn: () =>
      unwrap(
        api.GET("/api/reporting/annual/reports/{report_id}/differences", {
          params: { path: { report_id: reportId } },
        }),
      ),
    enabled,
  });
}

/** Article 49: every unit in reach and its report for the year, by the deadline. */
export function useAnnualStatus(year: number, unitId: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.annualStatus(year, unitId ?? 0),
    queryFn: () => unwrap(api.GET("/api/reporting/annual/status", { params: { query: { year, unit_id: unitId } } })),
    enabled: unitId !== undefined,
  });
}

const annualChanged = () => [reportingKeys.annual()];

export function useCreateAnnualReport(
  options?: MutationOptions<AnnualReport, { unitId: number; year: number; scope: ReportScope }>,
) {
  return useApiMutation(
    ({ unitId, year, scope }: { unitId: number; year: number; scope: ReportScope }) =>
      unwrap(
        api.POST("/api/reporting/annual/units/{unit_id}/reports", {
          params: { path: { unit_id: unitId } },
          body: { year, scope },
        }),
      ),
    annualChanged,
    options,
  );
}

export function useEditSections(reportId: number, options?: MutationOptions<AnnualReport, SectionsIn>) {
  return useApiMutation(
    (body: SectionsIn) =>
      unwrap(
        api.PATCH("/api/reporting/annual/reports/{report_id}/sections", {
          params: { path: { report_id: reportId } },
          body,
        }),
      ),
    annualChanged,
    options,
  );
}

export type AnnualStep = "regenerate" | "finalise" | "reopen" | "publish";

/** A step of the report's life: read again, finalise (定稿), back to a draft, publish. */
export function useAnnualStep(reportId: number, options?: MutationOptions<AnnualReport, AnnualStep>) {
  return useApiMutation(
    (step: AnnualStep) => {
      const params = { params: { path: { report_id: reportId } } };
      switch (step) {
        case "regenerate":
          return unwrap(api.POST("/api/reporting/annual/reports/{report_id}/regenerate", params));
        case "finalise":
          return unwrap(api.POST("/api/reporting/annual/reports/{report_id}/finalise", params));
        case "reopen":
          return unwrap(api.POST("/api/reporting/annual/reports/{report_id}/reopen", params));
        case "publish":
          return unwrap(api.POST("/api/reporting/annual/reports/{report_id}/publish", params));
      }
    },
    annualChanged,
    options,
  );
}

export type AnnualFormat = "docx" | "pdf" | "xlsx" | "html";

/** The report's file, as the service draws it (Word as filed, PDF, Excel, HTML). */
export async function downloadAnnualReport(reportId: number, format: AnnualFormat): Promise<Blob> {
  const params = { params: { path: { report_id: reportId } }, parseAs: "blob" as const };
  let blob: unknown;
  switch (format) {
    case "docx":
      blob = await unwrap(api.GET("/api/reporting/annual/reports/{report_id}/export.docx", params));
      break;
    case "pdf":
      blob = await unwrap(api.GET("/api/reporting/annual/reports/{report_id}/export.pdf", params));
      break;
    case "xlsx":
      blob = await unwrap(api.GET("/api/reporting/annual/reports/{report_id}/export.xlsx", params));
      break;
    case "html":
      blob = await unwrap(api.GET("/api/reporting/annual/reports/{report_id}/export.html", params));
      break;
  }
  return blob as Blob;
}

/** Published annual reports, for the public: every unit's, or one year's. */
export function usePublishedAnnualReports(year: number | undefined) {
  return useQuery({
    queryKey: [...reportingKeys.annual(), "published", year ?? "all"] as const,
    queryFn: () => unwrap(api.GET("/api/reporting/annual/published", { params: { query: { year } } })),
  });
}

/** One published report, for the public (its snapshot). */
export function usePublishedAnnualReport(reportId: number | undefined) {
  return useQuery({
    queryKey: [...reportingKeys.annual(), "published-report", reportId ?? 0] as const,
    queryFn: () =>
      unwrap(
        api.GET("/api/reporting/annual/published/{report_id}", { params: { path: { report_id: reportId! } } }),
      ),
    enabled: reportId !== undefined,
  });
}

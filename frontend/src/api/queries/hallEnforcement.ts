// The register of 行政处罚 and 行政强制 decisions (双公示, annual report table 二): the list, one
// decision entered, a spreadsheet imported (every row or none), the template downloaded.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type DecisionIn = Schemas["HallDecisionIn"];
export type DecisionOut = Schemas["HallDecisionOut"];
export type ImportReport = Schemas["HallImportReport"];
export type DecisionQuery = NonNullable<operations["hall-enforcement-list_decisions"]["parameters"]["query"]>;

export const hallEnforcementKeys = {
  all: ["hall", "enforcement"] as const,
  lists: () => [...hallEnforcementKeys.all, "list"] as const,
  list: (query: DecisionQuery) => [...hallEnforcementKeys.lists(), query] as const,
};

export function useDecisions(query: DecisionQuery) {
  return useQuery({
    queryKey: hallEnforcementKeys.list(query),
    queryFn: () => unwrap(api.GET("/api/hall/enforcement/decisions", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useRegisterDecision(options?: MutationOptions<DecisionOut, DecisionIn>) {
  return useApiMutation(
    (body: DecisionIn) => unwrap(api.POST("/api/hall/enforcement/decisions", { body })),
    () => [hallEnforcementKeys.lists()],
    options,
  );
}

/** Import a spreadsheet; the report lists every row's errors when nothing was stored. */
export function useImportDecisions(options?: MutationOptions<ImportReport, File>) {
  return useApiMutation(
    (file: File) =>
      unwrap(
        api.POST("/api/hall/enforcement/imports", {
          body: { file: file as unknown as string },
          bodySerializer: () => {
            const form = new FormData();
            form.append("file", file);
            return form;
          },
        }),
      ),
    (report) => (report.imported ? [hallEnforcementKeys.lists()] : []),
    options,
  );
}

/** The XLSX template, fetched with the staff token. */
export async function downloadTemplate(): Promise<Blob> {
  const blob: unknown = await unwrap(api.GET("/api/hall/enforcement/template", { parseAs: "blob" }));
  return blob as Blob;
}

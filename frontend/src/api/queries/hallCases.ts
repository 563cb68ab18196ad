// 办件: the clerk's case desk. Every step answers with the case as it stands after it, which
// replaces the cached detail; the lists are read again.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type Case = Schemas["HallCaseOut"];
export type CaseRow = Schemas["HallCaseRow"];
export type CasePage = Schemas["HallCasePage"];
export type CaseReceiveIn = Schemas["HallCaseReceiveIn"];
export type Received = Schemas["HallReceived"];
export type Progress = Schemas["HallProgressOut"];

export interface CaseFilters {
  page: number;
  size: number;
  open?: boolean;
  mine?: boolean;
  warning?: "none" | "yellow" | "red";
  refusals?: boolean;
  window_id?: number;
}

export const caseKeys = {
  all: ["hallCases"] as const,
  lists: () => [...caseKeys.all, "list"] as const,
  list: (filters: CaseFilters) => [...caseKeys.lists(), filters] as const,
  detail: (caseId: number) => [...caseKeys.all, "detail", caseId] as const,
};

export function useCases(filters: CaseFilters, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: () => unwrap(api.GET("/api/hall/cases", { params: { query: filters } })),
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function useCase(caseId: number) {
  return useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => unwrap(api.GET("/api/hall/cases/{case_id}", { params: { path: { case_id: caseId } } })),
  });
}

export function useReceiveCase(options?: MutationOptions<Received, CaseReceiveIn>) {
  return useApiMutation(
    (body: CaseReceiveIn) => unwrap(api.POST("/api/hall/cases", { body })),
    () => [caseKeys.lists()],
    options,
  );
}

/** The steps of a case, by the names `next_steps` gives them, with their bodies. */
export interface StepBodies {
  accept: undefined;
  notify_missing: Schemas["HallNoticeIn"];
  refuse: Schemas["HallRefuseIn"];
  add_step: Schemas["HallStepIn"];
  suspend: Schemas["HallSuspendIn"];
  resume: Schemas["HallResumeIn"];
  extend: Schemas["HallExtendIn"];
  decide: Schemas["HallDecideIn"];
  complete: Schemas["HallCompleteIn"];
  deliver: Schemas["HallDeliverIn"];
  split: Schemas["HallSubCasesIn"];
  review_refusal: Schemas["HallReviewIn"];
}
export type StepName = keyof StepBodies;
export type StepCall = { [K in StepName]: { step: K; body: StepBodies[K] } }[StepName];

function call(caseId: number, { step, body }: StepCall): Promise<Case> {
  const path = { params: { path: { case_id: caseId } } };
  switch (step) {
    case "accept":
      return unwrap(api.POST("/api/hall/cases/{case_id}/accept", path));
    case "notify_missing":
      return unwrap(api.POST("/api/hall/cases/{case_id}/notice", { ...path, body }));
    case "refuse":
      return unwrap(api.POST("/api/hall/cases/{case_id}/refuse", { ...path, body }));
    case "add_step":
      return unwrap(api.POST("/api/hall/cases/{case_id}/steps", { ...path, body }));
    case "suspend":
      return unwrap(api.POST("/api/hall/cases/{case_id}/suspend", { ...path, body }));
    case "resume":
      return unwrap(api.POST("/api/hall/cases/{case_id}/resume", { ...path, body }));
    case "extend":
      return unwrap(api.POST("/api/hall/cases/{case_id}/extend", { ...path, body }));
    case "decide":
      return unwrap(api.POST("/api/hall/cases/{case_id}/decide", { ...path, body }));
    case "complete":
      return unwrap(api.POST("/api/hall/cases/{case_id}/complete", { ...path, body }));
    case "deliver":
      return unwrap(api.POST("/api/hall/cases/{case_id}/deliver", { ...path, body }));
    case "split":
      return unwrap(api.POST("/api/hall/cases/{case_id}/sub-cases", { ...path, body }));
    case "review_refusal":
      return unwrap(api.POST("/api/hall/cases/{case_id}/review-refusal", { ...path, body }));
  }
}

/** Take one of the steps the case offers; the answer is the case after it. */
export function useCaseStep(caseId: number, options?: MutationOptions<Case, StepCall>) {
  const queryClient = useQueryClient();
  return useApiMutation(
    (step: StepCall) => call(caseId, step),
    (updated) => {
      queryClient.setQueryData(caseKeys.detail(caseId), updated);
      return [caseKeys.lists()];
    },
    options,
  );
}

/** The applicant's view of a case, with its number and query code (public). */
export function useCaseProgress(options?: MutationOptions<Progress, Schemas["HallProgressIn"]>) {
  return useApiMutation(
    (body: Schemas["HallProgressIn"]) => unwrap(api.POST("/api/hall/cases/progress", { body })),
    () => [],
    options,
  );
}

// 依申请公开: the applications service's applications, as the public submits and follows them
// and as the staff handle them. A step on an application changes the application, its history
// and the inbox; the history and remedies sit under the application's key for that reason.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
type Submitted = Schemas["ApplicationsSubmitted"];
export type InboxQuery = NonNullable<operations["applications-applications-inbox"]["parameters"]["query"]>;

export const applicationKeys = {
  all: ["applications"] as const,
  lists: () => [...applicationKeys.all, "list"] as const,
  list: (query: InboxQuery) => [...applicationKeys.lists(), query] as const,
  details: () => [...applicationKeys.all, "detail"] as const,
  detail: (applicationId: number) => [...applicationKeys.details(), applicationId] as const,
  history: (applicationId: number) => [...applicationKeys.detail(applicationId), "history"] as const,
  remedies: (applicationId: number) => [...applicationKeys.detail(applicationId), "remedies"] as const,
  letter: (applicationId: number) => [...applicationKeys.detail(applicationId), "letter"] as const,
  handlers: (unitId: number) => [...applicationKeys.all, "handlers", unitId] as const,
};

const onApplication = (applicationId: number) => ({ params: { path: { application_id: applicationId } } });

/** 依申请公开办理: the applications in reach, the next legal action first (the service's order),
 * a page at a time; `q` finds one by tracking number or applicant. */
export function useInbox(query: InboxQuery) {
  return useQuery({
    queryKey: applicationKeys.list(query),
    queryFn: () => unwrap(api.GET("/api/applications/applications", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useApplication(applicationId: number) {
  return useQuery({
    queryKey: applicationKeys.detail(applicationId),
    queryFn: () => unwrap(api.GET("/api/applications/applications/{application_id}", onApplication(applicationId))),
  });
}

export function useApplicationHistory(applicationId: number) {
  return useQuery({
    queryKey: applicationKeys.history(applicationId),
    queryFn: () =>
      unwrap(api.GET("/api/applications/applications/{application_id}/history", onApplication(applicationId))),
  });
}

/** 答复告知书: the reply letter's text once decided (for those who handle applications). */
export function useApplicationLetter(applicationId: number, enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.letter(applicationId),
    queryFn: () =>
      unwrap(api.GET("/api/applications/applications/{application_id}/letter", onApplication(applicationId))),
    enabled,
  });
}

export type Person = Schemas["PersonOut"];

/** 经办人: the people who may handle a unit's applications (its own handlers, then the office
 * above), by name, from the gateway; an application's handler is picked from them. */
export function useHandlersOf(unitId: number, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.handlers(unitId),
    queryFn: () =>
      unwrap(api.GET("/api/auth/people", { params: { query: { unit_id: unitId, work: "handle_applications" } } })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export type LetterFormat = "docx" | "pdf";

/** 答复告知书 as a file (Word to adjust and sign, PDF), once the decision is taken. */
export async function downloadLetter(applicationId: number, format: LetterFormat): Promise<Blob> {
  const params = { ...onApplication(applicationId), parseAs: "blob" as const };
  const blob: unknown = await unwrap(
    format === "docx"
      ? api.GET("/api/applications/applications/{application_id}/letter.docx", params)
      : api.GET("/api/applications/applications/{application_id}/letter.pdf", params),
  );
  return blob as Blob;
}

/** 行政复议和行政诉讼 brought against the answer. */
export function useRemedies(applicationId: number) {
  return useQuery({
    queryKey: applicationKeys.remedies(applicationId),
    queryFn: () =>
      unwrap(api.GET("/api/applications/applications/{application_id}/remedies", onApplication(applicationId))),
  });
}

/** 网上申请: the applicant gets a tracking number and a query code, shown once. */
export function useApplyOnline(options?: MutationOptions<Submitted, Schemas["ApplicationsApplicationIn"]>) {
  return useApiMutation(
    (body: Schemas["ApplicationsApplicationIn"]) => unwrap(api.POST("/api/applications/applications", { body })),
    () => [],
    options,
  );
}

/** 登记: a letter, fax, e-mail or visit entered by the staff. */
export function useRegisterApplication(
  options?: MutationOptions<Submitted, Schemas["ApplicationsRegisteredApplicationIn"]>,
) {
  return useApiMutation(
    (body: Schemas["ApplicationsRegisteredApplicationIn"]) =>
      unwrap(api.POST("/api/applications/applications/registered", { body })),
    () => [applicationKeys.lists()],
    options,
  );
}

type TrackIn = Schemas["ApplicationsTrackIn"];

/** 申请查询: a POST, so that the query code stays out of addresses and logs. */
export function useTrackApplication(options?: MutationOptions<Schemas["ApplicationsPublicStatus"], TrackIn>) {
  return useApiMutation(
    (body: TrackIn) => unwrap(api.POST("/api/applications/applications/track", { body })),
    () => [],
    options,
  );
}

/** The answer letter (答复书) as a PDF, for the applicant who tracked the application. */
export function useTrackLetter(options?: MutationOptions<Blob, TrackIn>) {
  return useApiMutation(
    async (body: TrackIn) => {
      const data: unknown = await unwrap(
        api.POST("/api/applications/applications/track/letter", { body: { ...body, format: "pdf" }, parseAs: "blob" }),
      );
      return data as Blob;
    },
    () => [],
    options,
  );
}

/** The steps of handling an application (办理), each a call typed by its request body. */
export function applicationSteps(applicationId: number) {
  const path = onApplication(applicationId);
  return {
    confirmReceipt: (body: Schemas["ApplicationsConfirmReceiptIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/receipt", { ...path, body })),
    assign: (body: Schemas["ApplicationsAssignIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/assign", { ...path, body })),
    requestSupplement: (body: Schemas["ApplicationsSupplementRequestIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/supplement-request", { ...path, body })),
    supplementReceived: (body: Schemas["ApplicationsSupplementReceivedIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/supplement-received", { ...path, body })),
    requestExplanation: (body: Schemas["ApplicationsExplanationRequestIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/explanation-request", { ...path, body })),
    explanationReceived: (body: Schemas["ApplicationsExplanationReceivedIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/explanation-received", { ...path, body })),
    askOpinion: (body: Schemas["ApplicationsOpinionIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/opinions", { ...path, body })),
    answerOpinion: (opinionId: number) => (body: Schemas["ApplicationsOpinionAnswerIn"]) =>
      unwrap(
        api.POST("/api/applications/applications/{application_id}/opinions/{opinion_id}/answer", {
          params: { path: { application_id: applicationId, opinion_id: opinionId } },
          body,
        }),
      ),
    extend: (body: Schemas["ApplicationsExtensionIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/extension", { ...path, body })),
    notifyFee: (body: Schemas["ApplicationsFeeNoticeIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/fee-notice", { ...path, body })),
    feePaid: (body: Schemas["ApplicationsFeePaidIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/fee-paid", { ...path, body })),
    decide: (body: Schemas["ApplicationsDecisionIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/decision", { ...path, body })),
    reply: (body: Schemas["ApplicationsReplyIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/reply", { ...path, body })),
    addRemedy: (body: Schemas["ApplicationsRemedyIn"]) =>
      unwrap(api.POST("/api/applications/applications/{application_id}/remedies", { ...path, body })),
  };
}

/** One step on an application; the application (history, remedies, letter) is read again
 * before the step counts as done, so that what follows it (the step offered next) shows the
 * application as it now stands; the inbox is read again too. */
export function useApplicationStep<TVariables>(
  applicationId: number,
  step: (variables: TVariables) => Promise<unknown>,
  options?: MutationOptions<unknown, TVariables>,
) {
  const queryClient = useQueryClient();
  return useApiMutation(
    async (variables: TVariables) => {
      const answer = await step(variables);
      await queryClient.invalidateQueries({ queryKey: applicationKeys.detail(applicationId) });
      return answer;
    },
    () => [applicationKeys.lists()],
    options,
  );
}

// 咨询与留言 (consultations and messages to the leaders' mailbox): asked on the portal, answered in
// the console, read and rated by the asker with the number and the code. Answering changes the
// inquiry and the lists, so both are read again.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type Inquiry = Schemas["ApplicationsInquiryOut"];
export type InquiryIn = Schemas["ApplicationsInquiryIn"];
export type InquirySubmitted = Schemas["ApplicationsInquirySubmitted"];
export type PublicInquiry = Schemas["ApplicationsPublicInquiry"];
export type Satisfaction = Schemas["ApplicationsSatisfaction"];
export type InquiryListQuery = NonNullable<operations["applications-inquiries-list_inquiries"]["parameters"]["query"]>;

export const inquiryKeys = {
  all: ["inquiries"] as const,
  lists: () => [...inquiryKeys.all, "list"] as const,
  list: (query: InquiryListQuery) => [...inquiryKeys.lists(), query] as const,
  details: () => [...inquiryKeys.all, "detail"] as const,
  detail: (inquiryId: number) => [...inquiryKeys.details(), inquiryId] as const,
  history: (inquiryId: number) => [...inquiryKeys.detail(inquiryId), "history"] as const,
};

const onInquiry = (inquiryId: number) => ({ params: { path: { inquiry_id: inquiryId } } });

/** The inquiries of the caller's units, open first and soonest due first, a page at a time. */
export function useInquiries(query: InquiryListQuery) {
  return useQuery({
    queryKey: inquiryKeys.list(query),
    queryFn: () => unwrap(api.GET("/api/applications/inquiries", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useInquiry(inquiryId: number) {
  return useQuery({
    queryKey: inquiryKeys.detail(inquiryId),
    queryFn: () => unwrap(api.GET("/api/applications/inquiries/{inquiry_id}", onInquiry(inquiryId))),
  });
}

export function useInquiryHistory(inquiryId: number) {
  return useQuery({
    queryKey: inquiryKeys.history(inquiryId),
    queryFn: () => unwrap(api.GET("/api/applications/inquiries/{inquiry_id}/history", onInquiry(inquiryId))),
  });
}

/** 网上咨询或留言: the asker gets a number and a code, shown once. */
export function useAskOnline(options?: MutationOptions<InquirySubmitted, InquiryIn>) {
  return useApiMutation(
    (body: InquiryIn) => unwrap(api.POST("/api/applications/inquiries", { body })),
    () => [],
    options,
  );
}

/** 答复: once; the asker reads it with the code. */
export function useAnswerInquiry(
  inquiryId: number,
  options?: MutationOptions<Inquiry, Schemas["ApplicationsAnswerIn"]>,
) {
  return useApiMutation(
    (body: Schemas["ApplicationsAnswerIn"]) =>
      unwrap(api.POST("/api/applications/inquiries/{inquiry_id}/answer", { ...onInquiry(inquiryId), body })),
    () => [inquiryKeys.detail(inquiryId), inquiryKeys.lists()],
    options,
  );
}

export interface ReadAnswer {
  inquiryId: number;
  token: string;
}

/** 查看答复: the question and its answer for whoever holds the number and the code. A mutation,
 * as the page asks only when the asker presses 查询. */
export function useReadAnswer(options?: MutationOptions<PublicInquiry, ReadAnswer>) {
  return useApiMutation(
    ({ inquiryId, token }: ReadAnswer) =>
      unwrap(
        api.GET("/api/applications/inquiries/{inquiry_id}/public", {
          params: { path: { inquiry_id: inquiryId }, query: { token } },
        }),
      ),
    () => [],
    options,
  );
}

/** 评价: the asker rates the answer, once. */
export function useRateAnswer(options?: MutationOptions<PublicInquiry, ReadAnswer & { satisfaction: Satisfaction }>) {
  return useApiMutation(
    ({ inquiryId, token, satisfaction }: ReadAnswer & { satisfaction: Satisfaction }) =>
      unwrap(
        api.POST("/api/applications/inquiries/{inquiry_id}/satisfaction", {
          ...onInquiry(inquiryId),
          body: { token, satisfaction },
        }),
      ),
    () => [],
    options,
  );
}

/** 登记: a consultation taken at the counter or on the phone; the asker is told the code. */
export function useRegisterInquiry(
  options?: MutationOptions<InquirySubmitted, Schemas["ApplicationsRegisteredInquiryIn"]>,
) {
  return useApiMutation(
    (body: Schemas["ApplicationsRegisteredInquiryIn"]) =>
      unwrap(api.POST("/api/applications/inquiries/registered", { body })),
    () => [inquiryKeys.lists()],
    options,
  );
}

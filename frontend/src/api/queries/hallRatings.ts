// 好差评 and 效能投诉: the public rating page and complaint form, a window's rating tablet, and
// the supervisors' follow-ups and complaints. Keys start with the service's name.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
type Query<K extends keyof operations> = NonNullable<operations[K]["parameters"]["query"]>;
export type CaseKey = Schemas["HallCaseKey"];
export type RateableCase = Schemas["HallRateableCase"];
export type PublicRatingIn = Schemas["HallPublicRatingIn"];
export type RatingOut = Schemas["HallRatingOut"];
export type InvitationOut = Schemas["HallInvitationOut"];
export type FollowUpOut = Schemas["HallFollowUpOut"];
export type FollowUpQuery = Query<"hall-ratings-list_follow_ups">;
export type ComplaintIn = Schemas["HallComplaintIn"];
export type ComplaintOut = Schemas["HallComplaintOut"];
export type ComplaintQuery = Query<"hall-ratings-list_complaints">;
export type CentreTargets = Schemas["HallCentreTargets"];

/** The five levels of 好差评, best first (the service's 1..5). */
export const RATING_LEVELS = [
  { level: 1, label: "非常满意" },
  { level: 2, label: "满意" },
  { level: 3, label: "基本满意" },
  { level: 4, label: "不满意" },
  { level: 5, label: "非常不满意" },
] as const;

export const hallRatingKeys = {
  all: ["hall", "ratings"] as const,
  followUps: () => [...hallRatingKeys.all, "follow-ups"] as const,
  followUpList: (query: FollowUpQuery) => [...hallRatingKeys.followUps(), query] as const,
  complaints: () => [...hallRatingKeys.all, "complaints"] as const,
  complaintList: (query: ComplaintQuery) => [...hallRatingKeys.complaints(), query] as const,
  targets: () => [...hallRatingKeys.all, "targets"] as const,
  invitation: (windowId: number) => [...hallRatingKeys.all, "tablet", windowId] as const,
};

// --- the public rating page -------------------------------------------------------------------

export function useLookUpCase(options?: MutationOptions<RateableCase, CaseKey>) {
  return useApiMutation(
    (body: CaseKey) => unwrap(api.POST("/api/hall/ratings/lookup", { body })),
    () => [],
    options,
  );
}

export function useRateCase(options?: MutationOptions<RatingOut, PublicRatingIn>) {
  return useApiMutation(
    (body: PublicRatingIn) => unwrap(api.POST("/api/hall/ratings", { body })),
    () => [],
    options,
  );
}

// --- the window's tablet (评价器) ---------------------------------------------------------------

const tabletKeyName = (windowId: number) => `sunshine.tablet.${windowId}`;

/** The key this browser was paired with for the window, kept on the tablet itself. */
export function storedTabletKey(windowId: number): string | null {
  return window.localStorage.getItem(tabletKeyName(windowId));
}

export function storeTabletKey(windowId: number, key: string): void {
  window.localStorage.setItem(tabletKeyName(windowId), key);
}

/** Pair this browser as the window's tablet (the office, signed in on the tablet). */
export function usePairTablet(windowId: number, options?: MutationOptions<Schemas["HallTabletKey"], void>) {
  return useApiMutation(
    async () => {
      const paired = await unwrap(
        api.PUT("/api/hall/ratings/tablets/{window_id}", { params: { path: { window_id: windowId } } }),
      );
      storeTabletKey(windowId, paired.key);
      return paired;
    },
    () => [hallRatingKeys.invitation(windowId)],
    options,
  );
}

/** What the tablet offers now; polled, since a completion at the window may come any time. */
export function useTabletInvitation(windowId: number, key: string | null, intervalMs = 3000) {
  return useQuery({
    queryKey: hallRatingKeys.invitation(windowId),
    queryFn: () =>
      unwrap(
        api.GET("/api/hall/ratings/tablets/{window_id}/invitation", {
          params: { path: { window_id: windowId }, header: { "x-tablet-key": key ?? "" } },
        }),
      ),
    enabled: !!key,
    refetchInterval: intervalMs,
    retry: false,
  });
}

export interface TabletRating {
  invitation_id: number;
  level: number;
  comment: string;
}

export function useRateAtTablet(windowId: number, key: string | null, options?: MutationOptions<RatingOut, TabletRating>) {
  return useApiMutation(
    (body: TabletRating) =>
      unwrap(
        api.POST("/api/hall/ratings/tablets/{window_id}/ratings", {
          params: { path: { window_id: windowId }, header: { "x-tablet-key": key ?? "" } },
          body,
        }),
      ),
    () => [hallRatingKeys.invitation(windowId)],
    options,
  );
}

// --- follow-ups and complaints (电子监察) -------------------------------------------------------

export function useFollowUps(query: FollowUpQuery) {
  return useQuery({
    queryKey: hallRatingKeys.followUpList(query),
    queryFn: () => unwrap(api.GET("/api/hall/ratings/follow-ups", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useCloseFollowUp(options?: MutationOptions<FollowUpOut, { id: number; result: string }>) {
  return useApiMutation(
    ({ id, result }: { id: number; result: string }) =>
      unwrap(
        api.POST("/api/hall/ratings/follow-ups/{follow_up_id}/close", {
          params: { path: { follow_up_id: id } },
          body: { result },
        }),
      ),
    () => [hallRatingKeys.followUps()],
    options,
  );
}

export function useComplaintTargets() {
  return useQuery({
    queryKey: hallRatingKeys.targets(),
    queryFn: () => unwrap(api.GET("/api/hall/complaints/targets")),
  });
}

export function useFileComplaint(options?: MutationOptions<Schemas["HallComplaintReceipt"], ComplaintIn>) {
  return useApiMutation(
    (body: ComplaintIn) => unwrap(api.POST("/api/hall/complaints", { body })),
    () => [],
    options,
  );
}

export function useComplaints(query: ComplaintQuery) {
  return useQuery({
    queryKey: hallRatingKeys.complaintList(query),
    queryFn: () => unwrap(api.GET("/api/hall/complaints", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export type ComplaintStep = { id: number; action: "handle"; note: string } | { id: number; action: "close"; result: string };

export function useComplaintStep(options?: MutationOptions<ComplaintOut, ComplaintStep>) {
  return useApiMutation(
    (step: ComplaintStep) =>
      unwrap(
        step.action === "handle"
          ? api.POST("/api/hall/complaints/{complaint_id}/handling", {
              params: { path: { complaint_id: step.id } },
              body: { note: step.note },
            })
          : api.POST("/api/hall/complaints/{complaint_id}/close", {
              params: { path: { complaint_id: step.id } },
              body: { result: step.result },
            }),
      ),
    () => [hallRatingKeys.complaints()],
    options,
  );
}

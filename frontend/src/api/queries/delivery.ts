// 消息投递: each component keeps its own outbox; the gateway's is at /api/outbox, a service's
// under its prefix. The paths are spelled out so that the generated client checks each of them.
import { useQuery } from "@tanstack/react-query";
import type { ComponentName } from "../../lib/labels";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Message = components["schemas"]["OutboxMessageOut"];

const OUTBOX = {
  gateway: {
    summary: () => unwrap(api.GET("/api/outbox/summary")),
    dead: () => unwrap(api.GET("/api/outbox/dead")),
    pending: () => unwrap(api.GET("/api/outbox/pending")),
    replay: (id: number) =>
      unwrap(api.POST("/api/outbox/{message_id}/replay", { params: { path: { message_id: id } } })),
  },
  catalog: {
    summary: () => unwrap(api.GET("/api/catalog/outbox/summary")),
    dead: () => unwrap(api.GET("/api/catalog/outbox/dead")),
    pending: () => unwrap(api.GET("/api/catalog/outbox/pending")),
    replay: (id: number) =>
      unwrap(api.POST("/api/catalog/outbox/{message_id}/replay", { params: { path: { message_id: id } } })),
  },
  applications: {
    summary: () => unwrap(api.GET("/api/applications/outbox/summary")),
    dead: () => unwrap(api.GET("/api/applications/outbox/dead")),
    pending: () => unwrap(api.GET("/api/applications/outbox/pending")),
    replay: (id: number) =>
      unwrap(
        api.POST("/api/applications/outbox/{message_id}/replay", { params: { path: { message_id: id } } }),
      ),
  },
  hall: {
    summary: () => unwrap(api.GET("/api/hall/outbox/summary")),
    dead: () => unwrap(api.GET("/api/hall/outbox/dead")),
    pending: () => unwrap(api.GET("/api/hall/outbox/pending")),
    replay: (id: number) =>
      unwrap(api.POST("/api/hall/outbox/{message_id}/replay", { params: { path: { message_id: id } } })),
  },
  reporting: {
    summary: () => unwrap(api.GET("/api/reporting/outbox/summary")),
    dead: () => unwrap(api.GET("/api/reporting/outbox/dead")),
    pending: () => unwrap(api.GET("/api/reporting/outbox/pending")),
    replay: (id: number) =>
      unwrap(
        api.POST("/api/reporting/outbox/{message_id}/replay", { params: { path: { message_id: id } } }),
      ),
  },
} satisfies Record<ComponentName, unknown>;

export const outboxKeys = {
  all: ["outbox"] as const,
  component: (name: ComponentName) => [...outboxKeys.all, name] as const,
  summary: (name: ComponentName) => [...outboxKeys.component(name), "summary"] as const,
  dead: (name: ComponentName) => [...outboxKeys.component(name), "dead"] as const,
  pending: (name: ComponentName) => [...outboxKeys.component(name), "pending"] as const,
};

export function useOutboxSummary(name: ComponentName) {
  return useQuery({ queryKey: outboxKeys.summary(name), queryFn: OUTBOX[name].summary });
}

/** 死信: messages that failed every attempt, waiting for someone to replay them. */
export function useDeadMessages(name: ComponentName) {
  return useQuery({ queryKey: outboxKeys.dead(name), queryFn: OUTBOX[name].dead });
}

export function usePendingMessages(name: ComponentName) {
  return useQuery({ queryKey: outboxKeys.pending(name), queryFn: OUTBOX[name].pending });
}

export function useReplayMessage(name: ComponentName, options?: MutationOptions<Message, Message>) {
  return useApiMutation(
    (message: Message) => OUTBOX[name].replay(message.id),
    () => [outboxKeys.component(name)],
    options,
  );
}

// 排队叫号: tickets, appointments, the window console and the live hall board. The console's
// actions change the window's queue and the clerk's desk, which sit under one key for that.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type TicketTaken = Schemas["HallTicketTaken"];
export type Ticket = Schemas["HallTicketOut"];
export type BoardState = Schemas["HallBoardState"];
export type Booking = Schemas["HallBookingOut"];
export type CallOut = Schemas["HallCallOut"];

export const queueKeys = {
  all: ["hallQueue"] as const,
  centres: (itemId?: number) => [...queueKeys.all, "centres", itemId ?? null] as const,
  centre: (centreId: number) => [...queueKeys.all, "centre", centreId] as const,
  ticket: (ticketId: number) => [...queueKeys.all, "ticket", ticketId] as const,
  slots: (centreId: number, itemId?: number) => [...queueKeys.all, "slots", centreId, itemId ?? null] as const,
  desk: () => [...queueKeys.all, "desk"] as const,
  window: (windowId: number) => [...queueKeys.desk(), "window", windowId] as const,
};

/** The centres where a ticket can be taken (for an item: those with a window accepting it). */
export function useQueueCentres(itemId?: number) {
  return useQuery({
    queryKey: queueKeys.centres(itemId),
    queryFn: () => unwrap(api.GET("/api/hall/queue/centres", { params: { query: { item_id: itemId } } })),
  });
}

/** What a ticket can be taken for at a centre: items with their windows and queues. */
export function useCentreChoices(centreId: number | undefined) {
  return useQuery({
    queryKey: queueKeys.centre(centreId ?? 0),
    queryFn: () =>
      unwrap(api.GET("/api/hall/queue/centres/{centre_id}", { params: { path: { centre_id: centreId! } } })),
    enabled: !!centreId,
  });
}

/** A ticket's place in the queue, followed every 15 seconds while it waits. */
export function useTicket(ticketId: number | undefined) {
  return useQuery({
    queryKey: queueKeys.ticket(ticketId ?? 0),
    queryFn: () =>
      unwrap(api.GET("/api/hall/queue/tickets/{ticket_id}", { params: { path: { ticket_id: ticketId! } } })),
    enabled: !!ticketId,
    refetchInterval: (query) => (query.state.data?.ticket.status === "waiting" ? 15_000 : false),
  });
}

export function useTakeTicket(options?: MutationOptions<TicketTaken, Schemas["HallTicketIn"]>) {
  return useApiMutation(
    (body: Schemas["HallTicketIn"]) => unwrap(api.POST("/api/hall/queue/tickets", { body })),
    (taken) => [queueKeys.centre(taken.ticket.centre_id)],
    options,
  );
}

/** The appointment slots of the coming days at a centre, for an item. */
export function useSlots(centreId: number | undefined, itemId: number | undefined) {
  return useQuery({
    queryKey: queueKeys.slots(centreId ?? 0, itemId),
    queryFn: () =>
      unwrap(api.GET("/api/hall/queue/slots", { params: { query: { centre_id: centreId!, item_id: itemId } } })),
    enabled: !!centreId && !!itemId,
  });
}

export function useBook(options?: MutationOptions<Booking, Schemas["HallBookingIn"]>) {
  return useApiMutation(
    (body: Schemas["HallBookingIn"]) => unwrap(api.POST("/api/hall/queue/bookings", { body })),
    () => [[...queueKeys.all, "slots"]],
    options,
  );
}

export function useCheckIn(options?: MutationOptions<TicketTaken, Schemas["HallCheckInIn"]>) {
  return useApiMutation(
    (body: Schemas["HallCheckInIn"]) => unwrap(api.POST("/api/hall/queue/bookings/check-in", { body })),
    () => [],
    options,
  );
}

/** The windows the signed-in clerk works at (the list of `useMyWindows`), with what waits at each. */
export function useDesk() {
  return useQuery({
    queryKey: queueKeys.desk(),
    queryFn: () => unwrap(api.GET("/api/hall/queue/desk")),
  });
}

/** A window's console: the ticket at the window and the queue, read again every 10 seconds. */
export function useWindowConsole(windowId: number | undefined) {
  return useQuery({
    queryKey: queueKeys.window(windowId ?? 0),
    queryFn: () =>
      unwrap(api.GET("/api/hall/queue/windows/{window_id}", { params: { path: { window_id: windowId! } } })),
    enabled: !!windowId,
    refetchInterval: 10_000,
  });
}

export function useCallNext(windowId: number, options?: MutationOptions<CallOut, void>) {
  return useApiMutation(
    () =>
      unwrap(
        api.POST("/api/hall/queue/windows/{window_id}/call-next", { params: { path: { window_id: windowId } } }),
      ),
    () => [queueKeys.desk()],
    options,
  );
}

type Step = "recall" | "no-show";

/** 重呼 or 过号 the ticket at the window. */
export function useTicketStep(step: Step, options?: MutationOptions<Ticket, number>) {
  return useApiMutation(
    (ticketId: number) => {
      const onTicket = { params: { path: { ticket_id: ticketId } } };
      return unwrap(
        step === "recall"
          ? api.POST("/api/hall/queue/tickets/{ticket_id}/recall", onTicket)
          : api.POST("/api/hall/queue/tickets/{ticket_id}/no-show", onTicket),
      );
    },
    () => [queueKeys.desk()],
    options,
  );
}

export function useTransfer(options?: MutationOptions<Ticket, { ticketId: number; windowId: number }>) {
  return useApiMutation(
    ({ ticketId, windowId }: { ticketId: number; windowId: number }) =>
      unwrap(
        api.POST("/api/hall/queue/tickets/{ticket_id}/transfer", {
          params: { path: { ticket_id: ticketId } },
          body: { window_id: windowId },
        }),
      ),
    () => [queueKeys.desk()],
    options,
  );
}

export function useFinish(options?: MutationOptions<Ticket, { ticketId: number; caseNumber: string }>) {
  return useApiMutation(
    ({ ticketId, caseNumber }: { ticketId: number; caseNumber: string }) =>
      unwrap(
        api.POST("/api/hall/queue/tickets/{ticket_id}/finish", {
          params: { path: { ticket_id: ticketId } },
          body: { case_number: caseNumber },
        }),
      ),
    () => [queueKeys.desk()],
    options,
  );
}

export type LiveStatus = "connecting" | "live" | "reconnecting";

interface BoardEvent {
  number?: string;
  window_number: number;
  window_name?: string;
  called_at?: string;
  recall?: boolean;
  waiting: Record<string, number>;
}

/** Apply one live event to the board (pure: the page and its tests share it). */
export function applyBoardEvent(board: BoardState, kind: string, event: BoardEvent): BoardState {
  if (kind === "waiting") return { ...board, waiting: event.waiting };
  const windows = board.windows.map((w) =>
    w.number !== event.window_number
      ? w
      : kind === "call"
        ? { ...w, current: event.number ?? null, called_at: event.called_at ?? null }
        : { ...w, current: null, called_at: null },
  );
  if (kind !== "call" || !event.number) return { ...board, windows, waiting: event.waiting };
  const call = {
    number: event.number,
    window_number: event.window_number,
    window_name: event.window_name ?? "",
    called_at: event.called_at ?? new Date().toISOString(),
  };
  const recent = [call, ...board.recent.filter((c) => c.number !== call.number)].slice(0, 8);
  return { ...board, windows, recent, waiting: event.waiting };
}

/** The sentence the hall's speakers say for a call: 请 A023 号到 5 号窗口办理. */
export function announcement(number: string, windowNumber: number): string {
  return `请 ${number} 号到 ${windowNumber} 号窗口办理`;
}

/**
 * The live board of a centre (server-sent events): the state first, then each call; `onCall`
 * hears every call as it comes. The browser's EventSource reconnects by itself after a drop, and
 * each connection starts with the state again.
 */
export function useLiveBoard(centreId: number, onCall: (number: string, windowNumber: number) => void) {
  const [board, setBoard] = useState<BoardState | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const onCallRef = useRef(onCall);
  useEffect(() => {
    onCallRef.current = onCall;
  }, [onCall]);

  useEffect(() => {
    const source = new EventSource(`/api/hall/live/board/${centreId}`);
    source.addEventListener("state", (message) => {
      setBoard(JSON.parse((message as MessageEvent<string>).data) as BoardState);
      setStatus("live");
    });
    for (const kind of ["call", "free", "waiting"]) {
      source.addEventListener(kind, (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as BoardEvent;
        setBoard((current) => (current ? applyBoardEvent(current, kind, event) : current));
        if (kind === "call" && event.number) onCallRef.current(event.number, event.window_number);
      });
    }
    source.onerror = () => setStatus("reconnecting");
    return () => source.close();
  }, [centreId]);

  return { board, status };
}

// 电子监察: alerts and their handling, the summary and the rates; alerts also arrive live from
// the hall's alerts stream, which needs the supervisor's token (read with fetch, not EventSource,
// which cannot send one).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { getSession } from "../../auth/store";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { caseKeys } from "./hallCases";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
export type Alert = Schemas["HallAlertOut"];
export type Rates = Schemas["HallRatesOut"];
export type RateRow = Schemas["HallRateRow"];
export type Summary = Schemas["HallSummaryOut"];
export type RatesBy = "unit" | "window" | "clerk";

export const supervisionKeys = {
  all: ["hallSupervision"] as const,
  alerts: (unhandled: boolean, page: number) => [...supervisionKeys.all, "alerts", unhandled, page] as const,
  summary: () => [...supervisionKeys.all, "summary"] as const,
  rates: (month: string, by: RatesBy) => [...supervisionKeys.all, "rates", month, by] as const,
};

export function useAlerts(unhandled: boolean, page: number) {
  return useQuery({
    queryKey: supervisionKeys.alerts(unhandled, page),
    queryFn: () =>
      unwrap(api.GET("/api/hall/supervision/alerts", { params: { query: { unhandled, page, size: 10 } } })),
  });
}

export function useSupervisionSummary() {
  return useQuery({
    queryKey: supervisionKeys.summary(),
    queryFn: () => unwrap(api.GET("/api/hall/supervision/summary")),
    refetchInterval: 60_000,
  });
}

export function useRates(month: string, by: RatesBy) {
  return useQuery({
    queryKey: supervisionKeys.rates(month, by),
    queryFn: () => unwrap(api.GET("/api/hall/supervision/rates", { params: { query: { month, by } } })),
  });
}

export function useHandleAlert(options?: MutationOptions<Alert, { alertId: number; note: string }>) {
  return useApiMutation(
    ({ alertId, note }: { alertId: number; note: string }) =>
      unwrap(
        api.POST("/api/hall/supervision/alerts/{alert_id}/handle", {
          params: { path: { alert_id: alertId } },
          body: { note },
        }),
      ),
    () => [supervisionKeys.all],
    options,
  );
}

/** One alert as the live stream tells it (the sweep's LiveEvent data). */
export interface LiveAlert {
  alert_id: number;
  case_id: number;
  number: string;
  level: "yellow" | "red";
  unit_id: number;
  clerk: string;
  promised_due_on: string;
  raised_on: string;
}

/** The events of a server-sent stream's text, and what is left of an unfinished event. */
export function parseEvents(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, "\n").split("\n\n");
  const rest = blocks.pop() ?? "";
  const events = blocks.flatMap((block) => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    return data.length ? [{ event, data: data.join("\n") }] : [];
  });
  return { events, rest };
}

/**
 * Alerts as the sweep raises them, newest first (at most 20 kept), for as long as the page is
 * open: the stream is read again a few seconds after it ends or drops. Each alert also makes
 * the lists and the summary stale.
 */
export function useLiveAlerts(): { alerts: LiveAlert[]; connected: boolean } {
  const queryClient = useQueryClient();
  const [alerts, setAlerts] = useState<LiveAlert[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function listen(): Promise<void> {
      try {
        const session = getSession();
        const response = await fetch("/api/hall/live/alerts", {
          headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {},
          signal: stop.signal,
        });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        setConnected(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseEvents(buffer + value);
          buffer = parsed.rest;
          const raised = parsed.events
            .filter((e) => e.event === "alert")
            .map((e) => JSON.parse(e.data) as LiveAlert);
          if (raised.length) {
            setAlerts((shown) => [...raised.reverse(), ...shown].slice(0, 20));
            void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
            void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
          }
        }
      } catch {
        if (stop.signal.aborted) return;
      }
      setConnected(false);
      if (!stop.signal.aborted) timer = setTimeout(() => void listen(), 3_000);
    }
    void listen();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [queryClient]);
  return { alerts, connected };
}

// 工作日历: the official arrangement of each year, kept by the gateway and sent to every service.
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../client";
import type { components } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Year = components["schemas"]["YearArrangementOut"];

export const calendarKeys = {
  all: ["calendar"] as const,
  years: () => [...calendarKeys.all, "years"] as const,
};

export function useCalendarYears() {
  return useQuery({ queryKey: calendarKeys.years(), queryFn: () => unwrap(api.GET("/api/calendar/years")) });
}

export interface YearLoad {
  year: number;
  body: components["schemas"]["YearArrangementIn"];
}

export function useLoadCalendarYear(options?: MutationOptions<Year, YearLoad>) {
  return useApiMutation(
    ({ year, body }: YearLoad) =>
      unwrap(api.PUT("/api/calendar/years/{year}", { params: { path: { year } }, body })),
    () => [calendarKeys.all],
    options,
  );
}

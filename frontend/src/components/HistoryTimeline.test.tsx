import type { UseQueryResult } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HistoryTimeline, type HistoryEntry } from "./HistoryTimeline";

const entry = (id: number, at: string, action: string, after: HistoryEntry["after"] = null): HistoryEntry => ({
  id,
  at,
  actor: "张丽",
  action,
  after,
});

const answered = (data: HistoryEntry[]) =>
  ({ isPending: false, isError: false, data }) as UseQueryResult<HistoryEntry[]>;

const LABELS: Record<string, string> = { "item.submitted": "提交审查", "item.rejected": "审查退回" };

describe("HistoryTimeline", () => {
  it("lists the steps oldest first, in words, with the reason given", () => {
    render(
      <HistoryTimeline
        query={answered([
          entry(2, "2026-03-03T02:00:00Z", "item.rejected", { reason: "发文字号有误" }),
          entry(1, "2026-03-02T01:00:00Z", "item.submitted"),
        ])}
        label={(action) => LABELS[action] ?? action}
        reason={(e) => String(e.after?.reason ?? "")}
      />,
    );
    const steps = screen.getAllByText(/提交审查|审查退回/).map((node) => node.textContent);
    expect(steps).toEqual(["提交审查", "审查退回"]);
    expect(screen.getByText("理由：发文字号有误")).toBeInTheDocument();
  });

  it("says when there is nothing yet", () => {
    render(<HistoryTimeline query={answered([])} label={String} />);
    expect(screen.getByText("暂无记录")).toBeInTheDocument();
  });
});

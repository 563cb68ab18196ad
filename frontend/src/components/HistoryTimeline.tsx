import type { UseQueryResult } from "@tanstack/react-query";
import { Empty, Skeleton, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { QueryError } from "./QueryError";

/** An audit entry as every service records it (the fields the timeline shows). */
export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  after: Record<string, unknown> | null;
}

interface Props<E extends HistoryEntry> {
  query: UseQueryResult<E[]>;
  /** What happened, in words, for an action code. */
  label: (action: string) => string;
  /** The dot's colour for an action; antd's default when absent. */
  colour?: (action: string) => string;
  /** The reason recorded with a step (退回理由、撤回理由), shown under it. */
  reason?: (entry: E) => string;
}

/** 办理记录: every step of a record, oldest first, with who did it and when. */
export function HistoryTimeline<E extends HistoryEntry>({ query, label, colour, reason }: Props<E>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data.length) return <Empty description="暂无记录" />;
  const entries = [...query.data].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Timeline
      items={entries.map((entry) => {
        const why = reason?.(entry);
        return {
          key: entry.id,
          color: colour?.(entry.action),
          content: (
            <>
              <Typography.Text strong>{label(entry.action)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {entry.actor} · {dayjs(entry.at).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
              {why && <div>理由：{why}</div>}
            </>
          ),
        };
      })}
    />
  );
}

import { useQuery } from "@tanstack/react-query";
import { Empty, Skeleton, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { api, unwrap } from "../../../api/client";
import { historyLabel, historyReason } from "../../../lib/catalog";
import { QueryError } from "../../QueryError";

// Steps that end a path or send it back get their colour; the rest are plain.
const COLOURS: Record<string, string> = {
  "item.published": "green",
  "item.rejected": "red",
  "item.withdrawn": "orange",
  "item.submitted": "blue",
};

/** 办理记录: every step of an item, oldest first, with who did it and why. */
export function ItemHistory({ itemId }: { itemId: number }) {
  const history = useQuery({
    queryKey: ["history", itemId],
    queryFn: () =>
      unwrap(api.GET("/api/catalog/items/{item_id}/history", { params: { path: { item_id: itemId } } })),
  });
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data.length) return <Empty description="暂无记录" />;
  const entries = [...history.data].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Timeline
      items={entries.map((entry) => {
        const reason = historyReason(entry.after);
        return {
          key: entry.id,
          color: COLOURS[entry.action] ?? "gray",
          content: (
            <>
              <Typography.Text strong>{historyLabel(entry.action)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {entry.actor} · {dayjs(entry.at).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
              {reason && <div>理由：{reason}</div>}
            </>
          ),
        };
      })}
    />
  );
}

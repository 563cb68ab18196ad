import { useItemHistory } from "../../../api/queries/catalog";
import { useLabels } from "../../../api/queries/vocabulary";
import { HistoryTimeline } from "../../../components/HistoryTimeline";
import { historyReason } from "../../../lib/catalog";

// Steps that end a path or send it back get their colour; the rest are plain.
const COLOURS: Record<string, string> = {
  "item.published": "green",
  "item.rejected": "red",
  "item.withdrawn": "orange",
  "item.submitted": "blue",
};

/** 办理记录 of an item: written, submitted, reviewed, withdrawn…, with the reasons given. */
export function ItemHistory({ itemId }: { itemId: number }) {
  const history = useItemHistory(itemId);
  const label = useLabels("catalog");
  return (
    <HistoryTimeline
      query={history}
      label={(action) => label("actions", action)}
      colour={(action) => COLOURS[action] ?? "gray"}
      reason={(entry) => historyReason(entry.after)}
    />
  );
}

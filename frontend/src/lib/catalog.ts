// The words and colours the catalogue pages show for the catalog service's codes, and the small
// rules the pages share (column trees, deadline colours, the search page's address).
import type { components } from "../api/schema";

type Schemas = components["schemas"];
export type ColumnNode = Schemas["CatalogColumnNode"];
export type ItemSummary = Schemas["CatalogItemSummary"];
export type PublicItem = Schemas["CatalogPublicItem"];
export type StaffItem = Schemas["CatalogStaffItem"];
export type ItemStatus = Schemas["CatalogItemStatus"];
export type Validity = Schemas["CatalogValidity"];
export type DocumentType = Schemas["CatalogDocumentType"];
export type Channel = Schemas["CatalogChannel"];
export type DisclosureAttribute = Schemas["CatalogDisclosureAttribute"];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: "草稿",
  submitted: "待审查",
  rejected: "已退回",
  published: "已发布",
  withdrawn: "已撤回",
};

// Antd Tag colours: what waits on someone stands out, what is done is calm.
export const STATUS_COLOURS: Record<ItemStatus, string> = {
  draft: "default",
  submitted: "processing",
  rejected: "error",
  published: "success",
  withdrawn: "warning",
};

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: "有效",
  expired: "已失效",
  repealed: "已废止",
};

export const VALIDITY_COLOURS: Record<Validity, string> = {
  valid: "green",
  expired: "orange",
  repealed: "red",
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  regulation: "规章",
  normative: "行政规范性文件",
  other: "其他文件",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  website: "政府网站",
  weibo: "政务微博",
  wechat: "政务微信",
  new_media: "政务新媒体",
  notice_board: "公开栏",
  reading_point: "查阅点",
  press_conference: "新闻发布会",
  broadcast: "报刊、广播、电视",
};

export const DISCLOSURE_LABELS: Record<DisclosureAttribute, string> = {
  proactive: "主动公开",
  on_application: "依申请公开",
  not_disclosed: "不予公开",
};

/** Options for an antd Select from a label table, in the table's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** The unit's staff see the workflow fields; the public answer has no author. */
export function isStaffItem(item: PublicItem | StaffItem): item is StaffItem {
  return "author" in item;
}

/** Items that may still be changed by their author (草稿、已退回、已撤回). */
export function isEditable(status: ItemStatus): boolean {
  return status === "draft" || status === "rejected" || status === "withdrawn";
}

/**
 * The colour of a publication deadline by the working days left (Article 26: 20 working days):
 * past due is red, the last two days orange, the at-risk week gold, the rest green.
 */
export function daysLeftColour(workingDaysLeft: number): string {
  if (workingDaysLeft < 0) return "red";
  if (workingDaysLeft <= 2) return "orange";
  if (workingDaysLeft <= 5) return "gold";
  return "green";
}

export function daysLeftText(workingDaysLeft: number): string {
  if (workingDaysLeft < 0) return `逾期 ${-workingDaysLeft} 个工作日`;
  if (workingDaysLeft === 0) return "今日到期";
  return `剩余 ${workingDaysLeft} 个工作日`;
}

// --- column trees ---------------------------------------------------------------------------

/** Every column of a tree, parents before their children. */
export function flattenColumns(tree: ColumnNode[]): ColumnNode[] {
  return tree.flatMap((column) => [column, ...flattenColumns(column.children ?? [])]);
}

export function findColumn(tree: ColumnNode[], test: (column: ColumnNode) => boolean): ColumnNode | undefined {
  return flattenColumns(tree).find(test);
}

/** The column names from the top of the tree down to the column (for "规划 / 专项规划"). */
export function columnPath(tree: ColumnNode[], id: number): string[] {
  for (const column of tree) {
    if (column.id === id) return [column.name];
    const below = columnPath(column.children ?? [], id);
    if (below.length) return [column.name, ...below];
  }
  return [];
}

/** The column and its siblings (the columns under the same parent), in their order. */
export function siblingsOf(tree: ColumnNode[], id: number): ColumnNode[] {
  if (tree.some((c) => c.id === id)) return tree;
  for (const column of tree) {
    const found = siblingsOf(column.children ?? [], id);
    if (found.length) return found;
  }
  return [];
}

/**
 * The sort orders that move a column one place up (step -1) or down (step 1) among its siblings:
 * every sibling renumbered 10, 20, 30… in the new order. The tree does not carry the numbers the
 * columns have now, so all are renumbered and the saved order becomes the shown one.
 */
export function reorderedSortOrders(
  siblings: ColumnNode[],
  id: number,
  step: -1 | 1,
): { id: number; sort_order: number }[] {
  const from = siblings.findIndex((c) => c.id === id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= siblings.length) return [];
  const order = siblings.map((c) => c.id);
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order.map((columnId, index) => ({ id: columnId, sort_order: (index + 1) * 10 }));
}

export interface ColumnOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: ColumnOption[];
}

/** TreeSelect data for choosing a column. */
export function columnOptions(tree: ColumnNode[]): ColumnOption[] {
  return tree.map((column) => ({
    value: column.id,
    title: column.name,
    children: columnOptions(column.children ?? []),
  }));
}

/** The same options with the given columns not choosable (a column and its sub-columns when moving it). */
export function withDisabled(options: ColumnOption[], ids: ReadonlySet<number>): ColumnOption[] {
  return options.map((o) => ({ ...o, disabled: ids.has(o.value), children: withDisabled(o.children, ids) }));
}

// --- the search page's address ----------------------------------------------------------------

export type SearchOrder = "relevance" | "date";

export interface SearchFilters {
  q: string;
  unitId?: number;
  year?: number;
  documentType?: DocumentType;
  validity?: Validity;
  order: SearchOrder;
}

const DOCUMENT_TYPES = Object.keys(DOCUMENT_TYPE_LABELS) as DocumentType[];
const VALIDITIES = Object.keys(VALIDITY_LABELS) as Validity[];

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** The filters a search address carries; unknown or malformed values are dropped, not guessed. */
export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const documentType = params.get("type");
  const validity = params.get("validity");
  return {
    q: (params.get("q") ?? "").trim(),
    unitId: positiveInt(params.get("unit")),
    year: positiveInt(params.get("year")),
    documentType: DOCUMENT_TYPES.find((t) => t === documentType),
    validity: VALIDITIES.find((v) => v === validity),
    order: params.get("order") === "date" ? "date" : "relevance",
  };
}

/** The address of a search, so that it can be bookmarked, shared and gone back to. */
export function filtersToParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set("q", q);
  if (filters.unitId) params.set("unit", String(filters.unitId));
  if (filters.year) params.set("year", String(filters.year));
  if (filters.documentType) params.set("type", filters.documentType);
  if (filters.validity) params.set("validity", filters.validity);
  if (filters.order === "date") params.set("order", "date");
  return params;
}

/** The years a search may be limited to: this year back to the first year of the platform. */
export function searchYears(thisYear: number, firstYear = 2008): number[] {
  const years: number[] = [];
  for (let year = thisYear; year >= firstYear; year -= 1) years.push(year);
  return years;
}

/** A file size as people read it: 980 B, 12.3 KB, 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

// --- an item's history --------------------------------------------------------------------------

const HISTORY_LABELS: Record<string, string> = {
  "item.created": "创建草稿",
  "item.updated": "修改",
  "item.submitted": "提交审查",
  "item.rejected": "审查退回",
  "item.published": "审查通过并发布",
  "item.withdrawn": "撤回",
  "item.validity_changed": "变更效力",
  "item.moved": "迁移栏目",
  "item.deleted": "删除",
  "item.attachment_added": "上传附件",
  "item.attachment_removed": "删除附件",
};

/** What a history entry says happened; an action this page does not know keeps its code. */
export function historyLabel(action: string): string {
  return HISTORY_LABELS[action] ?? action;
}

/** The reason recorded with a step (退回理由、撤回理由), if any. */
export function historyReason(after: Record<string, unknown> | null): string {
  const reason = after?.reason;
  return typeof reason === "string" ? reason : "";
}

// --- search highlights ----------------------------------------------------------------------------

export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/**
 * A search highlight (HTML-escaped text with the words found in <em>…</em>) as plain pieces,
 * so the page shows them as text and marks the found words without rendering server HTML.
 */
export function highlightParts(highlight: string): HighlightPart[] {
  return highlight
    .split(/(<em>.*?<\/em>)/)
    .filter(Boolean)
    .map((piece) =>
      piece.startsWith("<em>") && piece.endsWith("</em>")
        ? { text: unescape(piece.slice(4, -5)), marked: true }
        : { text: unescape(piece), marked: false },
    );
}

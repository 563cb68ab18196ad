// The colours the catalogue pages show for the catalog service's codes (their words are the
// service's vocabulary), and the small rules the pages share (column trees, deadline colours,
// the search page's address).
import type { components } from "../api/schema";
import { knownValue } from "./vocabulary";

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
export type ItemStep = Schemas["CatalogItemStep"];
export type SearchOrder = Schemas["CatalogSearchOrder"];
type Vocabulary = Schemas["CatalogCatalogVocabulary"];

// Antd Tag colours: what waits on someone stands out, what is done is calm. Keyed by the
// generated enums, so a new status is a compile error here; the words come from the service.
export const STATUS_COLOURS: Record<ItemStatus, string> = {
  draft: "default",
  submitted: "processing",
  rejected: "error",
  published: "success",
  withdrawn: "warning",
};

export const VALIDITY_COLOURS: Record<Validity, string> = {
  valid: "green",
  expired: "orange",
  repealed: "red",
};

/** The unit's staff see the workflow fields; the public answer has no author. */
export function isStaffItem(item: PublicItem | StaffItem): item is StaffItem {
  return "author" in item;
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

// The service's order when none is asked, left out of the address.
const DEFAULT_ORDER: SearchOrder = "relevance";

export interface SearchFilters {
  q: string;
  unitId?: number;
  year?: number;
  documentType?: DocumentType;
  validity?: Validity;
  order: SearchOrder;
}

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * The filters a search address carries; values the catalog's vocabulary does not list, and
 * malformed numbers, are dropped, not guessed.
 */
export function filtersFromParams(
  params: URLSearchParams,
  vocabulary: Pick<Vocabulary, "document_types" | "validities" | "search_orders"> | undefined,
): SearchFilters {
  return {
    q: (params.get("q") ?? "").trim(),
    unitId: positiveInt(params.get("unit")),
    year: positiveInt(params.get("year")),
    documentType: knownValue<DocumentType>(vocabulary?.document_types, params.get("type")),
    validity: knownValue<Validity>(vocabulary?.validities, params.get("validity")),
    order: knownValue<SearchOrder>(vocabulary?.search_orders, params.get("order")) ?? DEFAULT_ORDER,
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
  if (filters.order !== DEFAULT_ORDER) params.set("order", filters.order);
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

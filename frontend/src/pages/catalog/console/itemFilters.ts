// 信息发布's filters live in the address (?q=招生&status=draft&column=12&type=normative&from=
// 2026-01-01&to=2026-06-30&unit=3&page=2): a list can be shared, reloaded, and the back button
// returns to the last one. Values the address cannot mean are left out, not sent to the API.
import type { StaffItemsQuery } from "../../../api/queries/catalog";

export interface ItemFilters {
  q?: string;
  status?: string;
  column?: number;
  type?: string;
  /** 生成日期 from and to (YYYY-MM-DD), both days included. */
  from?: string;
  to?: string;
  unit?: number;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) =>
  value && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
const id = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const text = (value: string | null) => value?.trim().replace(/\s+/g, " ").slice(0, 100) || undefined;

export function filtersFromParams(params: URLSearchParams): ItemFilters {
  return {
    q: text(params.get("q")),
    status: params.get("status") || undefined,
    column: id(params.get("column")),
    type: params.get("type") || undefined,
    from: day(params.get("from")),
    to: day(params.get("to")),
    unit: id(params.get("unit")),
    page: id(params.get("page")) ?? 1,
  };
}

/** The address of the filters; the first page and empty filters are not written. */
export function paramsFromFilters(filters: ItemFilters): URLSearchParams {
  const out = new URLSearchParams();
  const { page, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && value !== "") out.set(key, String(value));
  }
  if (page > 1) out.set("page", String(page));
  return out;
}

/** The filters changed as the user asks; any change but the page's goes back to page 1. */
export function changed(filters: ItemFilters, change: Partial<ItemFilters>): ItemFilters {
  return { ...filters, page: 1, ...change };
}

type Status = NonNullable<StaffItemsQuery["status"]>;
type DocumentType = NonNullable<StaffItemsQuery["document_type"]>;

/**
 * The API's query for the filters. `status` and `type` are passed only once the vocabulary
 * knows them (`known`), so an old or mistyped address asks for everything rather than failing.
 */
export function staffQuery(
  filters: ItemFilters,
  size: number,
  known: { status?: Status; type?: DocumentType },
): StaffItemsQuery {
  return {
    page: filters.page,
    size,
    ...(filters.q ? { q: filters.q } : {}),
    ...(known.status ? { status: known.status } : {}),
    ...(filters.column ? { column_id: filters.column } : {}),
    ...(known.type ? { document_type: known.type } : {}),
    ...(filters.from ? { formed_from: filters.from } : {}),
    ...(filters.to && !(filters.from && filters.to < filters.from) ? { formed_to: filters.to } : {}),
    ...(filters.unit ? { unit_id: filters.unit } : {}),
  };
}

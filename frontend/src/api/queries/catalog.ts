// 政府信息公开目录: the catalog service's items, columns, search and attachments. Keys start
// with the service's name; an item's history and attachments sit under the item, so that
// invalidating the item reads them again too.
import { useInfiniteQuery, useQueries, useQuery } from "@tanstack/react-query";
import type { SearchFilters } from "../../lib/catalog";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
type StaffItem = Schemas["CatalogStaffItem"];
type Query<K extends keyof operations> = NonNullable<operations[K]["parameters"]["query"]>;
export type StaffItemsQuery = Query<"catalog-items-staff_items">;
export type UnitItemsQuery = Query<"catalog-items-published_items">;
export type DeadlinesQuery = Query<"catalog-items-deadlines">;
export type MissingInterpretationsQuery = Query<"catalog-items-missing_interpretations">;

export const catalogKeys = {
  all: ["catalog"] as const,
};

export const itemKeys = {
  all: [...catalogKeys.all, "items"] as const,
  /** The console's lists (信息发布, 审查), by status and unit. */
  lists: () => [...itemKeys.all, "list"] as const,
  list: (query: StaffItemsQuery) => [...itemKeys.lists(), query] as const,
  /** The portal's catalogue pages: a unit's published items, by column. */
  published: () => [...itemKeys.all, "published"] as const,
  unitPage: (unitId: number, query: UnitItemsQuery) => [...itemKeys.published(), unitId, query] as const,
  search: (filters: SearchFilters, size: number) => [...itemKeys.all, "search", filters, size] as const,
  deadlines: (unitId: number, query: DeadlinesQuery) => [...itemKeys.all, "deadlines", unitId, query] as const,
  missingInterpretations: (unitId: number, query: MissingInterpretationsQuery) =>
    [...itemKeys.all, "interpretations-missing", unitId, query] as const,
  details: () => [...itemKeys.all, "detail"] as const,
  detail: (itemId: number | undefined) => [...itemKeys.details(), itemId] as const,
  history: (itemId: number) => [...itemKeys.detail(itemId), "history"] as const,
  attachments: (itemId: number) => [...itemKeys.detail(itemId), "attachments"] as const,
};

export const columnKeys = {
  all: [...catalogKeys.all, "columns"] as const,
  /** The district's template, which the office keeps. */
  template: () => [...columnKeys.all, "template"] as const,
  /** What one unit's catalogue shows of the template. */
  unit: (unitId: number | undefined) => [...columnKeys.all, "unit", unitId] as const,
  /** A column by id, merged ones included (old links lead to where it went). */
  resolved: (columnId: number) => [...columnKeys.all, "resolved", columnId] as const,
};

const validId = (id: number | undefined): id is number => id !== undefined && Number.isInteger(id);

// --- items -----------------------------------------------------------------------------------

function readItem(itemId: number) {
  return unwrap(api.GET("/api/catalog/items/{item_id}", { params: { path: { item_id: itemId } } }));
}

/** One item, as the caller may see it (the public view, or the staff view for its unit). */
export function useItem(itemId: number | undefined) {
  return useQuery({
    queryKey: itemKeys.detail(itemId),
    queryFn: () => readItem(itemId!),
    enabled: validId(itemId),
  });
}

/** Several items at once (解读、被解读的政策、替代文件), each cached as useItem caches it. */
export function useItems(itemIds: number[]) {
  return useQueries({
    queries: itemIds.map((itemId) => ({ queryKey: itemKeys.detail(itemId), queryFn: () => readItem(itemId) })),
  });
}

export function useItemHistory(itemId: number) {
  return useQuery({
    queryKey: itemKeys.history(itemId),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/items/{item_id}/history", { params: { path: { item_id: itemId } } })),
  });
}

/** The items of the user's reach (the office: its subtree), a page at a time. */
export function useStaffItems(query: StaffItemsQuery) {
  return useQuery({
    queryKey: itemKeys.list(query),
    queryFn: () => unwrap(api.GET("/api/catalog/items", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

/** A unit's published items: what an interpretation may explain or a new file may replace. */
export function usePublishedItems(unitId: number | undefined) {
  const query = { unit_id: unitId!, status: "published", page: 1, size: 100 } as const;
  return useQuery({
    queryKey: itemKeys.list(query),
    queryFn: () => unwrap(api.GET("/api/catalog/items", { params: { query } })),
    enabled: unitId !== undefined,
    select: (page) => page.items,
  });
}

/** A page of a unit's public catalogue (all columns, or one). */
export function useUnitItems(unitId: number, query: UnitItemsQuery) {
  return useQuery({
    queryKey: itemKeys.unitPage(unitId, query),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/units/{unit_id}/items", { params: { path: { unit_id: unitId }, query } })),
    enabled: Number.isInteger(unitId),
    placeholderData: (previous) => previous,
  });
}

/** 信息检索: full-text search, a cursor page at a time; nothing is asked without words. */
export function useSearch(filters: SearchFilters, size: number) {
  return useInfiniteQuery({
    queryKey: itemKeys.search(filters, size),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/catalog/search", {
          params: {
            query: {
              q: filters.q,
              order: filters.order,
              size,
              ...(filters.unitId ? { unit_id: filters.unitId } : {}),
              ...(filters.year ? { year: filters.year } : {}),
              ...(filters.documentType ? { document_type: filters.documentType } : {}),
              ...(filters.validity ? { validity: filters.validity } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: filters.q.length > 0,
  });
}

/** 期限监督: items near or past their publication deadline. */
export function useDeadlines(unitId: number, query: DeadlinesQuery) {
  return useQuery({
    queryKey: itemKeys.deadlines(unitId, query),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/units/{unit_id}/deadlines", { params: { path: { unit_id: unitId }, query } })),
  });
}

/** Policy documents published without their 政策解读. */
export function useMissingInterpretations(unitId: number, query: MissingInterpretationsQuery) {
  return useQuery({
    queryKey: itemKeys.missingInterpretations(unitId, query),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/units/{unit_id}/interpretations/missing", {
          params: { path: { unit_id: unitId }, query },
        }),
      ),
  });
}

/** A new item (in a unit), or changes to one. */
export type ItemChange =
  | { itemId?: undefined; body: Schemas["CatalogItemIn"] }
  | { itemId: number; body: Schemas["CatalogItemUpdate"] };

function saveItem(change: ItemChange): Promise<StaffItem> {
  return change.itemId === undefined
    ? unwrap(api.POST("/api/catalog/items", { body: change.body }))
    : unwrap(api.PATCH("/api/catalog/items/{item_id}", { params: { path: { item_id: change.itemId } }, body: change.body }));
}

// What an author's change makes stale: the item (its history with it) and the console's lists.
const changed = (item: { id: number }) => [itemKeys.detail(item.id), itemKeys.lists()];

export function useSaveItem(options?: MutationOptions<StaffItem, ItemChange>) {
  return useApiMutation(saveItem, changed, options);
}

/**
 * 提交审查: the changes are saved first when there are any (a new item is created), then
 * submitted; the answer keeps what that save's sanitiser removed (`sanitiser_notes`), and has
 * none when nothing was saved.
 */
export type ItemSubmission = ItemChange | { itemId: number; body?: undefined };

export function useSubmitItem(options?: MutationOptions<StaffItem, ItemSubmission>) {
  return useApiMutation(
    async (submission: ItemSubmission) => {
      const saved = submission.body === undefined ? undefined : await saveItem(submission);
      const itemId = saved?.id ?? submission.itemId!;
      const submitted = await unwrap(
        api.POST("/api/catalog/items/{item_id}/submit", { params: { path: { item_id: itemId } } }),
      );
      return { ...submitted, sanitiser_notes: saved?.sanitiser_notes };
    },
    changed,
    options,
  );
}

export function useDeleteItem(options?: MutationOptions<unknown, number>) {
  return useApiMutation(
    (itemId: number) => unwrap(api.DELETE("/api/catalog/items/{item_id}", { params: { path: { item_id: itemId } } })),
    () => [itemKeys.lists()],
    options,
  );
}

/** 保密审查 and 属性审核: approving publishes the item, rejecting sends it back with reasons. */
export function useReviewItem(itemId: number, options?: MutationOptions<StaffItem, Schemas["CatalogReviewIn"]>) {
  return useApiMutation(
    (body: Schemas["CatalogReviewIn"]) =>
      unwrap(api.POST("/api/catalog/items/{item_id}/review", { params: { path: { item_id: itemId } }, body })),
    () => [itemKeys.lists(), itemKeys.detail(itemId), itemKeys.published()],
    options,
  );
}

export function useWithdrawItem(itemId: number, options?: MutationOptions<StaffItem, Schemas["CatalogWithdrawIn"]>) {
  return useApiMutation(
    (body: Schemas["CatalogWithdrawIn"]) =>
      unwrap(api.POST("/api/catalog/items/{item_id}/withdraw", { params: { path: { item_id: itemId } }, body })),
    changed,
    options,
  );
}

/** 变更效力: 失效 or 废止, with the item that replaces it. */
export function useChangeValidity(itemId: number, options?: MutationOptions<StaffItem, Schemas["CatalogValidityIn"]>) {
  return useApiMutation(
    (body: Schemas["CatalogValidityIn"]) =>
      unwrap(api.POST("/api/catalog/items/{item_id}/validity", { params: { path: { item_id: itemId } }, body })),
    changed,
    options,
  );
}

/** 迁移: a column's items into another column, keeping their index numbers and links. */
export function useMoveItems(options?: MutationOptions<Schemas["CatalogMoveOut"], Schemas["CatalogMoveIn"]>) {
  return useApiMutation(
    (body: Schemas["CatalogMoveIn"]) => unwrap(api.POST("/api/catalog/items/move", { body })),
    () => [itemKeys.lists(), itemKeys.published()],
    options,
  );
}

// --- attachments -----------------------------------------------------------------------------

/** An item's attachments; none asked for before the item exists. */
export function useAttachments(itemId: number | undefined) {
  return useQuery({
    queryKey: itemKeys.attachments(itemId!),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/items/{item_id}/attachments", { params: { path: { item_id: itemId! } } })),
    enabled: validId(itemId),
  });
}

/** Upload through the typed client, as the multipart field "file". */
export function uploadAttachment(itemId: number, file: File) {
  return unwrap(
    api.POST("/api/catalog/items/{item_id}/attachments", {
      params: { path: { item_id: itemId } },
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append("file", file);
        return form;
      },
    }),
  );
}

export function useUploadAttachment(itemId: number, options?: MutationOptions<Schemas["CatalogAttachmentOut"], File>) {
  return useApiMutation((file: File) => uploadAttachment(itemId, file), () => [itemKeys.attachments(itemId)], options);
}

export function useDeleteAttachment(itemId: number, options?: MutationOptions<unknown, number>) {
  return useApiMutation(
    (attachmentId: number) =>
      unwrap(
        api.DELETE("/api/catalog/attachments/{attachment_id}", { params: { path: { attachment_id: attachmentId } } }),
      ),
    () => [itemKeys.attachments(itemId)],
    options,
  );
}

/** A file through the client: an unpublished item's files need the staff token. */
export async function downloadAttachment(attachmentId: number): Promise<Blob> {
  const blob: unknown = await unwrap(
    api.GET("/api/catalog/attachments/{attachment_id}/download", {
      params: { path: { attachment_id: attachmentId } },
      parseAs: "blob",
    }),
  );
  return blob as Blob;
}

// --- columns ---------------------------------------------------------------------------------

export function useColumnTemplate() {
  return useQuery({ queryKey: columnKeys.template(), queryFn: () => unwrap(api.GET("/api/catalog/columns")) });
}

export function useUnitColumns(unitId: number | undefined) {
  return useQuery({
    queryKey: columnKeys.unit(unitId),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/units/{unit_id}/columns", { params: { path: { unit_id: unitId! } } })),
    enabled: validId(unitId),
  });
}

/** What 栏目管理 may offer the user: the template's changes, hiding columns per unit. */
export function useTemplateRights() {
  return useQuery({
    queryKey: [...columnKeys.all, "rights"] as const,
    queryFn: () => unwrap(api.GET("/api/catalog/template/rights")),
  });
}

export function useResolvedColumn(columnId: number, enabled: boolean) {
  return useQuery({
    queryKey: columnKeys.resolved(columnId),
    queryFn: () =>
      unwrap(api.GET("/api/catalog/columns/{column_id}", { params: { path: { column_id: columnId } } })),
    enabled,
  });
}

/** A new column of the template, or changes to one (moving it is a change of its parent). */
export type ColumnChange =
  | { columnId?: undefined; body: Schemas["CatalogColumnIn"] }
  | { columnId: number; body: Schemas["CatalogColumnUpdate"] };

export function useSaveColumn(options?: MutationOptions<Schemas["CatalogColumnNode"], ColumnChange>) {
  return useApiMutation(
    (change: ColumnChange) =>
      change.columnId === undefined
        ? unwrap(api.POST("/api/catalog/columns", { body: change.body }))
        : unwrap(
            api.PATCH("/api/catalog/columns/{column_id}", {
              params: { path: { column_id: change.columnId } },
              body: change.body,
            }),
          ),
    () => [columnKeys.all],
    options,
  );
}

/** New sort orders for a column and its siblings, saved one by one. */
export function useReorderColumns(options?: MutationOptions<void, { id: number; sort_order: number }[]>) {
  return useApiMutation(
    async (orders: { id: number; sort_order: number }[]) => {
      for (const { id, sort_order } of orders) {
        await unwrap(
          api.PATCH("/api/catalog/columns/{column_id}", {
            params: { path: { column_id: id } },
            body: { sort_order, to_top_level: false },
          }),
        );
      }
    },
    () => [columnKeys.all],
    options,
  );
}

/** 栏目合并: the column and its items go into another; old links to it lead to that one. */
export function useMergeColumn(options?: MutationOptions<Schemas["CatalogReorganisedOut"], { columnId: number; into: number }>) {
  return useApiMutation(
    ({ columnId, into }: { columnId: number; into: number }) =>
      unwrap(
        api.POST("/api/catalog/columns/{column_id}/merge", {
          params: { path: { column_id: columnId } },
          body: { into_column_id: into },
        }),
      ),
    () => [columnKeys.all, itemKeys.lists(), itemKeys.published()],
    options,
  );
}

/** Whether one unit's catalogue shows a column of the template. */
export function useSetUnitColumn(
  unitId: number | undefined,
  options?: MutationOptions<Schemas["CatalogUnitColumnSettingOut"], { columnId: number; hidden: boolean }>,
) {
  return useApiMutation(
    ({ columnId, hidden }: { columnId: number; hidden: boolean }) =>
      unwrap(
        api.PUT("/api/catalog/units/{unit_id}/columns/{column_id}/setting", {
          params: { path: { unit_id: unitId!, column_id: columnId } },
          body: { hidden },
        }),
      ),
    () => [columnKeys.unit(unitId)],
    options,
  );
}

// 政务服务事项: the public guide (办事指南) and the office's items with their materials, forms
// and versions. Keys start with the service's name; an item's versions sit under the item, so
// that invalidating the item reads them again too.
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { labelOf } from "../../lib/vocabulary";
import { api, unwrap } from "../client";
import type { components, operations } from "../schema";
import { useApiMutation, type MutationOptions } from "./mutation";

type Schemas = components["schemas"];
type Query<K extends keyof operations> = NonNullable<operations[K]["parameters"]["query"]>;
export type GuideQuery = Query<"hall-guide-search_items">;
export type StaffItemsQuery = Query<"hall-items-list_items">;
export type HallVocabulary = Schemas["HallHallVocabulary"];
export type StaffItem = Schemas["HallStaffItem"];
export type ItemIn = Schemas["HallItemIn"];
export type ItemUpdate = Schemas["HallItemUpdate"];
export type MaterialIn = Schemas["HallMaterialIn"];
export type MaterialOut = Schemas["HallMaterialOut"];
export type FilePurpose = Schemas["HallFilePurpose"];
export type GuideItem = Schemas["HallGuideItem"];
export type GuideSummary = Schemas["HallGuideSummary"];
export type ItemSummary = Schemas["HallItemSummary"];
export type VersionOut = Schemas["HallVersionOut"];

export const hallItemKeys = {
  all: ["hall", "items"] as const,
  vocabulary: () => ["hall", "vocabulary"] as const,
  guide: () => [...hallItemKeys.all, "guide"] as const,
  search: (query: GuideQuery) => [...hallItemKeys.guide(), "search", query] as const,
  facets: () => [...hallItemKeys.guide(), "facets"] as const,
  guideItem: (itemId: number) => [...hallItemKeys.guide(), "item", itemId] as const,
  lists: () => [...hallItemKeys.all, "list"] as const,
  list: (query: StaffItemsQuery) => [...hallItemKeys.lists(), query] as const,
  details: () => [...hallItemKeys.all, "detail"] as const,
  detail: (itemId: number) => [...hallItemKeys.details(), itemId] as const,
  versions: (itemId: number) => [...hallItemKeys.detail(itemId), "versions"] as const,
};

/** Where a form of the guide is downloaded (public: a plain link). */
export const guideFileUrl = (fileId: number) => `/api/hall/guide/files/${fileId}`;

// --- the public guide ------------------------------------------------------------------------

/** 事项类别、层级、办件类型、材料形式、窗口类型… (read once a session). */
export function useHallVocabulary() {
  return useQuery({
    queryKey: hallItemKeys.vocabulary(),
    queryFn: () => unwrap(api.GET("/api/hall/guide/vocabulary")),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The label of a hall code in one of the vocabulary's lists ("" while it loads). */
export function useHallLabels() {
  const vocabulary = useHallVocabulary();
  return useCallback(
    (list: keyof HallVocabulary, value: string | null | undefined) => labelOf(vocabulary.data?.[list], value),
    [vocabulary.data],
  );
}

export function useGuideSearch(query: GuideQuery) {
  return useQuery({
    queryKey: hallItemKeys.search(query),
    queryFn: () => unwrap(api.GET("/api/hall/guide/items", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useGuideFacets() {
  return useQuery({
    queryKey: hallItemKeys.facets(),
    queryFn: () => unwrap(api.GET("/api/hall/guide/facets")),
  });
}

export function useGuideItem(itemId: number) {
  return useQuery({
    queryKey: hallItemKeys.guideItem(itemId),
    queryFn: () => unwrap(api.GET("/api/hall/guide/items/{item_id}", { params: { path: { item_id: itemId } } })),
    enabled: Number.isInteger(itemId) && itemId > 0,
  });
}

// --- the office's items ----------------------------------------------------------------------

export function useStaffHallItems(query: StaffItemsQuery) {
  return useQuery({
    queryKey: hallItemKeys.list(query),
    queryFn: () => unwrap(api.GET("/api/hall/items", { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useStaffHallItem(itemId: number) {
  return useQuery({
    queryKey: hallItemKeys.detail(itemId),
    queryFn: () => unwrap(api.GET("/api/hall/items/{item_id}", { params: { path: { item_id: itemId } } })),
    enabled: Number.isInteger(itemId) && itemId > 0,
  });
}

export function useItemVersions(itemId: number) {
  return useQuery({
    queryKey: hallItemKeys.versions(itemId),
    queryFn: () =>
      unwrap(api.GET("/api/hall/items/{item_id}/versions", { params: { path: { item_id: itemId } } })),
  });
}

/** What a change of an item makes stale: the item (with its versions), the lists, the guide. */
const touched = (itemId: number) => [hallItemKeys.detail(itemId), hallItemKeys.lists(), hallItemKeys.guide()];
const path = (itemId: number) => ({ path: { item_id: itemId } });

export function useCreateHallItem(options?: MutationOptions<StaffItem, ItemIn>) {
  return useApiMutation(
    (body: ItemIn) => unwrap(api.POST("/api/hall/items", { body })),
    (item) => touched(item.id),
    options,
  );
}

export function useUpdateHallItem(itemId: number, options?: MutationOptions<StaffItem, ItemUpdate>) {
  return useApiMutation(
    (body: ItemUpdate) => unwrap(api.PATCH("/api/hall/items/{item_id}", { params: path(itemId), body })),
    () => touched(itemId),
    options,
  );
}

/** 发布 or 取消事项, as the item's `actions` offer. */
export function useItemAction(itemId: number, options?: MutationOptions<StaffItem, "publish" | "retire">) {
  return useApiMutation(
    (action: "publish" | "retire") =>
      action === "publish"
        ? unwrap(api.POST("/api/hall/items/{item_id}/publish", { params: path(itemId) }))
        : unwrap(api.POST("/api/hall/items/{item_id}/retire", { params: path(itemId) })),
    () => touched(itemId),
    options,
  );
}

export function useAddMaterial(itemId: number, options?: MutationOptions<StaffItem, MaterialIn>) {
  return useApiMutation(
    (body: MaterialIn) => unwrap(api.POST("/api/hall/items/{item_id}/materials", { params: path(itemId), body })),
    () => touched(itemId),
    options,
  );
}

export function useUpdateMaterial(
  itemId: number,
  options?: MutationOptions<StaffItem, { materialId: number; body: Schemas["HallMaterialUpdate"] }>,
) {
  return useApiMutation(
    ({ materialId, body }: { materialId: number; body: Schemas["HallMaterialUpdate"] }) =>
      unwrap(
        api.PATCH("/api/hall/items/{item_id}/materials/{material_id}", {
          params: { path: { item_id: itemId, material_id: materialId } },
          body,
        }),
      ),
    () => touched(itemId),
    options,
  );
}

export function useRemoveMaterial(itemId: number, options?: MutationOptions<StaffItem, number>) {
  return useApiMutation(
    (materialId: number) =>
      unwrap(
        api.DELETE("/api/hall/items/{item_id}/materials/{material_id}", {
          params: { path: { item_id: itemId, material_id: materialId } },
        }),
      ),
    () => touched(itemId),
    options,
  );
}

export function useReorderMaterials(itemId: number, options?: MutationOptions<StaffItem, number[]>) {
  return useApiMutation(
    (materialIds: number[]) =>
      unwrap(
        api.PUT("/api/hall/items/{item_id}/materials/order", {
          params: path(itemId),
          body: { material_ids: materialIds },
        }),
      ),
    () => touched(itemId),
    options,
  );
}

export interface FileUpload {
  materialId: number;
  purpose: FilePurpose;
  file: File;
}

/** A blank form or sample, as the multipart field "file". */
export function useUploadForm(itemId: number, options?: MutationOptions<Schemas["HallFileOut"], FileUpload>) {
  return useApiMutation(
    ({ materialId, purpose, file }: FileUpload) =>
      unwrap(
        api.POST("/api/hall/items/{item_id}/materials/{material_id}/files", {
          params: { path: { item_id: itemId, material_id: materialId }, query: { purpose } },
          body: { file: file as unknown as string },
          bodySerializer: () => {
            const form = new FormData();
            form.append("file", file);
            return form;
          },
        }),
      ),
    () => touched(itemId),
    options,
  );
}

export function useRemoveForm(itemId: number, options?: MutationOptions<StaffItem, number>) {
  return useApiMutation(
    (fileId: number) =>
      unwrap(
        api.DELETE("/api/hall/items/{item_id}/files/{file_id}", {
          params: { path: { item_id: itemId, file_id: fileId } },
        }),
      ),
    () => touched(itemId),
    options,
  );
}

/** A file of the working copy through the client (staff token). */
export async function downloadItemFile(itemId: number, fileId: number): Promise<Blob> {
  const blob: unknown = await unwrap(
    api.GET("/api/hall/items/{item_id}/files/{file_id}", {
      params: { path: { item_id: itemId, file_id: fileId } },
      parseAs: "blob",
    }),
  );
  return blob as Blob;
}

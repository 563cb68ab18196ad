// 词表: what each component's codes are called (statuses, roles, steps, outcomes…), served by the
// component that defines them. They change only with a release, so each is read once a session.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { labelOf, type Term } from "../../lib/vocabulary";
import { api, unwrap } from "../client";
import type { components } from "../schema";

type Schemas = components["schemas"];
export type GatewayVocabulary = Schemas["GatewayVocabulary"];
export type CatalogVocabulary = Schemas["CatalogCatalogVocabulary"];
export type ApplicationsVocabulary = Schemas["ApplicationsApplicationsVocabulary"];

interface Vocabularies {
  gateway: GatewayVocabulary;
  catalog: CatalogVocabulary;
  applications: ApplicationsVocabulary;
}
export type VocabularyDomain = keyof Vocabularies;

export const vocabularyKeys = {
  all: ["vocabulary"] as const,
  domain: (domain: VocabularyDomain) => [...vocabularyKeys.all, domain] as const,
};

const READ: { [D in VocabularyDomain]: () => Promise<Vocabularies[D]> } = {
  gateway: () => unwrap(api.GET("/api/vocabulary")),
  catalog: () => unwrap(api.GET("/api/catalog/vocabulary")),
  applications: () => unwrap(api.GET("/api/applications/vocabulary")),
};

function vocabularyQuery<D extends VocabularyDomain>(domain: D) {
  return queryOptions({
    queryKey: vocabularyKeys.domain(domain),
    queryFn: READ[domain] as () => Promise<Vocabularies[D]>,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** 角色、角色组、单位类型. */
export function useGatewayVocabulary() {
  return useQuery(vocabularyQuery("gateway"));
}

/** 信息状态、公开属性、效力、文件类型、公开渠道、对信息的操作、办理记录… */
export function useCatalogVocabulary() {
  return useQuery(vocabularyQuery("catalog"));
}

/** 申请状态、渠道、答复结果及细项、办理环节、办理记录… */
export function useApplicationsVocabulary() {
  return useQuery(vocabularyQuery("applications"));
}

/** The names of a vocabulary's lists of terms (statuses, roles…), for `useLabels`. */
export type TermList<V> = { [K in keyof V]-?: V[K] extends readonly Term[] ? K : never }[keyof V];

/**
 * `label(list, value)`: the word for a code in one of the domain's lists, e.g.
 * `label("statuses", item.status)`. Empty while the vocabulary loads; the code itself if it
 * cannot be read, or for a value it does not list.
 */
export function useLabels<D extends VocabularyDomain>(domain: D) {
  const { data, isError } = useQuery(vocabularyQuery(domain));
  return useCallback(
    (list: TermList<Vocabularies[D]>, value: string | null | undefined) =>
      labelOf(isError ? [] : (data?.[list] as readonly Term[] | undefined), value),
    [data, isError],
  );
}

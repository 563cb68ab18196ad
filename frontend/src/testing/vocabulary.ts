// The services' vocabularies as they answered when these tests were written (GET /api/vocabulary,
// /api/catalog/vocabulary, /api/applications/vocabulary), for tests that render labels.
import { QueryClient } from "@tanstack/react-query";
import {
  vocabularyKeys,
  type ApplicationsVocabulary,
  type CatalogVocabulary,
  type GatewayVocabulary,
} from "../api/queries/vocabulary";
import served from "./vocabulary.json";

export const GATEWAY_VOCABULARY = served.gateway as GatewayVocabulary;
export const CATALOG_VOCABULARY = served.catalog as CatalogVocabulary;
export const APPLICATIONS_VOCABULARY = served.applications as ApplicationsVocabulary;

/** A query client that already holds the three vocabularies, as after the console's first load. */
export function clientWithVocabulary(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(vocabularyKeys.domain("gateway"), GATEWAY_VOCABULARY);
  client.setQueryData(vocabularyKeys.domain("catalog"), CATALOG_VOCABULARY);
  client.setQueryData(vocabularyKeys.domain("applications"), APPLICATIONS_VOCABULARY);
  return client;
}

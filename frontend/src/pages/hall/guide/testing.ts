// Test data of the guide's and the set-up pages' tests: the hall's vocabulary as
// GET /api/hall/guide/vocabulary answered when they were written, and a published item.
import { QueryClient } from "@tanstack/react-query";
import { hallItemKeys, type GuideItem, type HallVocabulary, type StaffItem } from "../../../api/queries/hallItems";
import served from "./vocabulary.json";

export const HALL_VOCABULARY = served as HallVocabulary;

/** A query client that already holds the hall's vocabulary. */
export function clientWithHallVocabulary(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(hallItemKeys.vocabulary(), HALL_VOCABULARY);
  return client;
}

const CONTENT = {
  code: "JY-XK-0001",
  unit_id: 3,
  name: "民办学校设立审批",
  category: "licensing",
  hall_level: "district",
  kind: "promised",
  legal_basis: "《中华人民共和国民办教育促进法》第十二条",
  conditions: "举办者为具有法人资格的社会组织",
  procedure: "申请—受理—审查—决定—送达",
  legal_limit_days: 20,
  promised_limit_days: 10,
  fee_basis: "",
  fee_standard: "",
  fee_fen: 0,
  authority: "锦华区教育局",
  location: "",
  hours: "",
  phone: "028-86001234",
  online: false,
  materials: [
    {
      id: 11,
      name: "民办学校设立申请书",
      form: "original",
      copies: 1,
      required: true,
      source: "申请人自备",
      note: "",
      files: [{ id: 21, purpose: "blank", filename: "申请书.docx", content_type: "application/msword", size: 2048 }],
    },
  ],
} satisfies Omit<GuideItem, "id" | "unit_name" | "version" | "published_at" | "places">;

export function guideItem(overrides: Partial<GuideItem> = {}): GuideItem {
  return {
    ...CONTENT,
    id: 7,
    unit_name: "锦华区教育局",
    version: 2,
    published_at: "2026-03-02T01:00:00Z",
    places: [
      {
        centre_id: 1,
        centre_name: "锦华区政务服务中心",
        address: "锦华区人民南路88号",
        hours: "周一至周五 9:00-17:30",
        phone: "",
        window_id: 5,
        window_number: 5,
        window_name: "教育窗口",
      },
    ],
    ...overrides,
  };
}

export function staffItem(overrides: Partial<StaffItem> = {}): StaffItem {
  return {
    ...CONTENT,
    id: 7,
    unit_name: "锦华区教育局",
    status: "published",
    version: 1,
    draft_pending: false,
    published_at: "2026-03-02T01:00:00Z",
    updated_at: "2026-03-02T01:00:00Z",
    actions: ["retire"],
    ...overrides,
  };
}

import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applicationKeys } from "./applications";
import { itemKeys } from "./catalog";

function cached(keys: readonly (readonly unknown[])[]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, "answer");
  return client;
}

const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

describe("query keys", () => {
  it("read an item's history and attachments again with the item, and no other item", async () => {
    const client = cached([itemKeys.detail(3), itemKeys.history(3), itemKeys.attachments(3), itemKeys.detail(4)]);
    await client.invalidateQueries({ queryKey: itemKeys.detail(3) });
    expect(stale(client, itemKeys.history(3))).toBe(true);
    expect(stale(client, itemKeys.attachments(3))).toBe(true);
    expect(stale(client, itemKeys.detail(4))).toBe(false);
  });

  it("keep the console's lists apart from the portal's catalogue pages", async () => {
    const list = itemKeys.list({ status: "submitted", page: 1, size: 20 });
    const unitPage = itemKeys.unitPage(7, { page: 1, size: 15 });
    const client = cached([list, unitPage]);
    await client.invalidateQueries({ queryKey: itemKeys.lists() });
    expect(stale(client, list)).toBe(true);
    expect(stale(client, unitPage)).toBe(false);
  });

  it("refresh every page of the inbox after a step, whatever its filters", async () => {
    const inbox = applicationKeys.list({ page: 2, size: 20, mine: true, include_closed: false });
    const client = cached([inbox, applicationKeys.remedies(5)]);
    await client.invalidateQueries({ queryKey: applicationKeys.lists() });
    await client.invalidateQueries({ queryKey: applicationKeys.detail(5) });
    expect(stale(client, inbox)).toBe(true);
    expect(stale(client, applicationKeys.remedies(5))).toBe(true);
  });
});

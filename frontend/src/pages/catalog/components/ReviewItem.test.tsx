import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { itemKeys } from "../../../api/queries/catalog";
import { setSession } from "../../../auth/store";
import type { StaffItem } from "../../../lib/catalog";
import { staffItem as item } from "../../../testing/items";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { ReviewItem } from "./ReviewItem";

function renderReview(shown: StaffItem, username: string) {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 2,
      username,
      display_name: "陈刚",
      unit_id: 3,
      unit_name: "锦华区教育局",
      roles: ["reviewer"],
      can: ["work_in_console", "read_items", "review_items"],
      reaches_subtree: false,
    },
  });
  const client = clientWithVocabulary();
  client.setQueryData(itemKeys.detail(shown.id), shown);
  client.setQueryData(itemKeys.history(shown.id), []);
  client.setQueryData(itemKeys.attachments(shown.id), []);
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <ReviewItem itemId={shown.id} onDone={() => {}} />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  setSession(null);
});

describe("ReviewItem", () => {
  it("offers both decisions when the item's next steps list them", async () => {
    renderReview(item({ next_steps: ["approve", "reject", "withdraw"] }), "reviewer");
    expect(await screen.findByRole("button", { name: "审查通过并发布" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "审查退回" })).toBeEnabled();
  });

  it("offers only sending back an item the service will not publish", async () => {
    renderReview(item({ disclosure_attribute: "on_application", next_steps: ["reject"] }), "reviewer");
    expect(await screen.findByRole("button", { name: "审查退回" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "审查通过并发布" })).not.toBeInTheDocument();
  });

  it("offers nothing on one's own item, and says why", async () => {
    renderReview(item({ author: "donghu", next_steps: [] }), "donghu");
    expect(await screen.findByText("这是您本人编写的信息，须由其他审查人审查")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "审查退回" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "审查通过并发布" })).not.toBeInTheDocument();
  });
});

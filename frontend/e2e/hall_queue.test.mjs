// The queue end to end: a person takes a ticket on the public page, the clerk signs in (and
// lands on the window console), calls it at a window, and the hall's board shows the call.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { callApi, newPage, openBrowser, signIn, tokenFor } from "./support.mjs";

// Unique per run, so the test does not depend on what else the database holds.
const stamp = Date.now().toString().slice(-8);

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** A centre of the office's unit with window 5 accepting a published item, the demo clerk there. */
async function hall() {
  const token = await tokenFor("office");
  const me = await callApi("/api/auth/me", { token });
  const call = async (path, method, body, status = 200) => {
    const answer = await callApi(path, { method, token, body });
    assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const item = await call(
    "/api/hall/items",
    "POST",
    {
      code: `Q-${stamp}`,
      unit_id: me.body.unit_id,
      name: `社保卡申领${stamp}`,
      category: "public_service",
      hall_level: "district",
      kind: "instant",
      legal_basis: "《社会保险法》第五十八条",
      conditions: "参加本区社会保险的人员",
      procedure: "申请—受理—制卡—发放",
      authority: "锦华区人力资源和社会保障局",
    },
    201,
  );
  await call(`/api/hall/items/${item.id}/publish`, "POST");
  const centre = await call(
    "/api/hall/centres",
    "POST",
    { unit_id: me.body.unit_id, level: "district", name: `叫号中心${stamp}` },
    201,
  );
  const window = await call(
    `/api/hall/centres/${centre.id}/windows`,
    "POST",
    { number: 5, name: "社保窗口", kind: "comprehensive", ticket_prefix: "S" },
    201,
  );
  await call(`/api/hall/windows/${window.id}/items`, "PUT", { item_ids: [item.id] });
  await call(`/api/hall/windows/${window.id}/staff`, "PUT", { staff: [{ account: "clerk", display_name: "窗口人员" }] });
  return { item, centre, window };
}

test("a ticket taken on the public page is called at a window and shown on the board", async () => {
  const { item, centre, window } = await hall();

  // The hall's display screen is on before the doors open.
  const board = await newPage(browser);
  await board.page.goto(`/hall/board/${centre.id}`);
  await board.page.getByText(`叫号中心${stamp} · 叫号信息`).waitFor();
  await board.page.getByTestId("window-5").waitFor();

  // A person takes a ticket for the item.
  const visitor = await newPage(browser);
  await visitor.page.goto(`/hall/ticket?centre=${centre.id}&item=${item.id}`);
  await visitor.page.getByText(`社保卡申领${stamp}`).waitFor();
  await visitor.page.getByRole("button", { name: /^取\s?号$/ }).click();
  const number = (await visitor.page.getByLabel("票号").textContent()).trim();
  assert.match(number, /^S\d{3,}$/);
  await visitor.page.getByText("前面等候").waitFor();

  // The clerk signs in and lands on the window console, then calls at window 5.
  const clerk = await newPage(browser);
  await signIn(clerk.page, "clerk");
  await clerk.page.waitForURL(/\/console\/hall\/window/, { waitUntil: "commit" });
  await clerk.page.goto(`/console/hall/window?window=${window.id}`);
  await clerk.page.getByRole("button", { name: "呼叫下一位" }).click();
  await clerk.page.getByText(`已呼叫 ${number}`).waitFor();

  // The board shows the call at window 5 within moments.
  await board.page.getByRole("status").filter({ hasText: `请 ${number} 号到 5 号窗口办理` }).waitFor();
  assert.equal((await board.page.getByTestId("window-5").textContent()).trim(), number);

  // The clerk finishes; the window is free on the board again.
  await clerk.page.getByRole("button", { name: /办\s?结/ }).click();
  await clerk.page.getByText(`${number} 已办结`).waitFor();
  await board.page.getByTestId("window-5").filter({ hasText: "—" }).waitFor();

  for (const { problems } of [board, visitor, clerk]) assert.deepEqual(problems, []);
});

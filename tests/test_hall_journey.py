"""A newcomer at the service centre, end to end on the real platform: the office sets up a window
and an item, a person takes a ticket, is called at the window while the hall's board shows the
call, the case is accepted after a one-time notice, the supervisors see its yellow warning arrive
on their live stream (and the demo's overdue cases red), the case is completed, rated badly, and
the follow-up is closed."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
from support import eventually
from test_platform import unit_by_name

Login = Callable[[str], dict[str, str]]


class Stream:
    """Server-sent events of one stream, read on a thread as a screen would read them."""

    def __init__(self, client: httpx.Client, path: str, headers: dict[str, str]) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._read, args=(client, path, headers), daemon=True
        )
        self._thread.start()

    def _read(self, client: httpx.Client, path: str, headers: dict[str, str]) -> None:
        kind = ""
        with client.stream("GET", path, headers={**headers, "Accept": "text/event-stream"}) as r:
            for line in r.iter_lines():
                if self._stop.is_set():
                    return
                if line.startswith("event:"):
                    kind = line.removeprefix("event:").strip()
                elif line.startswith("data:"):
                    self.events.append((kind, json.loads(line.removeprefix("data:").strip())))

    def saw(self, predicate: Callable[[str, dict[str, Any]], bool]) -> bool:
        return any(predicate(kind, data) for kind, data in list(self.events))

    def close(self) -> None:
        self._stop.set()


def _ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def test_a_newcomer_is_called_served_and_followed_up_while_supervisors_watch(
    stack: Any, gateway: httpx.Client, login: Login
) -> None:
    office, clerk, supervisor = login("office"), login("clerk"), login("supervisor")
    district = unit_by_name(gateway, "锦华区人民政府")
    bureau = unit_by_name(gateway, "锦华区教育局")
    assert eventually(
        lambda: gateway.get(f"/api/hall/org/units/{bureau['id']}").status_code == 200, 60
    )
    stamp = int(time.time()) % 1_000_000

    # The office opens a counter: a centre, a comprehensive window the clerk is stationed at,
    # and a published item with two materials.
    centre = _ok(
        gateway.post(
            "/api/hall/centres",
            json={
                "unit_id": district["id"],
                "level": "district",
                "name": f"锦华区政务服务中心东区分厅{stamp}",
                "address": "锦华区东湖路1号",
                "hours": "工作日 9:00-17:00",
            },
            headers=office,
        ),
        201,
    )
    window = _ok(
        gateway.post(
            f"/api/hall/centres/{centre['id']}/windows",
            json={
                "number": 5,
                "name": "综合受理窗口",
                "kind": "comprehensive",
                "ticket_prefix": "T",
            },
            headers=office,
        ),
        201,
    )
    _ok(
        gateway.put(
            f"/api/hall/windows/{window['id']}/staff",
            json={"staff": [{"account": "clerk", "display_name": "赵静"}]},
            headers=office,
        )
    )
    item = _ok(
        gateway.post(
            "/api/hall/items",
            json={
                "code": f"JH-QR-{stamp}",
                "unit_id": bureau["id"],
                "name": f"教师资格认定（测试{stamp}）",
                "category": "confirmation",
                "hall_level": "district",
                "kind": "promised",
                "legal_basis": "《教师资格条例》第十三条",
                "conditions": "具备规定学历，普通话水平达标",
                "procedure": "受理—审查—认定—发证",
                "legal_limit_days": 30,
                "promised_limit_days": 1,
                "authority": "锦华区教育局",
            },
            headers=office,
        ),
        201,
    )
    for material in ("居民身份证", "学历证书"):
        item = _ok(
            gateway.post(
                f"/api/hall/items/{item['id']}/materials", json={"name": material}, headers=office
            ),
            201,
        )
    _ok(gateway.post(f"/api/hall/items/{item['id']}/publish", headers=office))
    _ok(
        gateway.put(
            f"/api/hall/windows/{window['id']}/items",
            json={"item_ids": [item["id"]]},
            headers=office,
        )
    )

    # The hall's display screen and the supervisors' dashboard are connected before anything
    # happens, as they are in the hall.
    with (
        httpx.Client(base_url=stack.url("gateway"), timeout=60) as board_client,
        httpx.Client(base_url=stack.url("gateway"), timeout=60) as alerts_client,
    ):
        board = Stream(board_client, f"/api/hall/live/board/{centre['id']}", {})
        alerts = Stream(alerts_client, "/api/hall/live/alerts", supervisor)
        try:
            assert eventually(lambda: board.saw(lambda kind, _: kind == "state"), 20)
            assert eventually(lambda: alerts.saw(lambda kind, _: kind == "ready"), 20)

            taken = _ok(
                gateway.post(
                    "/api/hall/queue/tickets",
                    json={"centre_id": centre["id"], "item_id": item["id"]},
                ),
                201,
            )
            number = taken["ticket"]["number"]
            assert number == "T001" and taken["waiting_ahead"] == 0
            assert taken["window_numbers"] == [5]

            called = _ok(
                gateway.post(f"/api/hall/queue/windows/{window['id']}/call-next", headers=clerk)
            )
            assert called["ticket"]["number"] == number
            # The board hears the call: what the screen reads out (请 T001 号到 5 号窗口办理).
            assert eventually(
                lambda: board.saw(
                    lambda kind, data: (
                        kind == "call" and (data["number"], data["window_number"]) == (number, 5)
                    )
                ),
                10,
            )

            received = _ok(
                gateway.post(
                    "/api/hall/cases",
                    json={
                        "window_id": window["id"],
                        "item_id": item["id"],
                        "ticket_id": called["ticket"]["id"],
                        "applicant_name": "王小明",
                        "applicant_id_number": "510199199001011234",
                        "applicant_phone": "13800138000",
                    },
                    headers=clerk,
                ),
                201,
            )
            case_id, code = received["id"], received["query_code"]
            desk = _ok(gateway.get(f"/api/hall/cases/{case_id}", headers=clerk))
            assert "199001011234" not in desk["applicant_id_number"]  # masked on the desk
            diploma = next(m for m in desk["item_materials"] if m["name"] == "学历证书")
            noticed = _ok(
                gateway.post(
                    f"/api/hall/cases/{case_id}/notice",
                    json={"materials": [{"material_id": diploma["id"], "problem": "缺原件"}]},
                    headers=clerk,
                )
            )
            assert noticed["status"] == "awaiting_materials"
            assert [m["problem"] for m in noticed["notices"][0]["materials"]] == ["缺原件"]
            accepted = _ok(gateway.post(f"/api/hall/cases/{case_id}/accept", headers=clerk))
            assert accepted["status"] == "accepted"
            # Promised in one working day: due the next working day, so yellow at once.
            assert date.fromisoformat(accepted["clock"]["promised_due_on"]) > date.today()

            # The sweep (every two seconds in this stack) raises the yellow warning once, and
            # the supervisors' stream carries it; the demo's overdue cases are red.
            assert eventually(
                lambda: alerts.saw(
                    lambda _, data: (
                        data.get("number") == received["number"] and data.get("level") == "yellow"
                    )
                ),
                30,
            )
            listed = _ok(
                gateway.get(
                    "/api/hall/supervision/alerts",
                    params={"level": "yellow", "size": 100},
                    headers=supervisor,
                )
            )
            assert [a["number"] for a in listed["items"]].count(received["number"]) == 1
            red = _ok(
                gateway.get(
                    "/api/hall/supervision/alerts", params={"level": "red"}, headers=supervisor
                )
            )
            assert red["total"] >= 1
        finally:
            board.close()
            alerts.close()

    _ok(
        gateway.post(
            f"/api/hall/cases/{case_id}/decide", json={"decision": "granted"}, headers=clerk
        )
    )
    completed = _ok(gateway.post(f"/api/hall/cases/{case_id}/complete", json={}, headers=clerk))
    assert completed["status"] == "completed"
    _ok(
        gateway.post(
            f"/api/hall/queue/tickets/{called['ticket']['id']}/finish",
            json={"case_number": received["number"]},
            headers=clerk,
        )
    )

    # The applicant rates from home with the number and code: 不满意 opens a follow-up.
    _ok(
        gateway.post(
            "/api/hall/ratings",
            json={"number": received["number"], "code": code, "level": 4, "comment": "等候太久"},
        ),
        201,
    )
    again = gateway.post(
        "/api/hall/ratings", json={"number": received["number"], "code": code, "level": 1}
    )
    assert again.status_code == 409  # one rating per case
    follow_ups = _ok(
        gateway.get(
            "/api/hall/ratings/follow-ups",
            params={"status": "open", "size": 100},
            headers=supervisor,
        )
    )
    (follow_up,) = [f for f in follow_ups["items"] if f["case_number"] == received["number"]]
    _ok(
        gateway.post(
            f"/api/hall/ratings/follow-ups/{follow_up['id']}/close",
            json={"result": "已电话回访，窗口增开一个受理岗"},
            headers=supervisor,
        )
    )
    still_open = _ok(
        gateway.get(
            "/api/hall/ratings/follow-ups",
            params={"status": "open", "size": 100},
            headers=supervisor,
        )
    )
    assert received["number"] not in [f["case_number"] for f in still_open["items"]]

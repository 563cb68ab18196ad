import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Select, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../../api/client";
import { useUnits } from "../../../api/queries";
import { hasAnyRole, useCurrentUser } from "../../../auth/useAuth";
import {
  flattenColumns,
  optionsOf,
  STATUS_COLOURS,
  STATUS_LABELS,
  type ItemStatus,
  type ItemSummary,
} from "../../../lib/catalog";
import { QueryError } from "../../QueryError";
import { useColumnTemplate } from "../queries";
import { UnitPicker } from "../UnitPicker";

const PAGE_SIZE = 20;

const STATUSES = optionsOf(STATUS_LABELS);

/** 信息发布: the items of the user's unit (the office: its subtree), newest change first. */
export function ItemsPage() {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s.value === params.get("status"))?.value;
  const unitId = Number(params.get("unit")) || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const canWrite = hasAnyRole(user, ["publisher", "office"]);
  const wide = hasAnyRole(user, ["office", "supervisor"]);

  const units = useUnits();
  const template = useColumnTemplate();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);
  const columnName = useMemo(
    () => new Map(flattenColumns(template.data ?? []).map((c) => [c.id, c.name])),
    [template.data],
  );

  const items = useQuery({
    queryKey: ["items", { status, unitId, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/items", {
          params: {
            query: {
              page,
              size: PAGE_SIZE,
              ...(status ? { status } : {}),
              ...(unitId ? { unit_id: unitId } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const change = (next: { status?: ItemStatus; unit?: number; page?: number }) => {
    const merged = { status, unit: unitId, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.status) out.set("status", merged.status);
    if (merged.unit) out.set("unit", String(merged.unit));
    if (merged.page > 1) out.set("page", String(merged.page));
    setParams(out);
  };

  return (
    <Card
      title="信息发布"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/console/items/new")}>
            新建信息
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          options={STATUSES}
          value={status}
          onChange={(next?: ItemStatus) => change({ status: next })}
        />
        {wide && (
          <UnitPicker
            label="单位"
            within={user.unit_id}
            placeholder="本单位及下属单位"
            value={unitId}
            onChange={(unit) => change({ unit })}
          />
        )}
      </Space>
      {items.isError ? (
        <QueryError error={items.error} onRetry={() => items.refetch()} />
      ) : (
        <Table<ItemSummary>
          rowKey="id"
          loading={items.isPending || items.isFetching}
          dataSource={items.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: items.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (next) => change({ page: next }),
          }}
          columns={[
            {
              title: "标题",
              dataIndex: "title",
              render: (title: string, item) => <Link to={`/console/items/${item.id}`}>{title}</Link>,
            },
            { title: "索引号", dataIndex: "index_number", width: 220, responsive: ["xl"] },
            ...(wide
              ? [
                  {
                    title: "单位",
                    dataIndex: "unit_id",
                    width: 160,
                    render: (id: number) => unitName.get(id) ?? id,
                  },
                ]
              : []),
            { title: "栏目", dataIndex: "column_id", width: 160, render: (id: number) => columnName.get(id) ?? id },
            {
              title: "状态",
              dataIndex: "status",
              width: 90,
              render: (s: ItemStatus) => <Tag color={STATUS_COLOURS[s]}>{STATUS_LABELS[s]}</Tag>,
            },
            { title: "生成日期", dataIndex: "formed_on", width: 110 },
            {
              title: "发布日期",
              dataIndex: "published_at",
              width: 110,
              render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD") : "—"),
            },
          ]}
        />
      )}
    </Card>
  );
}

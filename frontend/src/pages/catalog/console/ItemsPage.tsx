import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Tag } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useColumnTemplate, useStaffItems } from "../../../api/queries/catalog";
import { useUnits } from "../../../api/queries/units";
import { useCatalogVocabulary, useLabels } from "../../../api/queries/vocabulary";
import { useCurrentUser } from "../../../auth/useAuth";
import { PagedTable } from "../../../components/PagedTable";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { flattenColumns, STATUS_COLOURS, type ItemStatus, type ItemSummary } from "../../../lib/catalog";
import { can, reachesSubtree } from "../../../lib/navigation";
import { knownValue, optionsOf } from "../../../lib/vocabulary";

const PAGE_SIZE = 20;

/** 信息发布: the items of the user's unit (the office: its subtree), newest change first. */
export function ItemsPage() {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const vocabulary = useCatalogVocabulary();
  const label = useLabels("catalog");
  const status = knownValue<ItemStatus>(vocabulary.data?.statuses, params.get("status"));
  const unitId = Number(params.get("unit")) || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const canWrite = can(user, "write_items");
  const wide = reachesSubtree(user);

  const units = useUnits();
  const template = useColumnTemplate();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);
  const columnName = useMemo(
    () => new Map(flattenColumns(template.data ?? []).map((c) => [c.id, c.name])),
    [template.data],
  );

  const items = useStaffItems({
    page,
    size: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(unitId ? { unit_id: unitId } : {}),
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
          options={optionsOf<ItemStatus>(vocabulary.data?.statuses)}
          value={status}
          onChange={(next?: ItemStatus) => change({ status: next })}
        />
        {wide && (
          <UnitTreeSelect
            label="单位"
            within={user.unit_id}
            placeholder="本单位及下属单位"
            value={unitId}
            onChange={(unit) => change({ unit })}
          />
        )}
      </Space>
      <PagedTable<ItemSummary>
        query={items}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) => change({ page: next })}
        countUnit="条"
        rowKey="id"
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
            render: (s: ItemStatus) => <Tag color={STATUS_COLOURS[s]}>{label("statuses", s)}</Tag>,
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
    </Card>
  );
}

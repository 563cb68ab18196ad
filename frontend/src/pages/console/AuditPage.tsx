import { App, Button, Card, Col, DatePicker, Empty, Form, Grid, Input, Pagination, Row, Select, Skeleton, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import {
  AUDIT_SOURCES,
  downloadAuditLog,
  useAuditLog,
  useAuditWords,
  type AuditFilter,
  type AuditSource,
} from "../../api/queries/audit";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { COMPONENT_LABELS } from "../../lib/labels";
import { reachesSubtree } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { AuditLineView } from "./audit/AuditLineView";

const PAGE_SIZE = 20;
const DAY = "YYYY-MM-DD";

function sourceOf(value: string | null): AuditSource {
  return (AUDIT_SOURCES as readonly string[]).includes(value ?? "") ? (value as AuditSource) : "catalog";
}

/** The filters as the URL holds them (a filtered log can be linked to and returned to). */
function filterOf(params: URLSearchParams): AuditFilter {
  const unit = Number(params.get("unit")) || undefined;
  return {
    actor: params.get("actor") || undefined,
    unit_id: unit,
    entity_type: params.get("type") || undefined,
    entity_id: params.get("id") || undefined,
    action: params.get("action") || undefined,
    date_from: params.get("from") || undefined,
    date_to: params.get("to") || undefined,
  };
}

/** 审计日志: who did what to which record, in words, with the before/after; every component's
 * log, filtered on the server by person, unit, object, action and dates, and exported. */
export function AuditPage() {
  usePageTitle("审计日志");
  const { message } = App.useApp();
  const user = useCurrentUser()!;
  const [params, setParams] = useSearchParams();
  const source = sourceOf(params.get("source"));
  const filter = filterOf(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const log = useAuditLog(source, { ...filter, page, size: PAGE_SIZE });
  const words = useAuditWords(source);
  const [exporting, setExporting] = useState(false);
  // On a phone the first two filters show, the others on request (or when one is in use).
  const screens = Grid.useBreakpoint();
  const [more, setMore] = useState(false);
  const inUse = !!(filter.unit_id || filter.entity_type || filter.entity_id || filter.action || filter.date_from);
  const allFilters = screens.md !== false || more || inUse;

  /** Changes some filters and goes back to the first page. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    setParams(next);
  };

  const exportLog = async () => {
    setExporting(true);
    try {
      await downloadAuditLog(source, filter, `审计日志-${COMPONENT_LABELS[source]}-${dayjs().format("YYYYMMDD")}.csv`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : "导出失败");
    } finally {
      setExporting(false);
    }
  };

  const range: [Dayjs, Dayjs] | null =
    filter.date_from && filter.date_to ? [dayjs(filter.date_from), dayjs(filter.date_to)] : null;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          审计日志
        </Typography.Title>
      }
      extra={
        <Button onClick={exportLog} loading={exporting}>
          导出 CSV
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        每个系统记录自己数据的变更；记录只增不改。按条件筛选后可导出为 CSV 文件（与页面文字相同）。
      </Typography.Paragraph>
      <Form layout="vertical" aria-label="筛选审计日志">
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label="系统" htmlFor="audit-source">
              <Select<AuditSource>
                id="audit-source"
                value={source}
                onChange={(next) => update({ source: next, type: undefined, action: undefined })}
                options={AUDIT_SOURCES.map((s) => ({ value: s, label: COMPONENT_LABELS[s] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label="操作人" htmlFor="audit-actor">
              <Input.Search
                id="audit-actor"
                key={`actor-${filter.actor ?? ""}`}
                defaultValue={filter.actor ?? undefined}
                placeholder="姓名或登录名"
                enterButton="查找"
                onSearch={(value) => update({ actor: value.trim() || undefined })}
              />
            </Form.Item>
          </Col>
          {allFilters && (
            <>
          {reachesSubtree(user) && (
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="操作人所在单位" htmlFor="audit-unit">
                <UnitTreeSelect
                  id="audit-unit"
                  label="操作人所在单位"
                  within={user.unit_id}
                  placeholder="全部单位"
                  allowClear
                  width="100%"
                  value={filter.unit_id ?? undefined}
                  onChange={(unit) => update({ unit: unit ? String(unit) : undefined })}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label="日期" htmlFor="audit-dates">
              <DatePicker.RangePicker
                id="audit-dates"
                style={{ width: "100%" }}
                value={range}
                placeholder={["起始日期", "截止日期"]}
                onChange={(dates) =>
                  update({ from: dates?.[0]?.format(DAY), to: dates?.[1]?.format(DAY) })
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label="对象" htmlFor="audit-type">
              <Select
                id="audit-type"
                allowClear
                placeholder="全部对象"
                loading={words.isPending}
                value={filter.entity_type ?? undefined}
                onChange={(value?: string) => update({ type: value })}
                options={words.data?.subjects.map((t) => ({ value: t.value, label: t.label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label="操作" htmlFor="audit-action">
              <Select
                id="audit-action"
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                placeholder="全部操作"
                loading={words.isPending}
                value={filter.action ?? undefined}
                onChange={(value?: string) => update({ action: value })}
                options={words.data?.actions.map((t) => ({ value: t.value, label: t.label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label="对象编号" htmlFor="audit-id">
              <Input.Search
                id="audit-id"
                key={`id-${filter.entity_id ?? ""}`}
                defaultValue={filter.entity_id ?? undefined}
                placeholder="如信息或申请的编号"
                enterButton="查找"
                onSearch={(value) => update({ id: value.trim() || undefined })}
              />
            </Form.Item>
          </Col>
            </>
          )}
        </Row>
        {!allFilters && (
          <Button type="link" style={{ padding: 0, marginBottom: 16 }} aria-expanded={false} onClick={() => setMore(true)}>
            更多筛选条件（单位、日期、对象、操作）
          </Button>
        )}
      </Form>
      {log.isError && <QueryError error={log.error} onRetry={() => log.refetch()} />}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        记录{log.data ? `（共 ${log.data.total} 条）` : ""}
      </Typography.Title>
      {log.isPending && <Skeleton active />}
      {log.data && log.data.items.length === 0 && <Empty description="没有符合条件的记录" />}
      <ol style={{ listStyle: "none", margin: 0, padding: 0, opacity: log.isPlaceholderData ? 0.6 : 1 }}>
        {log.data?.items.map((line) => (
          <li key={line.id} style={{ padding: "12px 0", borderBottom: "1px solid #f0f0f0" }}>
            <AuditLineView line={line} source={source} />
          </li>
        ))}
      </ol>
      {log.data && log.data.total > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={log.data.total}
          showSizeChanger={false}
          onChange={(next) => {
            const nextParams = new URLSearchParams(params);
            nextParams.set("page", String(next));
            setParams(nextParams);
          }}
        />
      )}
    </Card>
  );
}

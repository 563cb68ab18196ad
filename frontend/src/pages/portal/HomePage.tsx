import {
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FormOutlined,
  LikeOutlined,
  NumberOutlined,
  ProfileOutlined,
  ReadOutlined,
  SearchOutlined,
} from "@ant-design/icons";
import { Card, Col, Grid, Row, Skeleton, Typography } from "antd";
import type { ReactNode } from "react";
import { useMemo } from "react";
import { Link } from "react-router-dom";
import { useColumnTemplate } from "../../api/queries/catalog";
import { HOME_COLUMNS, useLatestItems } from "../../api/queries/portal";
import { useUnits } from "../../api/queries/units";
import { useGatewayVocabulary } from "../../api/queries/vocabulary";
import { QueryError } from "../../components/QueryError";
import { findColumn } from "../../lib/catalog";
import { buildUnitTree, type Unit } from "../../lib/units";
import { usePageTitle } from "../../lib/usePageTitle";
import { ItemList } from "./components/ItemList";
import { UnitLinks } from "./components/UnitLinks";

const LATEST_SIZE = 8;
const BLOCK_SIZE = 5;

interface Entry {
  to: string;
  title: string;
  hint: string;
  icon: ReactNode;
}

// On a phone the entries are two a row without their hints, so that the newest items follow
// soon after them.
function Entries({ entries, compact }: { entries: Entry[]; compact: boolean }) {
  return (
    <ul
      style={{
        listStyle: "none",
        margin: 0,
        padding: 0,
        display: "grid",
        gap: 8,
        gridTemplateColumns: compact ? "1fr 1fr" : "repeat(auto-fill, minmax(9.5em, 1fr))",
      }}
    >
      {entries.map((entry) => (
        <li key={entry.to}>
          <Link
            to={entry.to}
            style={{
              display: "flex",
              gap: 8,
              alignItems: "center",
              boxSizing: "border-box",
              height: "100%",
              padding: compact ? "6px 8px" : "8px 10px",
              border: "1px solid #d9d9d9",
              borderRadius: 6,
            }}
          >
            <span aria-hidden style={{ fontSize: 20 }}>
              {entry.icon}
            </span>
            <span>
              <strong style={{ display: "block" }}>{entry.title}</strong>
              {!compact && (
                <Typography.Text type="secondary" style={{ fontSize: "0.85em" }}>
                  {entry.hint}
                </Typography.Text>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Block({ title, more, children }: { title: string; more?: string; children: ReactNode }) {
  const phone = !Grid.useBreakpoint().md;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {title}
        </Typography.Title>
      }
      extra={more ? <Link to={more}>更多{title}</Link> : undefined}
      styles={{ body: phone ? { padding: "8px 12px 12px" } : { paddingTop: 8 } }}
    >
      {children}
    </Card>
  );
}

function Latest({ column, size, unitsById, empty }: { column?: string; size: number; unitsById: Map<number, Unit>; empty: string }) {
  const latest = useLatestItems(column, size);
  if (latest.isPending) return <Skeleton active />;
  if (latest.isError) return <QueryError error={latest.error} onRetry={() => latest.refetch()} />;
  return <ItemList items={latest.data.items} unitsById={unitsById} empty={empty} />;
}

/** 首页: the district's newest information, 政策解读 and 通知公告, the ways in (公开指南, 依申请公开,
 * 政务服务…) and every unit's catalogue. */
export function HomePage() {
  usePageTitle("首页");
  const units = useUnits();
  const vocabulary = useGatewayVocabulary();
  const template = useColumnTemplate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const unitsById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const root = tree[0];
  // 公开制度 and the blocks' "more" lead to the district's own catalogue columns.
  const columnLink = (code: string) => {
    const column = template.data && findColumn(template.data, (c) => c.code === code);
    return root && column ? `/units/${root.id}?column=${column.id}` : undefined;
  };

  const disclosure: Entry[] = [
    { to: "/guide", title: "公开指南", hint: "工作机构、申请方式", icon: <BookOutlined /> },
    {
      to: columnLink(HOME_COLUMNS.rules) ?? (root ? `/units/${root.id}` : "/guide"),
      title: "公开制度",
      hint: "信息公开工作制度",
      icon: <FileProtectOutlined />,
    },
    { to: "/annual-reports", title: "年度报告", hint: "政府信息公开工作年报", icon: <ProfileOutlined /> },
    { to: "/apply", title: "依申请公开", hint: "在线提交申请", icon: <FormOutlined /> },
    { to: "/track", title: "申请查询", hint: "凭查询码查办理进度", icon: <FileSearchOutlined /> },
    { to: "/search", title: "信息检索", hint: "全文检索公开信息", icon: <SearchOutlined /> },
  ];
  const hall: Entry[] = [
    { to: "/hall/guide", title: "办事指南", hint: "事项、材料和时限", icon: <ReadOutlined /> },
    { to: "/hall/ticket", title: "取号", hint: "政务大厅在线取号", icon: <NumberOutlined /> },
    { to: "/hall/book", title: "预约", hint: "预约到大厅办事", icon: <CalendarOutlined /> },
    { to: "/hall/rate", title: "评价", hint: "好差评", icon: <LikeOutlined /> },
    { to: "/hall/complain", title: "投诉", hint: "办事不满意可投诉", icon: <CommentOutlined /> },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: phone ? 22 : 28 }}>
          {root ? `${root.name}政务公开` : "政务公开"}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          依据《中华人民共和国政府信息公开条例》，{root?.name ?? "本级政府"}及其工作部门、街道（乡镇）在本平台主动公开政府信息；公民、法人和其他组织可以查阅公开目录，也可以依法申请获取政府信息。
        </Typography.Paragraph>
      </Col>
      <Col xs={24} lg={12}>
        <Block title="信息公开">
          <Entries entries={disclosure} compact={phone} />
        </Block>
      </Col>
      <Col xs={24} lg={12}>
        <Block title="政务服务">
          <Entries entries={hall} compact={phone} />
        </Block>
      </Col>
      <Col xs={24} lg={12}>
        <Block title="最新信息">
          <Latest size={LATEST_SIZE} unitsById={unitsById} empty="暂无公开信息" />
        </Block>
      </Col>
      <Col xs={24} lg={12}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Block title="政策解读" more={columnLink(HOME_COLUMNS.interpretations)}>
              <Latest column={HOME_COLUMNS.interpretations} size={BLOCK_SIZE} unitsById={unitsById} empty="暂无政策解读" />
            </Block>
          </Col>
          <Col span={24}>
            <Block title="通知公告" more={columnLink(HOME_COLUMNS.notices)}>
              <Latest column={HOME_COLUMNS.notices} size={BLOCK_SIZE} unitsById={unitsById} empty="暂无通知公告" />
            </Block>
          </Col>
        </Row>
      </Col>
      <Col span={24}>
        <Block title="信息公开单位">
          {units.isPending && <Skeleton active />}
          {units.isError && <QueryError error={units.error} onRetry={() => units.refetch()} />}
          {units.data && <UnitLinks root={root} types={vocabulary.data?.unit_types ?? []} collapsed={phone} />}
        </Block>
      </Col>
    </Row>
  );
}

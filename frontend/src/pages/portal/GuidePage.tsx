import { Breadcrumb, Card, Descriptions, Grid, List, Skeleton, Space, Tag, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { useUnitColumns } from "../../api/queries/catalog";
import { HOME_COLUMNS, useColumnItems } from "../../api/queries/portal";
import { useUnits } from "../../api/queries/units";
import { useGatewayVocabulary } from "../../api/queries/vocabulary";
import { QueryError } from "../../components/QueryError";
import type { components } from "../../api/schema";
import { findColumn } from "../../lib/catalog";
import { buildUnitTree, unitPath, type Unit } from "../../lib/units";
import { usePageTitle } from "../../lib/usePageTitle";
import { NotFoundPage } from "../NotFoundPage";
import { ItemList } from "./components/ItemList";
import { UnitLinks } from "./components/UnitLinks";

type CountedColumn = components["schemas"]["CatalogUnitColumnNode"];
const NOT_PUBLISHED = "尚未公布";
// Links inside running text are underlined: colour alone does not tell them apart (WCAG 1.4.1).
const INLINE = { textDecoration: "underline" } as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}

/** The body that hears reconsideration of the unit's acts: a vertically managed unit's own
 * authority above it; a department's or a street's, the government above it. */
function reconsiderationBody(unit: Unit, path: Unit[]): string {
  if (unit.vertically_managed && unit.reconsideration_body) return unit.reconsideration_body;
  const parent = path.length > 1 ? path[path.length - 2] : undefined;
  if (parent && parent.type === "government") return parent.name;
  return parent ? `${parent.name}或其上一级人民政府` : "上一级人民政府";
}

/** The unit's own 公开指南 and 公开制度 items, if its catalogue lists any. */
function OwnDocuments({ unitId, columns }: { unitId: number; columns: CountedColumn[] | undefined }) {
  const guide = columns && findColumn(columns, (c) => c.code === HOME_COLUMNS.guide);
  const rules = columns && findColumn(columns, (c) => c.code === HOME_COLUMNS.rules);
  const guideItems = useColumnItems(unitId, guide?.id ?? 0, 1, 5, !!guide);
  const ruleItems = useColumnItems(unitId, rules?.id ?? 0, 1, 5, !!rules);
  const items = [...(guideItems.data?.items ?? []), ...(ruleItems.data?.items ?? [])];
  if (!items.length) return null;
  return (
    <Section title="本单位发布的公开指南和公开制度">
      <ItemList items={items} />
    </Section>
  );
}

/** 政府信息公开指南 of a unit (the district's by default): its disclosure office, how its catalogue
 * is organised, how to apply, and the remedies (《政府信息公开条例》第十二条). */
export function GuidePage() {
  const params = useParams();
  const units = useUnits();
  const vocabulary = useGatewayVocabulary();
  const screens = Grid.useBreakpoint();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const unitId = params.unitId === undefined ? tree[0]?.id : Number(params.unitId);
  const unit = units.data?.find((u) => u.id === unitId);
  const columns = useUnitColumns(unit?.id);
  usePageTitle(unit ? `${unit.name}政府信息公开指南` : "政府信息公开指南");

  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;
  if (!unit) return <NotFoundPage />;
  const path = unitPath(units.data, unit.id);
  const phoneHref = unit.office_phone ? `tel:${unit.office_phone.replace(/-/g, "")}` : undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/guide">公开指南</Link> },
          { title: unit.name },
        ]}
      />
      <div>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: screens.md ? 28 : 22 }}>
          {unit.name}政府信息公开指南
        </Typography.Title>
        <Typography.Paragraph>
          为便于公民、法人和其他组织获取政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。本指南说明{unit.name}
          政府信息公开工作机构的联系方式、主动公开信息的分类和查阅方式、依申请公开的办理程序，以及监督和救济途径。
        </Typography.Paragraph>
        <Space wrap>
          <Link to={`/units/${unit.id}`}>查阅{unit.name}政府信息公开目录</Link>
          <Link to="/apply">在线提交政府信息公开申请</Link>
        </Space>
      </div>

      <Section title="一、政府信息公开工作机构">
        <Descriptions column={1} bordered size="small" styles={{ label: { width: screens.md ? 160 : 96 } }}>
          <Descriptions.Item label="办公地址">{unit.office_address || NOT_PUBLISHED}</Descriptions.Item>
          <Descriptions.Item label="办公时间">{unit.office_hours || NOT_PUBLISHED}</Descriptions.Item>
          <Descriptions.Item label="咨询电话">
            {phoneHref ? <a href={phoneHref}>{unit.office_phone}</a> : NOT_PUBLISHED}
          </Descriptions.Item>
          <Descriptions.Item label="通信地址">{unit.postal_address || NOT_PUBLISHED}</Descriptions.Item>
          <Descriptions.Item label="邮政编码">{unit.postal_code || NOT_PUBLISHED}</Descriptions.Item>
          {unit.office_email && (
            <Descriptions.Item label="电子邮箱">
              <a href={`mailto:${unit.office_email}`}>{unit.office_email}</a>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Section>

      <Section title="二、主动公开">
        <Typography.Paragraph>
          {unit.name}主动公开的政府信息按公开目录分类编排，每条信息有唯一的索引号（统一社会信用代码/年份-顺序号），
          自信息形成或者变更之日起20个工作日内公开（《条例》第二十六条）。可以在公开目录中按栏目查阅，也可以
          <Link to={`/search?unit=${unit.id}`} style={INLINE}>
            在本单位信息中检索
          </Link>。
        </Typography.Paragraph>
        {columns.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
        {columns.isError && <QueryError error={columns.error} onRetry={() => columns.refetch()} />}
        {columns.data && (
          <List
            size="small"
            header={<Typography.Title level={3} style={{ margin: 0, fontSize: 15 }}>公开目录栏目</Typography.Title>}
            dataSource={columns.data}
            renderItem={(column) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Link to={`/units/${unit.id}?column=${column.id}`}>{column.name}</Link>
                <Tag style={{ marginInlineStart: 8 }}>{column.item_count} 条</Tag>
              </List.Item>
            )}
          />
        )}
      </Section>

      <Section title="三、依申请公开">
        <Typography.Paragraph>
          公民、法人和其他组织可以向{unit.name}申请获取主动公开以外的政府信息。申请应当包括申请人的姓名或者名称、身份证明、联系方式，
          所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式（《条例》第二十九条）。
        </Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20 }}>
          <li>
            在线申请：
            <Link to="/apply" style={INLINE}>
              填写申请表
            </Link>
            ，提交后获得查询码，可在
            <Link to="/track" style={INLINE}>
              申请查询
            </Link>
            中查看办理进度。
          </li>
          <li>当面申请：工作时间到上述办公地址填写申请表。</li>
          <li>信函申请：寄往上述通信地址，信封注明“政府信息公开申请”。</li>
        </ul>
        <Typography.Paragraph>
          能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的经负责人同意可延长不超过20个工作日
          （《条例》第三十三条）。依申请提供政府信息不收费；申请数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条）。
        </Typography.Paragraph>
      </Section>

      <Section title="四、监督和救济">
        <Typography.Paragraph>
          认为{unit.name}在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报；
          也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
        </Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20 }}>
          <li>行政复议：自知道该行政行为之日起60日内，向{reconsiderationBody(unit, path)}申请。</li>
          <li>行政诉讼：自知道或者应当知道作出行政行为之日起6个月内，向有管辖权的人民法院提起。</li>
        </ul>
      </Section>

      <OwnDocuments unitId={unit.id} columns={columns.data} />

      <Section title="其他单位的公开指南">
        <UnitLinks
          root={tree[0]}
          types={vocabulary.data?.unit_types ?? []}
          collapsed
          href={(u) => `/units/${u.id}/guide`}
        />
      </Section>
    </Space>
  );
}

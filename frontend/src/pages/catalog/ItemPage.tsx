import { Alert, Breadcrumb, Card, Divider, List, Skeleton, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/errors";
import { useItem, useItems } from "../../api/queries/catalog";
import { useLabels } from "../../api/queries/vocabulary";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { ReadAloud } from "../../components/shell/ReadAloud";
import { isStaffItem, STATUS_COLOURS, type PublicItem, type StaffItem } from "../../lib/catalog";
import { canSee } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { NotFoundPage } from "../NotFoundPage";
import { AttachmentList } from "./components/Attachments";
import { ItemArticle } from "./components/ItemArticle";

const date = (value: string | null | undefined) => (value ? dayjs(value).format("YYYY-MM-DD") : "—");

function ItemLink({ id, title }: { id: number; title?: string }) {
  return <Link to={`/items/${id}`}>{title ? `《${title}》` : "查看"}</Link>;
}

function ValidityNotice({ item, replacement }: { item: PublicItem; replacement?: PublicItem }) {
  if (item.validity === "valid") return null;
  const verb = item.validity === "repealed" ? "废止" : "失效";
  return (
    <Alert
      type={item.validity === "repealed" ? "error" : "warning"}
      showIcon
      title={`本文件已于 ${date(item.validity_changed_on)} ${verb}，仅供查阅参考。`}
      description={
        item.replaced_by_id ? (
          <span>
            现行文件：<ItemLink id={item.replaced_by_id} title={replacement?.title} />
          </span>
        ) : null
      }
    />
  );
}

/**
 * What the unit's staff see above the item: that it is not public yet, and the steps the catalog
 * lets them take on it now (its `next_steps`), which the console's editor offers.
 */
function StaffNotice({ item }: { item: StaffItem }) {
  const user = useCurrentUser();
  const label = useLabels("catalog");
  const published = item.status === "published";
  const inConsole = canSee("/console/items", user);
  const steps = inConsole ? item.next_steps : [];
  if (published && !steps.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={
        <Space wrap>
          {!published && (
            <>
              本信息尚未公开，仅本单位工作人员可见
              <Tag color={STATUS_COLOURS[item.status]}>{label("statuses", item.status)}</Tag>
            </>
          )}
          {inConsole && (
            <Link to={`/console/items/${item.id}`}>
              在工作台中打开{steps.length > 0 && `（可${steps.map((step) => label("steps", step)).join("、")}）`}
            </Link>
          )}
        </Space>
      }
    />
  );
}

/** One published item (政府信息) as the public reads it: the 索引号 block, body and links. */
export function ItemPage() {
  const itemId = Number(useParams().itemId);
  const item = useItem(Number.isInteger(itemId) ? itemId : undefined);
  const data = item.data;
  const relatedIds = data
    ? [...(data.replaced_by_id ? [data.replaced_by_id] : []), ...(data.interprets_id ? [data.interprets_id] : [])]
    : [];
  // The titles of related items (解读、被解读的政策、替代文件), each a link.
  const related = useItems([...relatedIds, ...(data?.interpretation_ids ?? [])]);
  const titleOf = (id: number) => related.find((r) => r.data?.id === id)?.data;
  usePageTitle(data?.title ?? "信息详情");

  if (!Number.isInteger(itemId)) return <NotFoundPage />;
  if (item.isPending) return <Skeleton active />;
  if (item.isError) {
    return item.error instanceof ApiError && item.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <QueryError error={item.error} onRetry={() => item.refetch()} />
    );
  }
  const it = item.data;
  const staff = isStaffItem(it);

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to={`/units/${it.unit_id}`}>{it.unit_name}</Link> },
          { title: <Link to={`/units/${it.unit_id}?column=${it.column_id}`}>{it.column_name}</Link> },
          { title: "正文" },
        ]}
      />
      {staff && <StaffNotice item={it} />}
      <div className="item-tools">
        <ReadAloud title={it.title} html={it.body_html} />
      </div>
      <Card>
        <ItemArticle
          item={it}
          headingLevel={1}
          notices={
            <>
              <ValidityNotice item={it} replacement={it.replaced_by_id ? titleOf(it.replaced_by_id) : undefined} />
              {it.interprets_id && (
                <Alert
                  style={{ marginTop: 16 }}
                  type="info"
                  showIcon
                  title={
                    <span>
                      本文是对 <ItemLink id={it.interprets_id} title={titleOf(it.interprets_id)?.title} /> 的政策解读
                    </span>
                  }
                />
              )}
            </>
          }
        />
        <AttachmentList itemId={it.id} />
        {it.interpretation_ids.length > 0 && (
          <>
            <Divider />
            <Typography.Title level={2} className="item-section-title">
              政策解读
            </Typography.Title>
            <List
              size="small"
              dataSource={it.interpretation_ids}
              renderItem={(id) => (
                <List.Item>
                  <ItemLink id={id} title={titleOf(id)?.title} />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </Space>
  );
}

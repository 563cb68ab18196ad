import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiError } from "../../../api/errors";
import { RATING_LEVELS, useLookUpCase, useRateCase, type CaseKey, type RateableCase } from "../../../api/queries/hallRatings";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";
import { RatingButtons } from "./RatingButtons";

const labelOf = (level: number | null | undefined) => RATING_LEVELS.find((l) => l.level === level)?.label ?? "";

/** 好差评 (public): the applicant names the case by number and query code and rates it once. */
export function RatePage() {
  const [params] = useSearchParams();
  const [key, setKey] = useState<CaseKey | null>(null);
  const [found, setFound] = useState<RateableCase | null>(null);
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const lookUp = useLookUpCase({ onSuccess: (shown) => setFound(shown) });
  const rate = useRateCase();
  usePageTitle(rate.isSuccess ? "感谢您的评价" : "政务服务好差评");

  if (rate.isSuccess) {
    const bad = rate.data.level >= 4;
    return (
      <Result
        status="success"
        title={<PageHeading>感谢您的评价</PageHeading>}
        subTitle={
          bad
            ? `您的评价（${rate.data.level_label}）已转交办理单位回访整改，我们会在15个工作日内与您联系。`
            : `您的评价：${rate.data.level_label}。`
        }
      />
    );
  }

  return (
    <Card title={<PageHeading>政务服务好差评</PageHeading>}>
      {!found ? (
        <Form<CaseKey>
          layout="vertical"
          style={{ maxWidth: 420 }}
          initialValues={{ number: params.get("number") ?? "" }}
          onFinish={(values) => {
            setKey(values);
            lookUp.mutate(values);
          }}
        >
          <Typography.Paragraph type="secondary">请输入办件回执上的办件编号和查询码。</Typography.Paragraph>
          <Form.Item name="number" label="办件编号" rules={[{ required: true, message: "请输入办件编号" }]}>
            <Input placeholder="如 BJ2026000123" />
          </Form.Item>
          <Form.Item name="code" label="查询码" rules={[{ required: true, message: "请输入查询码" }]}>
            <Input placeholder="8位查询码" />
          </Form.Item>
          {lookUp.error ? <Alert type="error" showIcon title={lookUp.error.message} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" loading={lookUp.isPending}>
            查找办件
          </Button>
        </Form>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: "100%" }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="办件编号">{found.number}</Descriptions.Item>
            <Descriptions.Item label="办理事项">{found.item_name}</Descriptions.Item>
            <Descriptions.Item label="办理单位">{found.unit_name}</Descriptions.Item>
            <Descriptions.Item label="办结日期">{found.completed_on ?? "尚未办结"}</Descriptions.Item>
          </Descriptions>
          {found.rated ? (
            <Alert type="info" showIcon title={`该办件已评价（${labelOf(found.level)}），每件只能评价一次。`} />
          ) : !found.completed_on ? (
            <Alert type="warning" showIcon title="办件尚未办结，办结后才能评价。" />
          ) : (
            <>
              <RatingButtons value={level} onChange={setLevel} />
              <Input.TextArea
                aria-label="评价意见"
                placeholder="评价意见（选填）：您的意见会帮助我们改进服务"
                maxLength={500}
                rows={3}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
              {rate.error ? (
                <Alert
                  type="error"
                  showIcon
                  title={rate.error.message}
                  description={rate.error instanceof ApiError ? rate.error.fields.map((f) => f.reason).join("；") : null}
                />
              ) : null}
              <Button
                type="primary"
                size="large"
                disabled={level === null || key === null}
                loading={rate.isPending}
                onClick={() => key && level && rate.mutate({ ...key, level, comment })}
              >
                提交评价
              </Button>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}

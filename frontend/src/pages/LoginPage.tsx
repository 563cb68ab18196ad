import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { ApiError, formErrors } from "../api/errors";
import { login, useCurrentUser } from "../auth/useAuth";
import { usePageTitle } from "../lib/usePageTitle";

interface Credentials {
  username: string;
  password: string;
}

/** Only paths inside this site are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/console";
}

export function LoginPage() {
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get("next"));
  usePageTitle("工作人员登录");

  if (user) return <Navigate to={next} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setProblem(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError) {
        form.setFields(formErrors(error, ["username", "password"] as const));
        setProblem(error.message);
      } else {
        setProblem("登录失败，请稍后再试");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: "48px auto" }}>
      <Typography.Title level={1} style={{ textAlign: "center", fontSize: 24 }}>
        工作人员登录
      </Typography.Title>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </Card>
  );
}

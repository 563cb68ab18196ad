import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError, formErrors } from "../../api/errors";
import { useUnits } from "../../api/queries";
import type { components } from "../../api/schema";
import { ROLE_LABELS } from "../../lib/labels";
import { buildUnitTree, type UnitNode } from "../../lib/units";
import { QueryError } from "../QueryError";

type User = components["schemas"]["UserOut"];
type UserIn = components["schemas"]["UserIn"];
type Role = components["schemas"]["Role"];
const FIELDS = ["username", "display_name", "unit_id", "roles", "password"] as const;
const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[])
  .filter((r) => r !== "service")
  .map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface UnitOption {
  value: number;
  title: string;
  children: UnitOption[];
}
const unitOptions = (nodes: UnitNode[]): UnitOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: unitOptions(n.children) }));

/** 账号管理: staff accounts, their unit and roles. Passwords are never shown, only reset. */
export function UsersPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const units = useUnits();
  const users = useQuery({ queryKey: ["users"], queryFn: () => unwrap(api.GET("/api/users")) });
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [form] = Form.useForm<UserIn>();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);

  const save = useMutation({
    mutationFn: (values: UserIn) => {
      if (editing && editing !== "new") {
        const { display_name, unit_id, roles, password } = values;
        return unwrap(
          api.PATCH("/api/users/{user_id}", {
            params: { path: { user_id: editing.id } },
            body: { display_name, unit_id, roles, ...(password ? { password } : {}) },
          }),
        );
      }
      return unwrap(api.POST("/api/users", { body: values }));
    },
    onSuccess: (user) => {
      message.success(`已保存账号 ${user.username}`);
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ["users"] });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
      message.error(error.message);
    },
  });

  const toggle = useMutation({
    mutationFn: (user: User) =>
      unwrap(
        api.PATCH("/api/users/{user_id}", {
          params: { path: { user_id: user.id } },
          body: { active: !user.active },
        }),
      ),
    onSuccess: (user) => {
      message.success(user.active ? `已启用 ${user.username}` : `已停用 ${user.username}`);
      void queryClient.invalidateQueries({ queryKey: ["users"] });
    },
    onError: (error) => message.error(error.message),
  });

  if (users.isError) return <QueryError error={users.error} onRetry={() => users.refetch()} />;
  const isNew = editing === "new";

  return (
    <Card
      title="账号管理"
      extra={
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            setEditing("new");
          }}
        >
          新增账号
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: "用户名", dataIndex: "username" },
          { title: "姓名", dataIndex: "display_name" },
          { title: "单位", dataIndex: "unit_id", render: (id: number) => unitName.get(id) ?? id },
          {
            title: "角色",
            dataIndex: "roles",
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
          },
          {
            title: "启用",
            dataIndex: "active",
            render: (_: boolean, user: User) => (
              <Switch checked={user.active} loading={toggle.isPending} onChange={() => toggle.mutate(user)} />
            ),
          },
          {
            title: "操作",
            key: "edit",
            render: (_: unknown, user: User) => (
              <Button
                size="small"
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue(user);
                  setEditing(user);
                }}
              >
                修改
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={isNew ? "新增账号" : "修改账号"}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, message: "请输入用户名" },
              { pattern: /^[A-Za-z0-9_.-]{2,50}$/, message: "2至50位字母、数字、下划线、点或横线" },
            ]}
          >
            <Input disabled={!isNew} />
          </Form.Item>
          <Form.Item label="姓名" name="display_name" rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="所在单位" name="unit_id" rules={[{ required: true, message: "请选择单位" }]}>
            <TreeSelect
              treeData={unitOptions(buildUnitTree(units.data ?? []))}
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
          <Form.Item label="角色" name="roles" rules={[{ required: true, message: "至少选择一个角色" }]}>
            <Select mode="multiple" options={ROLE_OPTIONS} />
          </Form.Item>
          <Form.Item
            label={isNew ? "初始密码" : "重置密码（不改请留空）"}
            name="password"
            rules={[{ required: isNew, min: 10, message: "密码至少10位" }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

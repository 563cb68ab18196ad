import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSaveUser, useUnlockUser, useUsers } from "../../api/queries/identity";
import { useUnits } from "../../api/queries/units";
import { useLabels } from "../../api/queries/vocabulary";
import type { components } from "../../api/schema";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { usePageTitle } from "../../lib/usePageTitle";
import { UserDialog } from "./components/UserDialog";

type User = components["schemas"]["UserOut"];
type Role = components["schemas"]["Role"];

/** 账号管理: staff accounts, their unit and roles, and login lockouts. Passwords are never shown, only reset. */
export function UsersPage() {
  const { message } = App.useApp();
  const units = useUnits();
  const users = useUsers();
  const label = useLabels("gateway");
  const [editing, setEditing] = useState<User | "new" | null>(null);
  usePageTitle("账号管理");
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);

  const toggle = useSaveUser({
    onSuccess: (user) => message.success(user.active ? `已启用 ${user.username}` : `已停用 ${user.username}`),
    onError: (error) => message.error(error.message),
  });
  const unlock = useUnlockUser({
    onSuccess: (user) => message.success(`已解锁 ${user.username}，可以重新登录`),
    onError: (error) => message.error(error.message),
  });

  if (users.isError) return <QueryError error={users.error} onRetry={() => users.refetch()} />;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          账号管理
        </Typography.Title>
      }
      extra={
        <Button type="primary" onClick={() => setEditing("new")}>
          新增账号
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: "max-content" }}
        columns={[
          {
            title: "用户名",
            dataIndex: "username",
            render: (username: string, user) => (
              <Space size={4} wrap>
                {username}
                {user.locked_until && <Tag color="red">已锁定至 {formatDateTime(user.locked_until)}</Tag>}
              </Space>
            ),
          },
          { title: "姓名", dataIndex: "display_name" },
          { title: "单位", dataIndex: "unit_id", render: (id: number) => unitName.get(id) ?? id },
          {
            title: "角色",
            dataIndex: "roles",
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{label("roles", r)}</Tag>),
          },
          {
            title: "启用",
            dataIndex: "active",
            render: (_: boolean, user: User) => (
              <Switch
                aria-label={`启用账号 ${user.username}`}
                checked={user.active}
                loading={toggle.isPending}
                onChange={() => toggle.mutate({ userId: user.id, body: { active: !user.active } })}
              />
            ),
          },
          {
            title: "操作",
            key: "actions",
            render: (_: unknown, user: User) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(user)}>
                  修改
                </Button>
                {user.locked_until && (
                  <Popconfirm
                    title={`解锁 ${user.username}？`}
                    description="解除因密码连续错误而设的登录锁定。"
                    okText="解锁"
                    cancelText="取消"
                    onConfirm={() => unlock.mutate(user)}
                  >
                    <Button size="small" loading={unlock.isPending && unlock.variables?.id === user.id}>
                      解锁
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserDialog editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

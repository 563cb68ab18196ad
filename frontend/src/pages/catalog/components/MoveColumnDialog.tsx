import { App, Modal, TreeSelect, Typography } from "antd";
import { useState } from "react";
import { useSaveColumn } from "../../../api/queries/catalog";
import { columnOptions, flattenColumns, withDisabled, type ColumnNode } from "../../../lib/catalog";

/** A column (with its sub-columns) under another parent, or to the top level. */
export function MoveColumnDialog({
  tree,
  column,
  onClose,
}: {
  tree: ColumnNode[];
  column: ColumnNode | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [parent, setParent] = useState<number | undefined>();
  const move = useSaveColumn({
    onSuccess: (moved) => {
      message.success(`已移动栏目 ${moved.name}`);
      setParent(undefined);
      onClose();
    },
    onError: (error) => message.error(error.message),
  });
  // A column cannot go under itself or its own sub-columns.
  const below = new Set(column ? flattenColumns([column]).map((c) => c.id) : []);

  return (
    <Modal
      open={column !== null}
      title={`移动栏目：${column?.name ?? ""}`}
      okText="移动"
      cancelText="取消"
      confirmLoading={move.isPending}
      onOk={() =>
        move.mutate({
          columnId: column!.id,
          body: parent ? { parent_id: parent, to_top_level: false } : { to_top_level: true },
        })
      }
      onCancel={() => {
        setParent(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>移到以下栏目之下（不选则设为一级栏目）：</Typography.Paragraph>
      <TreeSelect
        aria-label="新的上级栏目"
        allowClear
        showSearch
        treeNodeFilterProp="title"
        style={{ width: "100%" }}
        placeholder="设为一级栏目"
        treeData={withDisabled(columnOptions(tree), below)}
        value={parent}
        onChange={(value?: number) => setParent(value)}
      />
    </Modal>
  );
}

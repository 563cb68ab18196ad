import { App, Modal, TreeSelect, Typography } from "antd";
import { useState } from "react";
import { useMergeColumn } from "../../../api/queries/catalog";
import { columnOptions, flattenColumns, withDisabled, type ColumnNode } from "../../../lib/catalog";

/** 栏目合并: the column and its items go into another; old links to it lead to that one. */
export function MergeColumnDialog({
  tree,
  column,
  onClose,
}: {
  tree: ColumnNode[];
  column: ColumnNode | null;
  onClose: () => void;
}) {
  const { message, modal } = App.useApp();
  const [into, setInto] = useState<number | undefined>();
  const merge = useMergeColumn({
    onSuccess: (result) => {
      modal.success({
        title: "合并完成",
        content: `“${column?.name}”已并入“${result.columns[0]?.name ?? ""}”，迁移信息 ${result.moved} 条；原栏目的链接指向新栏目。`,
      });
      setInto(undefined);
      onClose();
    },
    onError: (error) => message.error(error.message),
  });
  const self = new Set(column ? flattenColumns([column]).map((c) => c.id) : []);
  return (
    <Modal
      open={column !== null}
      title={`合并栏目：${column?.name ?? ""}`}
      okText="合并"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: !into }}
      confirmLoading={merge.isPending}
      onOk={() => merge.mutate({ columnId: column!.id, into: into! })}
      onCancel={() => {
        setInto(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>合并后本栏目停用，其中的信息全部移入以下栏目：</Typography.Paragraph>
      <TreeSelect
        aria-label="并入的栏目"
        showSearch
        treeNodeFilterProp="title"
        style={{ width: "100%" }}
        treeData={withDisabled(columnOptions(tree), self)}
        value={into}
        onChange={(value?: number) => setInto(value)}
      />
    </Modal>
  );
}

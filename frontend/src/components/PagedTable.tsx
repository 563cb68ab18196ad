import type { UseQueryResult } from "@tanstack/react-query";
import { Table, type TableProps } from "antd";
import { QueryError } from "./QueryError";
import { useScrollRegion } from "./ScrollBox";

interface Page<T> {
  items: T[];
  total: number;
}

interface Props<T> extends Omit<TableProps<T>, "dataSource" | "loading" | "pagination"> {
  /** The page shown; a query that keeps the last page while the next one loads. */
  query: UseQueryResult<Page<T>>;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** What is counted under the table, "共 12 条"; no count when absent. */
  countUnit?: string;
  /** The table's name for a screen reader when it scrolls sideways in its box. */
  label?: string;
}

/**
 * A list the server pages: the page chosen by the caller (in the address, mostly), errors in place.
 * Wider than the screen (a phone, 200 % zoom), it scrolls sideways in its own box, never the page.
 */
export function PagedTable<T extends object>({
  query,
  page,
  pageSize,
  onPageChange,
  countUnit,
  label = "列表",
  ...table
}: Props<T>) {
  const box = useScrollRegion(label);
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Table<T>
      ref={box}
      scroll={{ x: "max-content" }}
      {...table}
      loading={query.isPending || query.isFetching}
      dataSource={query.data?.items ?? []}
      pagination={{
        current: page,
        pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: countUnit ? (total) => `共 ${total} ${countUnit}` : undefined,
        onChange: onPageChange,
      }}
    />
  );
}

// The body editor, fetched only when a page shows it: TipTap and ProseMirror stay out of every
// other page's download.
import { Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type { RichTextEditorProps } from "./RichTextEditor";

const Editor = lazy(() => import("./RichTextEditor"));

export function LazyRichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <Editor {...props} />
    </Suspense>
  );
}

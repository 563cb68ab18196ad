// The body editor (正文) of an information item: TipTap with exactly what the catalog keeps when
// it saves (headings 2–4 under the page's h1, bold, italic, lists, tables, links, images; see
// `sanitise` in the catalog's items/service.py). Loaded on its own (LazyRichTextEditor), so no
// other page downloads it.
import {
  BoldOutlined,
  DisconnectOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  TableOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Image } from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import {
  EditorContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  useEditor,
  useEditorState,
  type Editor,
  type NodeViewProps,
} from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { Button, Divider, Space, Tooltip } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { useImageSource } from "./attachmentImages";
import { ImageDialog, LinkDialog, type ImageUpload } from "./dialogs";
import "./editor.css";

export interface RichTextEditorProps {
  /** The body as HTML; "" when empty. */
  value?: string;
  onChange?: (html: string) => void;
  disabled?: boolean;
  /** What the editing area is called to screen readers. */
  label: string;
  /** Uploads an image as an attachment of the item; absent: images only by address. */
  onUploadImage?: ImageUpload;
  /** Called once an uploaded image is in the body (the page may save it). */
  onImageInserted?: () => void;
}

function AttachmentImageView({ node, selected }: NodeViewProps) {
  const attrs = node.attrs as { src: string; alt?: string | null; title?: string | null };
  const shown = useImageSource(attrs.src);
  return (
    <NodeViewWrapper className={selected ? "rich-image rich-image-selected" : "rich-image"}>
      <img src={shown} alt={attrs.alt ?? ""} title={attrs.title ?? undefined} />
    </NodeViewWrapper>
  );
}

// Unpublished items' images are attachments only staff may download: drawn through the client.
const BodyImage = Image.extend({
  addNodeView() {
    return ReactNodeViewRenderer(AttachmentImageView);
  },
});

export const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["http", "https", "mailto"],
      // A government page's links open where the reader is; the catalog sets rel on saving.
      HTMLAttributes: { target: null, rel: null },
      isAllowedUri: (url, { defaultValidate }) =>
        /^(https?:|mailto:|\/(?!\/))/i.test(url) && defaultValidate(url),
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
  BodyImage.configure({ allowBase64: false }),
];

/** What the toolbar shows as pressed or possible, read once per change of the editor. */
function useToolbarState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive("paragraph"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      canDeleteRow: e.can().deleteRow(),
      canDeleteColumn: e.can().deleteColumn(),
    }),
  });
}

interface ToolProps {
  /** The button's name: its visible text when it has one, else what its icon means. */
  label: string;
  icon?: ReactNode;
  /** Shows the label as the button's text (the name is then what is seen). */
  text?: boolean;
  /** A longer explanation in the tooltip. */
  hint?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

function Tool({ label, icon, text, hint, pressed, disabled, onClick }: ToolProps) {
  const button = (
    <Button
      size="small"
      type={pressed ? "primary" : "text"}
      icon={icon}
      aria-label={text ? undefined : label}
      aria-pressed={pressed}
      autoInsertSpace={false}
      disabled={disabled}
      // Keeps the selection in the text while the button is clicked.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {text && label}
    </Button>
  );
  return text && !hint ? button : <Tooltip title={hint ?? label}>{button}</Tooltip>;
}

function Toolbar({
  editor,
  disabled,
  onLink,
  onImage,
}: {
  editor: Editor;
  disabled: boolean;
  onLink: () => void;
  onImage: () => void;
}) {
  const state = useToolbarState(editor);
  const run = () => editor.chain().focus();
  return (
    <div className="rich-toolbar" role="toolbar" aria-label="正文格式">
      <Space size={2} wrap separator={<Divider orientation="vertical" />}>
        <Space size={2}>
          <Tool label="撤销" icon={<UndoOutlined />} disabled={disabled || !state.canUndo} onClick={() => run().undo().run()} />
          <Tool label="重做" icon={<RedoOutlined />} disabled={disabled || !state.canRedo} onClick={() => run().redo().run()} />
        </Space>
        <Space size={2}>
          <Tool label="正文" text hint="正文段落" pressed={state.paragraph} disabled={disabled} onClick={() => run().setParagraph().run()} />
          {([2, 3, 4] as const).map((level) => (
            <Tool
              key={level}
              label={`${["", "", "二", "三", "四"][level]}级标题`}
              text
              pressed={state[`h${level}`]}
              disabled={disabled}
              onClick={() => run().toggleHeading({ level }).run()}
            />
          ))}
        </Space>
        <Space size={2}>
          <Tool label="加粗" icon={<BoldOutlined />} pressed={state.bold} disabled={disabled} onClick={() => run().toggleBold().run()} />
          <Tool label="倾斜" icon={<ItalicOutlined />} pressed={state.italic} disabled={disabled} onClick={() => run().toggleItalic().run()} />
        </Space>
        <Space size={2}>
          <Tool
            label="编号列表"
            icon={<OrderedListOutlined />}
            pressed={state.orderedList}
            disabled={disabled}
            onClick={() => run().toggleOrderedList().run()}
          />
          <Tool
            label="项目符号列表"
            icon={<UnorderedListOutlined />}
            pressed={state.bulletList}
            disabled={disabled}
            onClick={() => run().toggleBulletList().run()}
          />
        </Space>
        <Space size={2}>
          <Tool label="插入链接" icon={<LinkOutlined />} pressed={state.link} disabled={disabled} onClick={onLink} />
          <Tool
            label="取消链接"
            icon={<DisconnectOutlined />}
            disabled={disabled || !state.link}
            onClick={() => run().extendMarkRange("link").unsetLink().run()}
          />
          <Tool label="插入图片" icon={<PictureOutlined />} disabled={disabled} onClick={onImage} />
        </Space>
        <Space size={2} wrap>
          <Tool
            label="插入表格"
            icon={<TableOutlined />}
            disabled={disabled || state.inTable}
            onClick={() => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          />
          {state.inTable && (
            <>
              <Tool label="插入行" text hint="在当前行下方插入一行" disabled={disabled} onClick={() => run().addRowAfter().run()} />
              <Tool label="删除行" text hint="删除当前行" disabled={disabled || !state.canDeleteRow} onClick={() => run().deleteRow().run()} />
              <Tool label="插入列" text hint="在当前列右侧插入一列" disabled={disabled} onClick={() => run().addColumnAfter().run()} />
              <Tool
                label="删除列"
                text
                hint="删除当前列"
                disabled={disabled || !state.canDeleteColumn}
                onClick={() => run().deleteColumn().run()}
              />
              <Tool label="删除表格" text disabled={disabled} onClick={() => run().deleteTable().run()} />
            </>
          )}
        </Space>
      </Space>
    </div>
  );
}

// The empty paragraph the editor keeps after a last table or heading (to type below it) is not
// part of the body.
const htmlOf = (editor: Editor) => (editor.isEmpty ? "" : editor.getHTML().replace(/(<p><\/p>)+$/, ""));

export function RichTextEditor({ value, onChange, disabled = false, label, onUploadImage, onImageInserted }: RichTextEditorProps) {
  const [dialog, setDialog] = useState<"link" | "image" | null>(null);
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value ?? "",
    editable: !disabled,
    editorProps: {
      attributes: { class: "item-body rich-content", role: "textbox", "aria-multiline": "true", "aria-label": label },
    },
    onUpdate: ({ editor: e }) => onChange?.(htmlOf(e)),
  });

  // The form sets the body when the item arrives or is saved; what the author typed is the same.
  // (An editor React has already let go of, in development's double mounting, is left alone.)
  useEffect(() => {
    if (editor.isDestroyed || value === undefined || value === htmlOf(editor)) return;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    if (!editor.isDestroyed) editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  return (
    <div className={disabled ? "rich-editor rich-editor-disabled" : "rich-editor"}>
      {!disabled && (
        <Toolbar editor={editor} disabled={disabled} onLink={() => setDialog("link")} onImage={() => setDialog("image")} />
      )}
      <EditorContent editor={editor} />
      {dialog === "link" && (
        <LinkDialog
          open
          initial={(editor.getAttributes("link").href as string | undefined) ?? ""}
          hasSelection={!editor.state.selection.empty || editor.isActive("link")}
          onCancel={() => setDialog(null)}
          onOk={(href, text) => {
            setDialog(null);
            const chain = editor.chain().focus();
            if (text) {
              chain.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).run();
            } else {
              chain.extendMarkRange("link").setLink({ href }).run();
            }
          }}
        />
      )}
      {dialog === "image" && (
        <ImageDialog
          open
          upload={onUploadImage}
          onCancel={() => setDialog(null)}
          onOk={(image, uploaded) => {
            setDialog(null);
            editor.chain().focus().setImage(image).run();
            if (uploaded) onImageInserted?.();
          }}
        />
      )}
    </div>
  );
}

export default RichTextEditor;

// No English reaches a screen reader (GB/T 37668: every control named in the page's language).
// Ant Design names its icons by their English file names (`<span role="img" aria-label="search">`)
// and its select's clear button "Clear", whatever the locale; no prop or locale entry changes
// either for every component at once, so the SPA corrects the DOM as antd writes it: an icon
// beside words is hidden (the words name the control), an icon that is a control's only content
// names it in Chinese, the clear buttons are "清除".

const CLEAR = "清除";

/** Icon-only controls antd and the pages draw, by the icon's name. */
const ICON_NAMES: Record<string, string> = {
  search: "搜索",
  close: "关闭",
  "close-circle": CLEAR,
  plus: "添加",
  minus: "减少",
  delete: "删除",
  edit: "编辑",
  copy: "复制",
  printer: "打印",
  download: "下载",
  upload: "上传",
  reload: "刷新",
  left: "上一页",
  right: "下一页",
  "double-left": "向前五页",
  "double-right": "向后五页",
  up: "收起",
  down: "展开",
  "caret-up": "升序",
  "caret-down": "降序",
  filter: "筛选",
  menu: "菜单",
  "menu-fold": "收起菜单",
  "menu-unfold": "展开菜单",
  more: "更多",
  ellipsis: "更多",
  eye: "显示密码",
  "eye-invisible": "隐藏密码",
  calendar: "选择日期",
  "clock-circle": "选择时间",
  "question-circle": "帮助",
  "arrow-left": "返回",
  swap: "切换",
  holder: "拖动排序",
  sound: "朗读",
};

const CONTROL = "button, a[href], [role='button'], [role='menuitem'], [role='tab'], [role='switch']";
const CLEAR_BUTTONS = ".ant-input-clear-icon, .ant-select-clear, .ant-picker-clear, .ant-cascader-clear";
// Icons that act by themselves without being a control of their own.
const ACTING_ICONS = ".ant-input-password-icon";

function setLabel(element: Element, label: string): void {
  if (element.getAttribute("aria-label") !== label) element.setAttribute("aria-label", label);
}

function hide(element: Element): void {
  if (element.getAttribute("aria-hidden") !== "true") element.setAttribute("aria-hidden", "true");
}

function namedBesides(control: Element): boolean {
  return !!control.textContent?.trim() || control.hasAttribute("aria-labelledby") || control.hasAttribute("title");
}

function fixIcon(icon: Element): void {
  const name = icon.getAttribute("aria-label") ?? "";
  const control = icon.closest(CONTROL);
  if (icon.closest(CLEAR_BUTTONS)) return hide(icon);
  if (control ? namedBesides(control) || control.getAttribute("aria-label") : !icon.matches(ACTING_ICONS)) {
    return hide(icon);
  }
  const chinese = ICON_NAMES[name];
  if (chinese) setLabel(icon, chinese);
}

/** Corrects what is in `root` now. */
export function fixChineseNames(root: ParentNode): void {
  root.querySelectorAll(CLEAR_BUTTONS).forEach((button) => setLabel(button, CLEAR));
  root.querySelectorAll("button[aria-label='Clear']").forEach((button) => setLabel(button, CLEAR));
  root.querySelectorAll(".anticon[role='img']").forEach(fixIcon);
}

/** Keeps correcting as pages draw (installed once, by main.tsx). */
export function watchChineseNames(root: HTMLElement): MutationObserver {
  fixChineseNames(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      // A control's words arriving after its icon, or React writing its "Clear" again.
      const scope = target?.closest(CONTROL) ?? target;
      if (scope) fixChineseNames(scope.parentElement ?? scope);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
  return observer;
}

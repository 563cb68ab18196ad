import { Button } from "antd";
import { setCareMode, useCareMode } from "../../lib/careMode";

/**
 * 长辈版 on every public page: a toggle button (aria-pressed), its name the same in both states
 * as a toggle's must be; pressed, it is filled and says so with a tick.
 */
export function CareModeToggle() {
  const on = useCareMode();
  return (
    <Button
      className="care-mode-toggle"
      aria-pressed={on}
      title={on ? "已切换为长辈版，再按一次回到标准版" : "切换为长辈版：更大的字和按钮"}
      onClick={() => setCareMode(!on)}
    >
      {on && <span aria-hidden="true">✓ </span>}
      长辈版
    </Button>
  );
}

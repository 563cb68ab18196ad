import { Button, Space } from "antd";
import { RATING_LEVELS } from "../../../api/queries/hallRatings";

// Green to red, each dark enough for 4.5:1 both as text on white and under white text when chosen
// (antd's bright palette, #52c41a and #fa8c16, reaches 2.3).
const COLOURS = ["#237804", "#3f6600", "#0958d9", "#ad4e00", "#cf1322"];

/** The five levels of 好差评 as big buttons, best first. */
export function RatingButtons({
  value,
  onChange,
  size = 64,
}: {
  value: number | null;
  onChange: (level: number) => void;
  size?: number;
}) {
  return (
    <Space wrap size="middle" role="radiogroup" aria-label="评价等级">
      {RATING_LEVELS.map(({ level, label }, index) => (
        <Button
          key={level}
          role="radio"
          aria-checked={value === level}
          type={value === level ? "primary" : "default"}
          style={{
            height: size,
            minWidth: size * 2,
            fontSize: size / 3,
            ...(value === level ? { background: COLOURS[index], borderColor: COLOURS[index] } : { color: COLOURS[index] }),
          }}
          onClick={() => onChange(level)}
        >
          {label}
        </Button>
      ))}
    </Space>
  );
}

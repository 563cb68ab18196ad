import { Typography } from "antd";
import { Link } from "react-router-dom";

/** A count that opens the list it counts; nothing to open at zero. `what` names it for screen
 * readers ("锦华区教育局 已逾期"), since the link's text is only the number. */
export function FigureLink({ value, to, what, danger }: { value: number; to: string; what: string; danger?: boolean }) {
  if (value === 0) return <Typography.Text>0</Typography.Text>;
  return (
    <Link to={to} aria-label={`${what} ${value} 条`} style={danger ? { color: "#cf1322", fontWeight: 600 } : undefined}>
      {value}
    </Link>
  );
}

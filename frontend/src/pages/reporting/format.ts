// How the reporting pages write their figures: a figure its source could not give is 缺失,
// never 0; a rate is a percentage with two decimals; a change says up or down.

export const MISSING = "缺失";

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : value.toLocaleString("zh-CN");
}

/** A 0–1 rate as a percentage; `null` with its source present means there was nothing to rate. */
export function percent(value: number | null | undefined, present = true): string {
  if (!present) return MISSING;
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(2)}%`;
}

/** Year-on-year: a count's change in per cent, a rate's in percentage points. */
export function change(value: number | null | undefined, kind: "ratio" | "points"): string {
  if (value === null || value === undefined) return "—";
  const sign = value > 0 ? "+" : "";
  return kind === "points" ? `${sign}${(value * 100).toFixed(2)}个百分点` : `${sign}${(value * 100).toFixed(1)}%`;
}

/** The last twelve months before the current one, newest first, as [year, month]. */
export function pastMonths(
  today: { year: number; month: number },
  count = 12,
): [[number, number], ...[number, number][]] {
  let { year, month } = today;
  const step = (): [number, number] => {
    month -= 1;
    if (month === 0) {
      year -= 1;
      month = 12;
    }
    return [year, month];
  };
  const months: [[number, number], ...[number, number][]] = [step()];
  for (let i = 1; i < count; i += 1) {
    months.push(step());
  }
  return months;
}

import { Select } from "antd";
import { useMemo, useState } from "react";
import { useUnits } from "../../../api/queries/units";
import { useApplicationsVocabulary, useGatewayVocabulary } from "../../../api/queries/vocabulary";
import { matchUnits, receivingUnits, type Unit } from "../../../lib/units";

interface Props {
  /** The accessible name (the form item's label). */
  label: string;
  /** Given by a Form.Item, so that its label points at the field. */
  id?: string;
  value?: number;
  onChange?: (unitId?: number) => void;
  placeholder?: string;
}

type Option = { value: number; label: string };
type Group = { label: string; title: string; options: Option[] };

const option = (unit: Unit): Option => ({ value: unit.id, label: unit.name });

/**
 * 受理机关: the units an application or a consultation may be addressed to (the applications
 * service's `receiving_unit_types`, open units only — the API refuses the others). Untyped, they
 * are grouped by type in the tree's order; typed, the best names come first (`matchUnits`:
 * typing 民政 puts 锦华区民政局 before the names that merely contain the characters).
 */
export function AgencyPicker({ label, id, value, onChange, placeholder }: Props) {
  const units = useUnits();
  const vocabulary = useApplicationsVocabulary();
  const gateway = useGatewayVocabulary();
  const [typed, setTyped] = useState("");

  const offered = useMemo(
    () => (units.data && vocabulary.data ? receivingUnits(units.data, vocabulary.data.receiving_unit_types) : []),
    [units.data, vocabulary.data],
  );
  const options = useMemo((): (Option | Group)[] => {
    if (typed.trim()) return matchUnits(offered, typed).map(option);
    const types = gateway.data?.unit_types;
    if (!types) return offered.map(option);
    return types
      .map((type) => ({
        label: type.label,
        title: type.label,
        options: offered.filter((u) => u.type === type.value).map(option),
      }))
      .filter((group) => group.options.length > 0);
  }, [typed, offered, gateway.data]);

  // A unit that exists but does not receive (a community, a village, a closed unit): say where to go.
  const elsewhere = typed.trim() && units.data ? matchUnits(units.data, typed)[0] : undefined;
  const notFound = elsewhere
    ? elsewhere.closed
      ? `“${elsewhere.name}”已撤销，请选择承接其职能的单位`
      : `“${elsewhere.name}”不受理申请和咨询，请选择其所属的街道办事处或乡镇人民政府`
    : "没有名称相符的单位";

  return (
    <Select<number>
      id={id}
      aria-label={label}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      loading={units.isPending || vocabulary.isPending}
      options={options}
      notFoundContent={notFound}
      value={value}
      onChange={(next) => {
        setTyped("");
        onChange?.(next);
      }}
      onBlur={() => setTyped("")}
      style={{ width: "100%" }}
      listHeight={320}
    />
  );
}

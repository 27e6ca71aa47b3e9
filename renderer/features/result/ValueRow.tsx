import { CopyButton } from './CopyButton';

/**
 * One label/value row of a result, with a copy button when the value is worth copying: the same
 * row in the Expert view's result panel and in the history's outcome. `name` marks the value for
 * tests and scripts (`data-field`) and defaults to the label; a missing or empty value shows nothing.
 */
export function ValueRow({
  label,
  value,
  name = label,
  copy = true,
}: {
  label: string;
  value: string | undefined;
  name?: string;
  copy?: boolean;
}) {
  if (value === undefined || value === '') return null;
  return (
    <div className="result-row">
      <dt>{label}</dt>
      <dd>
        <code data-field={name}>{value}</code>
        {copy && <CopyButton value={value} what={label} />}
      </dd>
    </div>
  );
}

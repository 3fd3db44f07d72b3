import type { SelectHTMLAttributes } from 'react';
import type { Classification } from '../api-types';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: Classification | '';
  onChange(value: Classification | ''): void;
};

/**
 * Classification for files logged later: '' leaves it to the planned use (else temporary), as the API does. Other
 * props (the id and aria attributes a Field adds) reach the select, so its label and errors stay attached.
 */
export function DefaultClassSelect({ value, onChange, ...rest }: Props) {
  return (
    <select {...rest} className="input" value={value} onChange={(e) => onChange(e.target.value as Classification | '')}>
      {/* Short enough for a half-width field of the folder form at 1,024 px: the longer wording was cut off there. */}
      <option value="">From the planned use, else temporary</option>
      <option value="temporary">Temporary</option>
      <option value="deliverable">Deliverable</option>
    </select>
  );
}

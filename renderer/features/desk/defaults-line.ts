/** The profile defaults the desk applies without asking, as one read-only line. */
import { FORM_PARAMS, PER_CUSTOMER_PARAMS } from '../../../core/faceid/catalogue';

/** "name value · name value …" of every non-per-customer parameter set in the form, in catalogue order. */
export function defaultsSummary(values: Record<string, string>): string {
  return FORM_PARAMS.filter((p) => !PER_CUSTOMER_PARAMS.includes(p.name) && p.name !== 'comparison_type' && (values[p.name] ?? '') !== '')
    .map((p) => `${p.name} ${values[p.name] ?? ''}`)
    .join(' · ');
}

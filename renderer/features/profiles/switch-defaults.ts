/**
 * What happens to the form when the operator switches profiles: values that came from the old
 * profile's defaults are replaced by the new profile's defaults or cleared; values the operator
 * typed are kept. Every change is reported, so nothing from another profile carries over unseen.
 */
export interface SwitchReport {
  values: Record<string, string>;
  /** Set from the new profile's defaults. */
  applied: string[];
  /** Cleared because they came from the old profile's defaults. */
  cleared: string[];
  /** The operator's own values, kept although the new profile has a default for them. */
  kept: string[];
}

export function switchDefaults(
  values: Record<string, string>,
  oldDefaults: Record<string, string>,
  newDefaults: Record<string, string>,
): SwitchReport {
  const next = { ...values };
  const applied: string[] = [];
  const cleared: string[] = [];
  const kept: string[] = [];
  const keys = new Set([...Object.keys(oldDefaults), ...Object.keys(newDefaults)]);
  for (const key of keys) {
    const current = values[key] ?? '';
    const fromOld = key in oldDefaults && current === oldDefaults[key];
    const untouched = current === '' || fromOld;
    const incoming = newDefaults[key];
    if (incoming !== undefined) {
      if (untouched) {
        if (current !== incoming) applied.push(key);
        next[key] = incoming;
      } else if (current !== incoming) kept.push(key);
    } else if (fromOld && current !== '') {
      next[key] = '';
      cleared.push(key);
    }
  }
  return { values: next, applied, cleared, kept };
}

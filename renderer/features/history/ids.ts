/**
 * Long ids in narrow columns: rows made the same day share their start (desk-20261129-16…), so a
 * column keeps the head and the distinguishing tail and drops the middle. The full value stays one
 * hover (title) away, and in full in the call's details.
 */
export function middleEllipsis(value: string, head = 6, tail = 12): string {
  const chars = [...value];
  if (chars.length <= head + tail + 1) return value;
  return `${chars.slice(0, head).join('')}…${chars.slice(-tail).join('')}`;
}

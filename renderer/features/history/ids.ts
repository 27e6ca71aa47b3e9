/**
 * Long ids in narrow columns: rows made the same day share their start (desk-20261129-16…), so a
 * column cuts the middle and always shows the distinguishing tail — the head shrinks to the width
 * the column has (CSS ellipsis), the tail never does. The full value stays one hover (title) away,
 * whole for screen readers, and in full in the call's details.
 */
export function splitTail(value: string, tail = 8): { head: string; tail: string } | undefined {
  const chars = [...value];
  if (chars.length <= tail + 3) return undefined;
  return { head: chars.slice(0, -tail).join(''), tail: chars.slice(-tail).join('') };
}

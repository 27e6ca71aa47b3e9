/** The console's three views, in tab order, and the ARIA tabs pattern's keys over them (no DOM: unit-tested under Node). */
export const VIEWS = ['desk', 'support', 'expert'] as const;
export type View = (typeof VIEWS)[number];

/** The ARIA tabs pattern's keys: arrows move (wrapping), Home/End jump; anything else is not ours. */
export function tabKeyTarget(key: string, current: View): View | undefined {
  const i = VIEWS.indexOf(current);
  if (key === 'ArrowRight') return VIEWS[(i + 1) % VIEWS.length];
  if (key === 'ArrowLeft') return VIEWS[(i + VIEWS.length - 1) % VIEWS.length];
  if (key === 'Home') return VIEWS[0];
  if (key === 'End') return VIEWS[VIEWS.length - 1];
  return undefined;
}

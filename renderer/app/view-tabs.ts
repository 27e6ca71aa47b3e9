/**
 * The console's three views and the one the operator last chose. Desk is the default: the
 * console's everyday user is a branch clerk; support and experimenters are one click away. The
 * choice is kept in localStorage (the renderer's own, nothing secret), per origin.
 */
export const VIEWS = ['desk', 'support', 'expert'] as const;
export type View = (typeof VIEWS)[number];

const KEY = 'faceid-console.view';

/** The view to open with: the last one chosen, else Desk. */
export function initialView(): View {
  try {
    const v = localStorage.getItem(KEY);
    return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'desk';
  } catch {
    return 'desk';
  }
}

/** Remembers the chosen view (best effort: storage may be unavailable). */
export function rememberView(v: View): void {
  try {
    localStorage.setItem(KEY, v);
  } catch {
    // A private window without storage opens on Desk next time; nothing else depends on it.
  }
}

/** The ARIA tabs pattern's keys: arrows move (wrapping), Home/End jump; anything else is not ours. */
export function tabKeyTarget(key: string, current: View): View | undefined {
  const i = VIEWS.indexOf(current);
  if (key === 'ArrowRight') return VIEWS[(i + 1) % VIEWS.length];
  if (key === 'ArrowLeft') return VIEWS[(i + VIEWS.length - 1) % VIEWS.length];
  if (key === 'Home') return VIEWS[0];
  if (key === 'End') return VIEWS[VIEWS.length - 1];
  return undefined;
}

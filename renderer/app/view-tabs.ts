/**
 * The console's three views and the one the operator last chose. Desk is the default: the
 * console's everyday user is a branch clerk; support and experimenters are one click away. The
 * choice is kept in localStorage (the renderer's own, nothing secret), per origin.
 */
import { VIEWS, type View } from './tab-keys';

export { VIEWS, tabKeyTarget, type View } from './tab-keys';

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

/**
 * Shows a MessageRef from the trusted side (`{ ns, key, params }`) in the current language. The
 * key comes from data, so it is not checked at compile time: an unknown one shows as `ns:key`,
 * the same fallback the Node renderer (core/i18n/render.ts) uses.
 */
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../core/i18n/render';
import { i18n } from './i18n';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** Renders a reference with the shared i18next instance (for stores and non-React code). */
export function renderRef(ref: MessageRef): string {
  const t = i18n.t.bind(i18n) as unknown as LooseT;
  const full = `${ref.ns}:${ref.key}`;
  return i18n.exists(full) ? t(full, { ...ref.params }) : full;
}

/** A hook returning `renderRef`, re-rendering the component when the language changes. */
export function useRenderRef(): (ref: MessageRef) => string {
  useTranslation();
  return renderRef;
}

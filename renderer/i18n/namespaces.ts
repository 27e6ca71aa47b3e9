/**
 * Every message namespace the renderer uses, registered once. A feature adds its own
 * `messages.ts` (built with defineMessages) and one line here; its components then call
 * `useTranslation('<namespace>')`.
 */
import { appMessages } from '../app/messages';
import { precheckMessages } from '../features/precheck/messages';

export const NAMESPACES = {
  app: appMessages,
  precheck: precheckMessages,
} as const;

export type Namespace = keyof typeof NAMESPACES;

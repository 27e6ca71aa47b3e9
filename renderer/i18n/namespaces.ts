/**
 * Every message namespace the renderer uses, registered once. A feature adds its own
 * `messages.ts` (built with defineMessages) and one line here; its components then call
 * `useTranslation('<namespace>')`.
 */
import { appMessages } from '../app/messages';
import { deskMessages } from '../features/desk/messages';

export const NAMESPACES = {
  app: appMessages,
  desk: deskMessages,
} as const;

export type Namespace = keyof typeof NAMESPACES;

/**
 * The message tables of what core/faceid says (catalogue, errors, validation, verification
 * readings, the console's own refusals and notes), by namespace: registered in the renderer (renderer/i18n/namespaces.ts) and passed to
 * renderMessage by Node code such as the CLI.
 */
import type { Locale } from '../../i18n/locales';
import { renderMessage, type MessageRef } from '../../i18n/render';
import { errorsMessages } from './errors';
import { paramsMessages } from './params';
import { validationMessages } from './validation';
import { verificationMessages } from './verification';
import { consoleMessages } from './console';

export const FACEID_MESSAGES = {
  params: paramsMessages,
  errors: errorsMessages,
  validation: validationMessages,
  verification: verificationMessages,
  // What the console's own operations say (services, vault, shells, the sandbox's trust notes).
  console: consoleMessages,
} as const;

/** Renders a reference into these tables in `locale` (English by default), for Node code such as the CLI. */
export function faceidText(ref: MessageRef, locale: Locale = 'en'): string {
  return renderMessage(FACEID_MESSAGES, ref, locale);
}

/** Several references as one paragraph, sentences separated by a space. */
export function faceidParagraph(refs: readonly MessageRef[], locale: Locale = 'en'): string {
  return refs.map((r) => faceidText(r, locale)).join(locale === 'zh' ? '' : ' ');
}

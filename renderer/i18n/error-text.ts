/**
 * The one way the renderer shows an ApiError: the console's words for it (`error.words`, MessageRefs,
 * title first) in the operator's language when the trusted side sent them, else `error.message` as
 * received (the service's own text, or a code with nothing better to say). So a screen never shows a
 * bare code where words exist.
 */
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/result';
import { currentLocale } from './i18n';
import { renderRef } from './message-ref';

/** An error as one paragraph in the current language (sentences joined as the language writes them). */
export function errorText(error: Pick<ApiError, 'message' | 'words'>): string {
  if (!error.words || error.words.length === 0) return error.message;
  return error.words.map(renderRef).join(currentLocale() === 'zh' ? '' : ' ');
}

/** `errorText` for components: re-renders when the language changes. */
export function useErrorText(): (error: Pick<ApiError, 'message' | 'words'>) => string {
  useTranslation();
  return errorText;
}

// Typed keys: t('views.issue') and useTranslation('app') are checked against the English tables.
import 'i18next';
import type { NAMESPACES } from './namespaces';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { [K in keyof typeof NAMESPACES]: (typeof NAMESPACES)[K]['en'] };
    returnNull: false;
  }
}

/**
 * Every message namespace the renderer uses, registered once. A feature adds its own
 * `messages.ts` (built with defineMessages) and one line here; its components then call
 * `useTranslation('<namespace>')`.
 */
import { appMessages } from '../app/messages';
import { teamMessages } from '../features/team/messages';
import { supportMessages } from '../features/history/messages';
import { deskMessages } from '../features/desk/messages';

import { precheckMessages } from '../features/precheck/messages';
import { profilesMessages } from '../features/profiles/messages';
import { FACEID_MESSAGES } from '../../core/faceid/messages';
import { resultMessages } from '../features/result/messages';
import { tokenFormMessages } from '../features/token-form/messages';
import { bridgeMessages } from './bridge-messages';
import { verifyViewMessages } from '../features/verification/messages';
import { handoffMessages } from '../features/handoff/messages';
import { sandboxMessages } from '../features/sandbox/messages';
import { historyMessages } from '../features/history/record-messages';

export const NAMESPACES = {
  app: appMessages,
  precheck: precheckMessages,
  desk: deskMessages,
  support: supportMessages,
  team: teamMessages,
  profiles: profilesMessages,
  result: resultMessages,
  tokenForm: tokenFormMessages,
  bridge: bridgeMessages,
  verifyView: verifyViewMessages,
  handoff: handoffMessages,
  sandbox: sandboxMessages,
  history: historyMessages,
  // What the trusted side and core/faceid say, by reference: catalogue, errors, validation, readings.
  ...FACEID_MESSAGES,
} as const;

export type Namespace = keyof typeof NAMESPACES;

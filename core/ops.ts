/**
 * The names of the console's operations, without their schemas, so the renderer can enumerate
 * them without bundling the validation library. core/api.ts checks that its schema table has
 * exactly these keys.
 */
export const OP_NAMES = [
  'listProfiles',
  'describeCatalogue',
  'stagePhoto',
  'dropPhoto',
  'issueToken',
  'cancelCall',
  'getVaultStatus',
  'createProfile',
  'updateProfile',
  'duplicateProfile',
  'deleteProfile',
  'setActiveProfile',
  'exportProfiles',
  'importProfiles',
  'testConnection',
  'queryHistory',
  'getHistoryRow',
  'historyCurl',
  'deleteHistory',
  'getKeptPhoto',
  'getSettings',
  'updateSettings',
  'fetchResult',
  'verifyCallback',
  'getSandboxState',
  'setSandboxFaults',
  'setSandboxMode',
  'getTeamStatus',
  'updateTeamSettings',
  'watchCalls',
  'getBestImage',
  'saveRecordPdf',
  'analysePhoto',
  'rotatePhoto',
  'setSandboxDetectFaces',
  'getSandboxLan',
  'setSandboxLan',
  'teamOutbox',
  'saveHistoryExport',
] as const;

export type OpName = (typeof OP_NAMES)[number];

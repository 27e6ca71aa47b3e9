import type { OpName } from './api';

/** The IPC channel an operation travels on between the preload and the Electron main process. */
export const ipcChannel = (op: OpName): string => `faceid-console:${op}`;

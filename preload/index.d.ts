import type { ConsoleApi } from '../core/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser shell. */
    faceidConsole?: ConsoleApi;
  }
}

export {};

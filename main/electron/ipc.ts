import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { OP_NAMES } from '../../core/api';
import { ipcChannel } from '../../core/ipc';
import { fail } from '../../core/result';
import type { HandlerTable } from '../services/handlers';

/**
 * Binds the handler table to ipcMain. Each call is checked for who is asking: the sender must be
 * the top-level frame of our own window, showing our own page (as VS Code's validated IPC does).
 */
export function bindIpc(handlers: HandlerTable, isOwnUrl: (url: string) => boolean): void {
  for (const op of OP_NAMES) {
    ipcMain.handle(ipcChannel(op), async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isOwnUrl(frame.url)) {
        return fail({ code: 'FORBIDDEN_SENDER', message: 'This call did not come from the console window.' });
      }
      return handlers[op](payload);
    });
  }
}

import type { HandlerTable } from '../../main/services/handlers';

/** Stages bytes through the handler table and answers the photo reference issueToken takes. */
export async function stage(handlers: HandlerTable, name: string, bytes: Uint8Array): Promise<{ handle: string }> {
  const r = await handlers.stagePhoto({ name, bytes });
  if (!r.ok) throw new Error(`stagePhoto: ${r.error.message}`);
  return { handle: r.value.handle };
}

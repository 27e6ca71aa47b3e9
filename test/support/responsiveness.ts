/**
 * The console's API latency while its embedded sandbox works: shared by the liveness test and
 * `bench/sandbox-responsiveness.ts`.
 */
import { performance } from 'node:perf_hooks';
import type { ConsoleApp } from '../../main/app/console-app';

/** Posts one comparison get_token with `image` as image_ref1 to the embedded sandbox; "<status> <error_message or token>". */
export async function postImage(app: ConsoleApp, image: Buffer, name: string): Promise<string> {
  const form = new FormData();
  const fields: Record<string, string> = {
    api_key: app.sandbox.apiKey,
    api_secret: app.sandbox.apiSecret,
    return_url: 'https://bank.example/r',
    notify_url: 'https://bank.example/n',
    biz_no: `busy-${name}`,
    comparison_type: '0',
    uuid: `busy-${name}`,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('image_ref1', new Blob([new Uint8Array(image)]), name);
  const r = await fetch(`${app.sandbox.baseUrl}/faceid/lite/get_token`, { method: 'POST', body: form });
  const body = (await r.json()) as { error_message?: string };
  return `${r.status} ${body.error_message ?? 'token'}`;
}

/**
 * listProfiles calls planned every `everyMs` while `work` runs. A call's latency counts from when
 * it was due, not from when a blocked event loop got round to starting it: that is what an
 * operator clicking in the UI waits.
 */
export async function listProfilesLatencies(app: ConsoleApp, work: Promise<unknown>, everyMs = 20): Promise<number[]> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => {});
  const samples: number[] = [];
  let due = performance.now();
  while (!done) {
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const r = await app.handlers.listProfiles({});
    if (!r.ok) throw new Error(r.error.message);
    samples.push(Math.max(0, performance.now() - due));
    due = Math.max(due + everyMs, performance.now());
  }
  return samples;
}

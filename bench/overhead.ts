/**
 * get_token_overhead: what the console adds to a get_token call. The same multipart request is
 * sent by the console (the handler table, and the browser shell's HTTP API as a click sends it)
 * and by curl, in interleaved pairs, to a bare upstream on loopback; medians are compared.
 */
import { execFile } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { startConsoleApp } from '../main/app/console-app';
import { startWebShell } from '../main/web/server';
import { startBareUpstream } from './bare-upstream';
import { noisyJpeg } from './photos';

const run = promisify(execFile);

export interface OverheadFigures {
  console_ms: number;
  curl_ms: number;
  ratio: number;
  pairs: number;
}

export interface OverheadReport {
  handler_table: { photos: OverheadFigures; liveness_only: OverheadFigures };
  browser_shell: { photos: OverheadFigures; liveness_only: OverheadFigures };
  photo_bytes: number[];
  /** downscaleStagedPhoto of one ~4 MB noisy JPEG to ≤ 2 MB, median of 5. */
  downscale: { source_bytes: number; fitted_bytes: number; downscale_ms: number; runs: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const round = (n: number) => Math.round(n * 100) / 100;

/** One way of making the call through the console; resolves when the outcome is back. */
type ConsoleCall = (withPhotos: boolean, n: number) => Promise<void>;

/** Measures get_token_overhead; `pairs` interleaved console/curl calls per figure. */
export async function benchOverhead(pairs = 15): Promise<OverheadReport> {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-overhead-'));
  const upstream = await startBareUpstream();
  const app = await startConsoleApp({ dataDir: join(dir, 'data') });
  const shell = await startWebShell({ handlers: app.handlers, rendererDir: join(dir, 'no-renderer') });
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  try {
    const photos = [await noisyJpeg(1_900_000), await noisyJpeg(1_950_000)];
    const files = photos.map((p, i) => {
      const f = join(dir, `ref${i + 1}.jpg`);
      writeFileSync(f, p);
      return f;
    });
    const created = await app.handlers.createProfile({
      profile: {
        name: 'bare upstream',
        color: '#2f855a',
        environment: 'test',
        region: 'custom',
        baseUrl: upstream.baseUrl,
        apiKey: 'bench-key',
        secret: 'bench-secret-value',
        defaults: {},
      },
    });
    if (!created.ok) throw new Error(`profile: ${created.error.message}`);
    const profileId = created.value.id;
    const params = (n: number, withPhotos: boolean) => ({
      return_url: 'https://example.com/return',
      notify_url: 'https://example.com/notify',
      biz_no: `bench-${Date.now()}-${n}`,
      comparison_type: withPhotos ? '0' : '-1',
      uuid: `bench-uuid-${n}`,
    });

    const curl: ConsoleCall = async (withPhotos, n) => {
      const p = params(n, withPhotos);
      const args = [
        '-sS',
        '-o',
        '/dev/null',
        '-F',
        'api_key=bench-key',
        '-F',
        'api_secret=bench-secret-value',
        ...Object.entries(p).flatMap(([k, v]) => ['-F', `${k}=${v}`]),
      ];
      if (withPhotos) args.push('-F', `image_ref1=@${files[0]};type=image/jpeg`, '-F', `image_ref2=@${files[1]};type=image/jpeg`);
      await run('curl', [...args, `${upstream.baseUrl}/faceid/lite/get_token`]);
    };

    const expectIssued = (r: { ok: boolean; value?: { outcome?: string } }) => {
      if (!r.ok || r.value?.outcome !== 'issued') throw new Error(`the console's call was not issued: ${JSON.stringify(r).slice(0, 300)}`);
    };
    const handleOf = (r: { ok: boolean; value?: { handle?: string } }): { handle: string } => {
      if (!r.ok || !r.value?.handle) throw new Error(`stagePhoto failed: ${JSON.stringify(r).slice(0, 300)}`);
      return { handle: r.value.handle };
    };
    const request = (withPhotos: boolean, n: number, refs: { handle: string }[]) => ({
      callId: `bench-call-${n}-${Math.random().toString(36).slice(2)}`,
      profileId,
      params: params(n, withPhotos),
      photos: withPhotos ? { image_ref1: refs[0], image_ref2: refs[1] } : {},
    });
    // What a click costs: each photo staged (as the form does when it is dropped), then the call.
    const viaTable: ConsoleCall = async (withPhotos, n) => {
      const refs = withPhotos
        ? await Promise.all(photos.map(async (p, i) => handleOf(await app.handlers.stagePhoto({ name: `ref${i + 1}.jpg`, bytes: p }))))
        : [];
      expectIssued(await app.handlers.issueToken(request(withPhotos, n, refs)));
      for (const r of refs) await app.handlers.dropPhoto(r);
    };
    const origin = `http://127.0.0.1:${shell.port}`;
    // The page's requests, as a browser sends them: one kept-alive connection, the body written as
    // it is. node:http rather than fetch: this client shares the console's event loop (a browser
    // does not), and undici's fetch copies every body once more before it writes it.
    const post = (op: string, body: Uint8Array | string, headers: Record<string, string>) =>
      new Promise<{ ok: boolean; value?: { outcome?: string; handle?: string } }>((resolve, reject) => {
        const req = httpRequest(`${origin}/api/${op}`, {
          agent,
          method: 'POST',
          headers: { 'X-FaceID-Console-Token': shell.token, Origin: origin, 'Content-Length': Buffer.byteLength(body), ...headers },
        });
        req.once('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.once('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean });
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          });
        });
        req.once('error', reject);
        req.end(body);
      });
    const viaShell: ConsoleCall = async (withPhotos, n) => {
      const refs = withPhotos
        ? await Promise.all(
            photos.map(async (p, i) =>
              handleOf(
                await post('stagePhoto', p, { 'Content-Type': 'application/octet-stream', 'X-FaceID-Photo-Name': `ref${i + 1}.jpg` }),
              ),
            ),
          )
        : [];
      expectIssued(await post('issueToken', JSON.stringify(request(withPhotos, n, refs)), { 'Content-Type': 'application/json' }));
      for (const r of refs) await post('dropPhoto', JSON.stringify(r), { 'Content-Type': 'application/json' });
    };

    let n = 0;
    const measure = async (viaConsole: ConsoleCall, withPhotos: boolean): Promise<OverheadFigures> => {
      // Warm both paths (JIT, connection set-up, first SQLite pages) before timing.
      for (let i = 0; i < 3; i++) {
        await viaConsole(withPhotos, n++);
        await curl(withPhotos, n++);
      }
      const c: number[] = [];
      const k: number[] = [];
      for (let i = 0; i < pairs; i++) {
        // Alternate which goes first, so neither always runs on a warmer machine.
        const order = i % 2 === 0 ? ([viaConsole, curl] as const) : ([curl, viaConsole] as const);
        for (const f of order) {
          const t = performance.now();
          await f(withPhotos, n++);
          (f === curl ? k : c).push(performance.now() - t);
        }
      }
      const console_ms = median(c);
      const curl_ms = median(k);
      return { console_ms: round(console_ms), curl_ms: round(curl_ms), ratio: round(console_ms / curl_ms), pairs };
    };

    const handler_table = { photos: await measure(viaTable, true), liveness_only: await measure(viaTable, false) };
    const browser_shell = { photos: await measure(viaShell, true), liveness_only: await measure(viaShell, false) };

    // "Downscale to fit" on the trusted side: a ~4 MB photo staged once, fitted under 2 MB (sharp, thread pool).
    const big = await noisyJpeg(4_000_000);
    const source = handleOf(await app.handlers.stagePhoto({ name: 'big.jpg', bytes: big }));
    const times: number[] = [];
    let fitted = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await app.handlers.downscaleStagedPhoto(source);
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(`downscaleStagedPhoto failed: ${JSON.stringify(r).slice(0, 300)}`);
      fitted = r.value.photo.facts.bytes;
      await app.handlers.dropPhoto({ handle: r.value.photo.handle });
    }
    const downscale = { source_bytes: big.length, fitted_bytes: fitted, downscale_ms: round(median(times)), runs: times.length };
    return { handler_table, browser_shell, photo_bytes: photos.map((p) => p.length), downscale };
  } finally {
    agent.destroy();
    await shell.close();
    await app.close();
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('overhead.ts')) {
  process.stdout.write(`${JSON.stringify(await benchOverhead(Number(process.env.PAIRS ?? 15)), null, 2)}\n`);
}

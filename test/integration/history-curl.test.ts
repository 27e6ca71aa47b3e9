import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { stage } from '../support/staged-photo';

const run = promisify(execFile);

describe('copy as cURL', () => {
  let dir: string;
  let app: ConsoleApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-curl-'));
    app = await startConsoleApp({ dataDir: join(dir, 'data') });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reproduces a recorded comparison call exactly, and the sandbox issues a token for it', async () => {
    const photo = readFileSync('test/fixtures/face.jpg');
    const issued = await app.handlers.issueToken({
      callId: 'curl-replay-1',
      profileId: 'sandbox',
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: "o'brien-1",
        comparison_type: '0',
        uuid: 'cust-7',
        biz_extra_data: '@not-a-file;x',
      },
      photos: { image_ref1: await stage(app.handlers, 'customer.jpg', photo) },
    });
    if (!issued.ok || issued.value.outcome !== 'issued') throw new Error(JSON.stringify(issued));
    const curl = await app.handlers.historyCurl({ id: issued.value.historyId ?? 0 });
    if (!curl.ok) throw new Error(curl.error.message);
    expect(curl.value.command).not.toContain(app.sandbox.apiSecret);

    // The operator saves the photo as the command's comment says (by its hash: it was not kept),
    // sets the secret, and runs it: a fresh biz_no by default.
    expect(curl.value.command.split('\n')[0]).toContain(`a fresh ${curl.value.bizNo} instead of the original o'brien-1`);
    expect(curl.value.bizNo).not.toBe("o'brien-1");
    const sha = createHash('sha256').update(photo).digest('hex');
    const work = join(dir, 'replay');
    await run('mkdir', ['-p', work]);
    copyFileSync('test/fixtures/face.jpg', join(work, `${sha}.jpg`));
    const { stdout } = await run('bash', ['-c', curl.value.command], {
      cwd: work,
      env: { ...process.env, FACEID_API_SECRET: app.sandbox.apiSecret },
    });
    const answer = JSON.parse(stdout) as { token?: string; biz_id?: string };
    expect(answer.token).toMatch(/^[0-9a-f]{32}$/);
    const replayed = await app.sandbox.token(answer.token ?? '');
    expect(replayed?.params).toMatchObject({
      biz_no: curl.value.bizNo,
      uuid: 'cust-7',
      comparison_type: '0',
      biz_extra_data: '@not-a-file;x',
      api_key: app.sandbox.apiKey,
    });
    expect(replayed?.photos.image_ref1).toMatchObject({ bytes: photo.length, filename: 'customer.jpg' });

    // Keeping the original biz_no is an explicit choice, and the command says why it is risky.
    const kept = await app.handlers.historyCurl({ id: issued.value.historyId ?? 0, keepBizNo: true });
    if (!kept.ok) throw new Error(kept.error.message);
    expect(kept.value).toMatchObject({ bizNo: "o'brien-1", keptBizNo: true });
    expect(kept.value.command).toContain('WARNING: this resends the original biz_no');
    const again = JSON.parse(
      (await run('bash', ['-c', kept.value.command], { cwd: work, env: { ...process.env, FACEID_API_SECRET: app.sandbox.apiSecret } }))
        .stdout,
    ) as { token?: string };
    expect((await app.sandbox.token(again.token ?? ''))?.params.biz_no).toBe("o'brien-1");
  });
});

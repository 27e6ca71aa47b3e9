import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Protection, SecretCipher } from './cipher';
import { msg } from '../../core/i18n/render';

const KEY_FILE = 'vault.key';
const VERSION = 'v1';

function loadOrCreateKey(dataDir: string): Buffer {
  const file = join(dataDir, KEY_FILE);
  try {
    // 'wx': create only if absent, so two processes never overwrite each other's key.
    const fd = openSync(file, 'wx', 0o600);
    const key = randomBytes(32);
    writeSync(fd, key.toString('base64'));
    closeSync(fd);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The vault key file ${file} is damaged (expected 32 bytes of key).`);
  return key;
}

/**
 * AES-256-GCM with a random key in `<dataDir>/vault.key` (mode 0600). It protects the secret
 * from anyone who gets the profile file without the key file (an export, a backup, a log);
 * it does not protect against someone who can read the whole data folder as the user.
 */
export function keyFileCipher(dataDir: string): SecretCipher {
  const key = loadOrCreateKey(dataDir);
  return {
    id: 'aes-256-gcm',
    protection: async (): Promise<Protection> => ({
      level: 'key-file',
      backend: 'aes-256-gcm key file',
      explanation: msg('console', 'protection.keyFile', { path: join(dataDir, KEY_FILE) }),
    }),
    encrypt: async (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt: async (data) => {
      const [version, iv, tag, body] = data.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error('The stored secret is not in a format this console wrote.');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('The stored secret was altered or written with another key; re-enter it.');
      }
    },
  };
}

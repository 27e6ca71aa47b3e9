import { describe, expect, it } from 'vitest';
import { decidePersistence } from '../../../main/vault/cipher';
import { safeStorageCipher, type SafeStorageLike } from '../../../main/electron/safe-storage-cipher';

/** Stands in for Electron's safeStorage: a reversible transform, a chosen backend and availability. */
function fakeSafeStorage(available: boolean, backend: string): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => {
      calls.push('backend');
      return backend;
    },
    encryptStringAsync: async (plain) => {
      if (!available) throw new Error('Encryption is not available.');
      return Buffer.from(`enc:${[...plain].reverse().join('')}`);
    },
    decryptStringAsync: async (data) => ({ result: [...data.toString().slice(4)].reverse().join(''), shouldReEncrypt: false }),
  };
}

describe('safeStorage cipher', () => {
  it('with a keyring on Linux: OS protection, and a round trip that stores no plain text', async () => {
    const cipher = safeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    expect(await cipher.protection()).toMatchObject({ level: 'os', backend: 'gnome_libsecret' });
    const sealed = await cipher.encrypt('s3cret-value');
    expect(Buffer.from(sealed, 'base64').toString()).not.toContain('s3cret-value');
    expect(await cipher.decrypt(sealed)).toBe('s3cret-value');
  });

  it('with basic_text on Linux: no real protection, so a new secret stays for the session unless accepted', async () => {
    const cipher = safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux');
    const protection = await cipher.protection();
    expect(protection).toMatchObject({ level: 'none', backend: 'basic_text' });
    expect(decidePersistence(protection, false)).toBe('session-only');
    expect(decidePersistence(protection, true)).toBe('persist-unprotected');
  });

  it('unavailable: no protection, and encrypting is refused with the reason', async () => {
    const cipher = safeStorageCipher(fakeSafeStorage(false, 'unknown'), 'linux');
    expect(await cipher.protection()).toMatchObject({ level: 'none', backend: 'unavailable' });
    await expect(cipher.encrypt('x-secret')).rejects.toThrow(/no encryption/);
  });

  it('on macOS and Windows the keychain or DPAPI protects, without asking for a Linux backend', async () => {
    const mac = fakeSafeStorage(true, 'basic_text');
    expect(await safeStorageCipher(mac, 'darwin').protection()).toMatchObject({ level: 'os', backend: 'macOS Keychain' });
    const win = fakeSafeStorage(true, 'basic_text');
    expect(await safeStorageCipher(win, 'win32').protection()).toMatchObject({ level: 'os', backend: 'Windows DPAPI' });
    expect([...mac.calls, ...win.calls]).toEqual([]);
  });
});

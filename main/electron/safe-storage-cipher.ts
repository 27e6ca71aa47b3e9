import { safeStorageProtection, type Protection, type SecretCipher } from '../vault/cipher';
import { msg } from '../../core/i18n/render';

/** The part of Electron's `safeStorage` the cipher uses; injected, so this runs under plain Node too. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
}

const UNAVAILABLE: Protection = {
  level: 'none',
  backend: 'unavailable',
  explanation: msg('console', 'protection.unavailable'),
};

/**
 * Electron's safeStorage behind the vault's cipher interface, using the asynchronous API
 * (the synchronous one is deprecated in this Electron). On Linux the selected backend decides
 * whether anything really protects the secret (basic_text: nothing). Where no encryption is
 * available at all, encrypting is refused with a reason rather than storing the secret in clear.
 */
export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  const available = () => safeStorage.isAsyncEncryptionAvailable();
  return {
    id: 'safeStorage',
    protection: async (): Promise<Protection> => {
      if (!(await available())) return UNAVAILABLE;
      return safeStorageProtection(platform, platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined);
    },
    encrypt: async (plain) => {
      if (!(await available()))
        throw new Error(
          'The operating system offers no encryption to this app, so the secret cannot be stored; it is kept for this session only.',
        );
      return (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    decrypt: async (data) => (await safeStorage.decryptStringAsync(Buffer.from(data, 'base64'))).result,
  };
}

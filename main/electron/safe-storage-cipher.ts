import { safeStorage } from 'electron';
import { safeStorageProtection, type Protection, type SecretCipher } from '../vault/cipher';

/**
 * Electron's safeStorage behind the vault's cipher interface, using the asynchronous API
 * (the synchronous one is deprecated in this Electron). On Linux the selected backend decides
 * whether anything really protects the secret (basic_text: nothing).
 */
export function safeStorageCipher(): SecretCipher {
  return {
    id: 'safeStorage',
    protection: async (): Promise<Protection> => {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      if (!available) {
        return { level: 'none', backend: 'unavailable', explanation: 'The operating system offers no encryption to this app: secrets are kept for this session only unless you accept the risk.' };
      }
      const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
      return safeStorageProtection(process.platform, backend);
    },
    encrypt: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (data) => (await safeStorage.decryptStringAsync(Buffer.from(data, 'base64'))).result,
  };
}

/**
 * How secrets are protected at rest. Under Electron the OS keychain protects them (safeStorage);
 * in the browser shell and in tests an AES-256-GCM key file in the data folder takes its place
 * behind the same interface. On Linux with the `basic_text` backend nothing protects them.
 */
import { msg, type MessageRef } from '../../core/i18n/render';

/** What protects a stored secret, for the operator to read. */
export interface Protection {
  /** os: an OS keychain; key-file: a 0600 key file beside the data; none: obfuscation only. */
  level: 'os' | 'key-file' | 'none';
  /** The mechanism's own name, e.g. "gnome_libsecret", "basic_text", "aes-256-gcm key file". */
  backend: string;
  /** What that means for the operator, by reference (namespace `console`, `protection.*`). */
  explanation: MessageRef;
}

export interface SecretCipher {
  /** Recorded with each ciphertext so a store knows which cipher wrote it. */
  readonly id: 'safeStorage' | 'aes-256-gcm';
  protection(): Promise<Protection>;
  /** Encrypts to a base64 string. */
  encrypt(plain: string): Promise<string>;
  /** Decrypts a base64 string; rejects when the data was altered or written with another key. */
  decrypt(data: string): Promise<string>;
}

/** What to do with a new secret, given the protection available and the operator's choice. */
export type Persistence = 'persist' | 'session-only' | 'persist-unprotected';

/**
 * The basic_text rule: where nothing really protects a secret at rest, keep it in memory for the
 * session only, unless the operator explicitly accepted the risk of persisting it.
 */
export function decidePersistence(protection: Protection, operatorAcceptsRisk: boolean): Persistence {
  if (protection.level !== 'none') return 'persist';
  return operatorAcceptsRisk ? 'persist-unprotected' : 'session-only';
}

/** Protection of Electron's safeStorage for a Linux backend name (other OSes: always the keychain). */
export function safeStorageProtection(platform: NodeJS.Platform, backend: string | undefined): Protection {
  if (platform === 'darwin') return { level: 'os', backend: 'macOS Keychain', explanation: msg('console', 'protection.keychain') };
  if (platform === 'win32') return { level: 'os', backend: 'Windows DPAPI', explanation: msg('console', 'protection.dpapi') };
  if (backend === 'gnome_libsecret' || backend === 'kwallet' || backend === 'kwallet5' || backend === 'kwallet6') {
    return { level: 'os', backend, explanation: msg('console', 'protection.keyring', { backend }) };
  }
  return {
    level: 'none',
    backend: backend ?? 'unknown',
    explanation: msg('console', 'protection.none', { backend: backend ?? 'unknown' }),
  };
}

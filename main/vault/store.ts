import Conf from 'conf';
import { SCHEMA_VERSION, StoreSchema, migrate, type RawStore, type StoreData } from './schema';

/** The persisted document: conf under Node, electron-store (a conf subclass) under Electron. */
export interface DocumentFile {
  readonly path: string;
  read(): RawStore;
  write(data: RawStore): void;
}

/** Options both conf and electron-store take; the Electron shell passes its own constructor. */
export interface StoreOptions {
  cwd: string;
  configName: string;
  projectName: string;
  configFileMode: number;
  clearInvalidConfig: false;
}

export type StoreFactory = (options: StoreOptions) => { path: string; store: RawStore };

/** conf under plain Node (browser shell, tests); electron-store imports electron at load. */
export const confFactory: StoreFactory = (options) => new Conf<RawStore>(options);

/** Opens `<dataDir>/profiles.json` (mode 0600) through the given store implementation. */
export function openDocument(dataDir: string, factory: StoreFactory = confFactory): DocumentFile {
  const conf = factory({
    cwd: dataDir,
    configName: 'profiles',
    projectName: 'faceid-console',
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
  return {
    path: conf.path,
    read: () => ({ ...conf.store }),
    write: (data) => {
      conf.store = data;
    },
  };
}

export const EMPTY_STORE: StoreData = { profiles: [], activeProfileId: 'sandbox', sandbox: { color: '#2f855a', defaults: {} } };

/**
 * Reads and validates the document, migrating an older stored version first (and writing the
 * result back). A document from a newer console, or one that fails validation, is refused
 * rather than overwritten, so nothing an operator saved is lost.
 */
export function loadStore(file: DocumentFile): StoreData {
  const raw = file.read();
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : Object.keys(raw).length === 0 ? SCHEMA_VERSION : 1;
  if (version > SCHEMA_VERSION) {
    throw new Error(`${file.path} was written by a newer FaceID Console (schema ${version}; this one reads up to ${SCHEMA_VERSION}).`);
  }
  if (version < SCHEMA_VERSION) migrate(raw, version);
  const { schemaVersion: _v, ...body } = raw;
  const parsed = StoreSchema.safeParse(Object.keys(body).length === 0 ? EMPTY_STORE : body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `${file.path} is damaged at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}. It was left untouched.`,
    );
  }
  if (version !== SCHEMA_VERSION || raw.schemaVersion === undefined) saveStore(file, parsed.data);
  return parsed.data;
}

/** Writes the whole document with its schema version. */
export function saveStore(file: DocumentFile, data: StoreData): void {
  file.write({ schemaVersion: SCHEMA_VERSION, ...data });
}

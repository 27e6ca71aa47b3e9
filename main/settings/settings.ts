/** Operator settings (name, photo keeping, history retention) in `<dataDir>/settings.json`. */
import { DEFAULT_SETTINGS, type Settings } from '../../core/history';
import { SettingsSchema } from '../../core/history-schemas';
import { confFactory, type StoreFactory } from '../vault/store';

export class SettingsStore {
  private constructor(private readonly conf: { store: Record<string, unknown> }) {}

  static open(dataDir: string, factory: StoreFactory = confFactory): SettingsStore {
    return new SettingsStore(
      factory({ cwd: dataDir, configName: 'settings', projectName: 'faceid-console', configFileMode: 0o600, clearInvalidConfig: false }),
    );
  }

  /** The settings; values a damaged or older file lacks fall back to the defaults one by one. */
  get(): Settings {
    const raw = this.conf.store;
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const one = SettingsSchema.shape[key].safeParse(raw[key]);
      if (one.success) out[key] = one.data;
    }
    return out as Settings;
  }

  /** Applies a change to some settings; the others keep their stored values. */
  update(change: Partial<Settings>): Settings {
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    this.conf.store = { ...this.get(), ...defined };
    return this.get();
  }
}

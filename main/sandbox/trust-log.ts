/**
 * What the sandbox accepted without the vendor's word for it ("accepted on trust"), so a client
 * developer sees which of their requests exercised an unconfirmed value and would not be proven
 * by a green sandbox run. Shown by the console's Sandbox panel (getSandboxState) and printed on
 * stderr by the standalone CLI.
 *
 * Recorded in both modes: unknown parameter names (ignored, as the service ignores extra fields,
 * but usually a typo worth seeing) and, in strict mode, a urlencoded get_token refused as a
 * form-data-only server would. Lenient mode adds every value it accepted that strict refuses.
 */
import type { SandboxTrustEntry } from '../../core/api';
import { faceidText } from '../../core/faceid/messages';
import type { MessageRef } from '../../core/i18n/render';

export type TrustEntry = SandboxTrustEntry;

export const TRUST_LOG_LIMIT = 500;
/** Values are cut so one huge field cannot flood the panel or the terminal. */
const MAX_VALUE_CHARS = 200;

const cut = (text: string): string => (text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text);

/** A parameter value the sandbox took on trust, before it is stamped with time and endpoint. */
export interface TrustedValue {
  param: string;
  value: string;
  /** The documented value the sandbox answered as, when it put one in place of the value sent. */
  treatedAs?: string;
  /** Why the vendor has not ruled the value out, in a few words, by reference (namespace `console`, `trust.*`). */
  note: MessageRef;
  /** false: noted and refused (strict mode); true: accepted. */
  accepted: boolean;
}

/** Newest last, at most TRUST_LOG_LIMIT entries; listeners hear each entry as it is added. */
export class TrustLog {
  readonly entries: TrustEntry[] = [];
  private readonly listeners = new Set<(e: TrustEntry) => void>();

  constructor(private readonly secret: string) {}

  add(at: number, endpoint: TrustEntry['endpoint'], v: TrustedValue, bizNo?: string): void {
    // A value that is the sandbox's own secret (a misspelled api_secret field) is never shown.
    const secretLike = v.value === this.secret || /secret/i.test(v.param);
    const value = secretLike ? '[redacted]' : cut(v.value);
    // Every part is cut: any web page can POST a (urlencoded) form to a loopback sandbox.
    const entry: TrustEntry = { at, endpoint, ...v, param: cut(v.param), value, ...(bizNo ? { biz_no: cut(bizNo) } : {}) };
    this.entries.push(entry);
    if (this.entries.length > TRUST_LOG_LIMIT) this.entries.splice(0, this.entries.length - TRUST_LOG_LIMIT);
    for (const l of [...this.listeners]) {
      try {
        l(entry);
      } catch {
        // A listener's failure (a closed stderr) must not break the answer.
      }
    }
  }

  /** Subscribes to new entries; returns the unsubscribe function. */
  onEntry(listener: (e: TrustEntry) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** One line for a terminal: `accepted on trust: get_token procedure_type="x" answered as "flash" (open list)`; the note in English. */
export function trustLine(e: TrustEntry): string {
  const head = e.accepted ? 'accepted on trust' : 'refused (strict)';
  const as = e.treatedAs !== undefined ? ` answered as ${JSON.stringify(e.treatedAs)}` : '';
  const biz = e.biz_no ? ` [biz_no ${e.biz_no}]` : '';
  return `${head}: ${e.endpoint} ${e.param}=${JSON.stringify(e.value)}${as} (${faceidText(e.note)})${biz}`;
}

/**
 * One polite live region for the console's good news — a token issued, a verdict arrived — so a
 * screen reader hears success as well as failure (failures are role="alert" where they appear).
 * The region is always in the page: a region that appears together with its text is often not read.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { i18n } from '../i18n/i18n';

interface AnnouncerState {
  text: string;
  seq: number;
}

const useAnnouncer = create<AnnouncerState>()(() => ({ text: '', seq: 0 }));

/** Says `text` politely (after what the reader is saying now). The same text twice is said twice. */
export function announce(text: string): void {
  useAnnouncer.setState((s) => ({ text, seq: s.seq + 1 }));
}

/** Announces `text` whenever it becomes a new non-empty value (for components that know an event by its state). */
export function useAnnounce(text: string | undefined): void {
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (text && text !== last.current) announce(text);
    last.current = text;
  }, [text]);
}

/** Announces a verdict (its words, in the current language) when one arrives. */
export function useAnnounceVerdict(verdict: string | undefined): void {
  useAnnounce(verdict === undefined ? undefined : i18n.t('app:announce.verdict', { verdict }));
}

/** The live region itself, rendered once by the App. */
export function Announcer() {
  const { text, seq } = useAnnouncer();
  // Keyed by seq so a repeated message is a new text node, which readers announce again.
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      <span key={seq}>{text}</span>
    </div>
  );
}

/** How the CLI ends and speaks: exit codes, usage errors, JSON or plain lines, the console's words in a language. */
import { faceidParagraph } from '../../core/faceid/messages';
import { isLocale, LOCALES, type Locale } from '../../core/i18n/locales';
import type { MessageRef } from '../../core/i18n/render';
import type { ApiError } from '../../core/result';

/** 0 issued (or done), 1 failed, 2 usage, 3 unknown outcome (a token may exist). */
export const EXIT = { ok: 0, failed: 1, usage: 2, unknown: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A command line the CLI cannot run: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

export interface Out {
  json: boolean;
  /** A line for people on stdout (not printed with --json). */
  line(text: string): void;
  /** The one JSON document of a --json run. */
  data(value: unknown): void;
  /** Warnings and notes on stderr, in both modes. */
  note(text: string): void;
  /** The language the console's words are printed in (--lang; English by default). */
  locale: Locale;
  /** One or more references from the trusted side, as one paragraph in `locale`. */
  say(words: MessageRef | readonly MessageRef[]): string;
  /** An error as a person reads it: its words in `locale`, else its message (a code or the service's own text). */
  errorText(error: ApiError): string;
}

/** The --lang value as a locale (English when absent). */
export function localeOf(text: string | undefined): Locale {
  if (text === undefined) return 'en';
  if (!isLocale(text)) throw new UsageError(`--lang ${text}: one of ${LOCALES.join(', ')}.`);
  return text;
}

/** Output bound to the process's streams. */
export function processOut(json: boolean, locale: Locale = 'en'): Out {
  const say = (words: MessageRef | readonly MessageRef[]) => faceidParagraph(Array.isArray(words) ? words : [words as MessageRef], locale);
  return {
    json,
    locale,
    say,
    errorText: (error) => (error.words && error.words.length > 0 ? say(error.words) : error.message),
    line: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    data: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    note: (text) => process.stderr.write(`${text}\n`),
  };
}

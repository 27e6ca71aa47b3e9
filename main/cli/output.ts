/** How the CLI ends and speaks: exit codes, usage errors, JSON or plain lines. */

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
}

/** Output bound to the process's streams. */
export function processOut(json: boolean): Out {
  return {
    json,
    line: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    data: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    note: (text) => process.stderr.write(`${text}\n`),
  };
}

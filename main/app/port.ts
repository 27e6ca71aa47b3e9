/**
 * The one parser of a `--port` value, shared by the browser shell's and the sandbox's command
 * lines, so both accept exactly the same spellings: decimal digits only (no '', '1e3', '0x50',
 * ' 80', '+80'), 0 to 65535, 0 meaning any free port.
 */
export type PortParse = { ok: true; port: number } | { ok: false; message: string };

const MAX_PORT = 65535;

/** Parses a port typed by an operator; never throws. */
export function parsePort(text: string, flag = '--port'): PortParse {
  // Bounded length first, so a pasted megabyte of digits is not turned into a number at all.
  if (!/^\d{1,5}$/.test(text) || Number(text) > MAX_PORT) {
    return { ok: false, message: `${flag} must be a whole number from 0 to ${MAX_PORT}, not "${text}".` };
  }
  return { ok: true, port: Number(text) };
}

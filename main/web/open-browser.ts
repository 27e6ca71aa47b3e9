/**
 * Opens the operator's default browser on the browser shell's launch URL, as other local web
 * tools do (`npm start` where Electron is unavailable; `npm run web -- --open`). `$BROWSER` wins
 * when set (the Unix convention); otherwise the platform's opener.
 *
 * The launch URL carries the per-launch token in its fragment, and a command line is briefly
 * visible to other local users' process listings; it is the same URL the console prints on its
 * own terminal, and the token lives only as long as this launch.
 */
import { spawn } from 'node:child_process';

/** The command that opens `url` in the default browser on `platform`. */
export function browserCommand(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { cmd: string; args: string[] } {
  const chosen = env.BROWSER?.trim();
  if (chosen) return { cmd: chosen, args: [url] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  // `start` is a cmd.exe built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { cmd: 'xdg-open', args: [url] };
}

/** Starts the browser, detached; resolves with why it could not, or null once the opener started. */
export function openBrowser(url: string, platform = process.platform, env = process.env): Promise<string | null> {
  const { cmd, args } = browserCommand(url, platform, env);
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
      child.once('error', (e) => resolve(`${cmd}: ${e.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    } catch (e) {
      resolve(`${cmd}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

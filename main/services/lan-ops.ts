/**
 * The LAN address choice of the embedded sandbox (issue #10, hand-off): it listens on 127.0.0.1,
 * which a customer's phone cannot reach; the operator may also serve it on one of this machine's
 * LAN addresses, so a phone on the branch Wi-Fi can scan the QR code. Anyone on that network who
 * knows the per-launch credentials could then get tokens, so the choice is the operator's, is
 * warned about in the UI, and lasts for this launch only: the next start is loopback again (a
 * laptop moves between networks; an address chosen on one should not open the console on another).
 */
import { networkInterfaces } from 'node:os';
import type { SandboxLan } from '../../core/api';
import { fail, ok, worded } from '../../core/result';
import { msg } from '../../core/i18n/render';
import type { EmbeddedSandbox } from '../sandbox/embedded/client';
import type { HandlerDeps, OpImpls } from './handlers';

type LanOpName = 'getSandboxLan' | 'setSandboxLan';

/** This machine's non-internal IPv4 addresses, in interface order. */
export function lanAddresses(): SandboxLan['addresses'] {
  const out: SandboxLan['addresses'] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const e of entries ?? []) if (e.family === 'IPv4' && !e.internal) out.push({ address: e.address, interface: name });
  }
  return out;
}

function lanState(s: EmbeddedSandbox, address: string | null): SandboxLan {
  return { baseUrl: s.baseUrl, addresses: lanAddresses(), address: s.lanBaseUrl ? address : null, lanBaseUrl: s.lanBaseUrl ?? null };
}

/** getSandboxLan / setSandboxLan over the embedded sandbox. */
export function lanOps(deps: HandlerDeps): OpImpls<LanOpName> {
  let chosen: string | null = null;
  const noSandbox = () => fail(worded('NO_SANDBOX', msg('console', 'sandbox.none')));
  return {
    getSandboxLan: async () => {
      const s = deps.sandbox;
      if (!s) return noSandbox();
      return ok(lanState(s, chosen));
    },
    setSandboxLan: async ({ address }) => {
      const s = deps.sandbox;
      if (!s) return noSandbox();
      // Only an address this machine has right now: never a wildcard, never someone else's.
      if (address !== null && !lanAddresses().some((a) => a.address === address)) {
        return fail(worded('LAN_ADDRESS_UNKNOWN', msg('console', 'sandbox.lanNotMine', { address }), { field: 'address' }));
      }
      try {
        await s.serveOnLan(address);
      } catch (e) {
        const reason = (e as { code?: string }).code;
        const detail = e instanceof Error ? e.message : String(e);
        return fail(
          worded('LAN_ADDRESS_UNAVAILABLE', msg('console', 'sandbox.lanListenFailed', { address, detail }), { field: 'address', reason }),
        );
      }
      chosen = address;
      deps.log?.(address ? `sandbox also served on ${s.lanBaseUrl} (reachable from the network)` : 'sandbox on loopback only');
      return ok(lanState(s, chosen));
    },
  };
}

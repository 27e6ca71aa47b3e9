/**
 * The same handle over a sandbox on the calling thread: for a one-shot CLI command, which would
 * only pay a thread's start for nothing, and for the bench's "before" figure.
 */
import { createSandbox } from '../server';
import type { EmbeddedSandbox, EmbeddedSandboxOptions } from './client';

/** Starts the sandbox on this thread behind the EmbeddedSandbox interface. */
export async function startInProcessSandbox(options: EmbeddedSandboxOptions): Promise<EmbeddedSandbox> {
  const s = await createSandbox({
    host: options.host,
    port: options.port,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    lenient: options.lenient,
    maxFlows: options.maxFlows,
  });
  return {
    baseUrl: s.baseUrl,
    port: s.port,
    apiKey: s.apiKey,
    apiSecret: s.apiSecret,
    get lenient() {
      return s.lenient;
    },
    get detectFaces() {
      return s.detectFaces;
    },
    get lanBaseUrl() {
      return s.extraBaseUrl;
    },
    get publicBaseUrl() {
      return s.extraBaseUrl ?? s.baseUrl;
    },
    setLenient: async (on) => s.setLenient(on),
    setFaceCheck: async (check) => s.setFaceCheck(check),
    setFaults: async (plan) => (plan ? s.faults.set(plan) : s.faults.clear()),
    snapshot: async (limit = 100) => ({
      faults: s.faults.get(),
      callbacks: s.callbackLog.slice(-limit),
      trusted: s.trustLog.slice(-limit),
    }),
    token: async (token) => s.tokens.get(token),
    tokenCount: async () => s.tokens.size,
    inBackground: (bizId, task) => s.inBackground(bizId, task),
    onFlowEnded: (listener) => s.onFlowEnded(listener),
    onFlowOpened: (listener) => s.onFlowOpened(listener),
    serveOnLan: (host) => s.serveAlsoOn(host),
    close: () => s.close(),
  };
}

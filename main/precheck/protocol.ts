/** Messages between the pre-check analyser (main thread) and its worker. */
import type { RawAnalysis } from '../../core/precheck/judge';

export interface AnalyseRequest {
  id: number;
  bytes: Uint8Array;
}

export type AnalyseReply =
  | { id: number; ok: true; raw: RawAnalysis }
  /** undecodable: the bytes are no image libvips can read; failed: the detector itself failed. */
  | { id: number; ok: false; code: 'undecodable' | 'failed'; message: string };

/** Sent once the models are loaded (the analyser times it), or once their load failed. */
export type ReadyMessage = { ready: true } | { ready: false; message: string };

/**
 * What the console has observed of each flow besides stored results: the embedded sandbox's
 * "page opened" events, kept in memory by biz_id. A restart forgets them; the stored result and
 * the clock still give the stage (an opened flow then reads as issued until its result is stored).
 */
import type { FlowEvent } from '../../core/faceid/flow-status';

/** Flows remembered at most; the oldest is forgotten first (a desk serves far fewer per session). */
const MAX_FLOWS = 2_000;

export class FlowEvents {
  private readonly byBiz = new Map<string, FlowEvent[]>();

  /** Records an observation of the flow of `bizId`. */
  record(bizId: string, event: FlowEvent): void {
    const list = this.byBiz.get(bizId) ?? [];
    list.push(event);
    this.byBiz.delete(bizId);
    this.byBiz.set(bizId, list);
    while (this.byBiz.size > MAX_FLOWS) {
      const oldest = this.byBiz.keys().next().value;
      if (oldest === undefined) break;
      this.byBiz.delete(oldest);
    }
  }

  /** Observations of one flow, oldest first. */
  of(bizId: string | undefined): readonly FlowEvent[] {
    return bizId === undefined ? [] : (this.byBiz.get(bizId) ?? []);
  }
}

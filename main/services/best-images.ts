/**
 * The best frames of finished flows, fetched once with return_image=1, held in memory when the
 * operator does not keep photos: the desk shows the captured face beside the reference photo for
 * the session, and nothing of it reaches the disk.
 */
const MAX_IMAGES = 50;

export class BestImages {
  private readonly byRow = new Map<number, Uint8Array>();

  set(historyId: number, bytes: Uint8Array): void {
    this.byRow.delete(historyId);
    this.byRow.set(historyId, bytes);
    while (this.byRow.size > MAX_IMAGES) {
      const oldest = this.byRow.keys().next().value;
      if (oldest === undefined) break;
      this.byRow.delete(oldest);
    }
  }

  get(historyId: number): Uint8Array | undefined {
    return this.byRow.get(historyId);
  }

  /** Forgets every frame (history deleted). */
  clear(): void {
    this.byRow.clear();
  }
}

import { useEffect, useState } from 'react';
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';

const dataUrl = (b64: string) => `data:image/jpeg;base64,${b64}`;

/**
 * The two photos of a verdict: the reference photo (the one still in the form, else the kept
 * copy) and the captured face, asked for once when the flow has ended (the trusted side fetched it
 * with return_image=1 and holds it in memory unless photos are kept).
 */
export function useVerdictPhotos(
  row: HistoryRow | undefined,
  ended: boolean,
  formPhotoUrl: string | undefined,
): { reference?: string; best?: string } {
  // Each answer is kept with what it answers, so a stale one is never shown for another row.
  const [reference, setReference] = useState<{ sha: string; url: string }>();
  const [best, setBest] = useState<{ id: number; url: string }>();
  const id = row?.id;
  const kept = row?.photos.find((p) => p.kept)?.sha256;
  useEffect(() => {
    if (formPhotoUrl || !kept) return;
    let live = true;
    void api.getKeptPhoto({ sha256: kept }).then((r) => live && r.ok && setReference({ sha: kept, url: dataUrl(r.value.dataBase64) }));
    return () => {
      live = false;
    };
  }, [kept, formPhotoUrl]);
  useEffect(() => {
    if (id === undefined || !ended) return;
    let live = true;
    void api
      .getBestImage({ historyId: id })
      .then((r) => live && r.ok && r.value.dataBase64 && setBest({ id, url: dataUrl(r.value.dataBase64) }));
    return () => {
      live = false;
    };
  }, [id, ended]);
  return {
    reference: formPhotoUrl ?? (reference?.sha === kept ? reference?.url : undefined),
    best: best?.id === id ? best?.url : undefined,
  };
}

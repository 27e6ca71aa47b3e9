import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallWatch } from '../../../core/desk';
import { isEndStage, type EndStage, type FlowState } from '../../../core/faceid/flow-status';
import type { HistoryRow } from '../../../core/history';
import { useAnnounceVerdict } from '../../app/announcer';
import { useConsole } from '../../app/store';
import { api } from '../../bridge';
import { DeskHandOff } from './DeskHandOff';
import { DeskRecord } from './DeskRecord';
import { Timeline } from './Timeline';
import { useVerdictPhotos } from './usePhotos';
import { stateNow } from './useWatch';
import { Verdict } from './Verdict';

/** A history row, re-read whenever its watched stage changes (its result is stored then). */
function useRow(id: number | undefined, stage: string | undefined): HistoryRow | undefined {
  const [row, setRow] = useState<HistoryRow>();
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    void api.getHistoryRow({ id }).then((r) => live && r.ok && setRow(r.value));
    return () => {
      live = false;
    };
  }, [id, stage]);
  return row?.id === id ? row : undefined;
}

/**
 * The desktop app saves a PDF itself; the browser shell's own print dialog offers "Save as PDF".
 * Answers what the clerk is told: the file saved, nothing (cancelled, or the browser's print), or
 * the error code of a save that failed.
 */
async function saveRecord(historyId: number): Promise<{ saved?: string; failed?: string } | undefined> {
  const r = await api.saveRecordPdf({ historyId });
  if (!r.ok && r.error.code === 'USE_BROWSER_PRINT') return void window.print();
  if (!r.ok) return { failed: r.error.code };
  return r.value.saved ? { saved: r.value.filename ?? '' } : undefined;
}

const ended = (s: FlowState): s is FlowState & { stage: EndStage } => isEndStage(s.stage);

/** One call at the desk: the hand-off while unused, the live timeline, then the verdict first. */
export function DeskCall({
  id,
  watch,
  nowMs,
  onNext,
  fromForm,
}: {
  id: number;
  watch?: CallWatch;
  nowMs: number;
  onNext(): void;
  fromForm: boolean;
}) {
  const { t } = useTranslation('desk');
  const state = watch ? stateNow(watch, nowMs) : undefined;
  const row = useRow(id, `${state?.stage}${state?.provisional ? '?' : ''}`);
  const profile = useConsole((s) => s.profiles.find((p) => p.id === row?.profileId));
  const formPhoto = useConsole((s) => s.photos.image_ref1?.url);
  const done = state !== undefined && ended(state);
  const photos = useVerdictPhotos(row, done, fromForm ? formPhoto : undefined);
  const [saved, setSaved] = useState<{ saved?: string; failed?: string }>();
  useAnnounceVerdict(done ? t(`verdict.${state.stage}`) : undefined);
  if (!row || !state || !watch || row.expiredTime === undefined || row.token === undefined)
    return <section className="desk-call pane" aria-busy="true" />;
  const url = `${row.baseUrl.replace(/\/+$/, '')}/faceid/lite/do?token=${encodeURIComponent(row.token)}`;
  const branch = profile?.desk.branch ?? '';
  const comparing = row.comparisonType === '0';
  return (
    <section className="desk-call pane" aria-label={t('handoff.label')}>
      {state.stage === 'issued' && nowMs < row.expiredTime * 1000 && (
        <DeskHandOff
          url={url}
          expiredTime={row.expiredTime}
          nowMs={nowMs}
          onSandbox={profile?.builtIn ?? false}
          branch={branch}
          language={row.params.language}
        />
      )}
      {state.stage === 'expired-unused' && <p className="msg warning">{t('handoff.expiredUnused')}</p>}
      {done && (
        <Verdict state={state} comparing={comparing} photos={photos} onNext={onNext} onRecord={() => void saveRecord(id).then(setSaved)} />
      )}
      {done && saved && (
        <p className={saved.failed ? 'msg error' : 'msg'} role="status">
          {saved.failed ? t('verdict.recordFailed', { code: saved.failed }) : t('verdict.recordSaved', { filename: saved.saved })}
        </p>
      )}
      <Timeline
        state={state}
        issuedAt={row.finishedAt ?? row.startedAt}
        source={watch.source}
        budget={watch.budget}
        onFetch={() => void api.fetchResult({ historyId: id })}
      />
      {done && <DeskRecord row={row} branch={branch} photos={photos} />}
    </section>
  );
}

/**
 * The pre-check's findings under a reference photo: checked on the trusted side as soon as a
 * photo is attached (drop, paste, pick, capture or a fix), re-checked when the parameters that
 * change the service's answer change. Advice only: nothing here blocks a call.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileParamName } from '../../../core/faceid/catalogue';
import type { Finding, FindingCode, PhotoFindings } from '../../../core/precheck/findings';
import { useConsole } from '../../app/store';
import { api } from '../../bridge';

type Answered = { kind: 'done'; findings: PhotoFindings } | { kind: 'failed'; code: string };
type State = { kind: 'checking' } | Answered;
/** While the detector's first load goes on, each ask answers PRECHECK_LOADING after a wait: ask again. */
type Shown = { kind: 'loading' } | Answered;

const FAILURES = ['PRECHECK_UNDECODABLE', 'PRECHECK_TIMEOUT', 'PRECHECK_BUSY'] as const;
type Failure = (typeof FAILURES)[number];
const isFailure = (code: string): code is Failure => (FAILURES as readonly string[]).includes(code);

/** The "what to do" line: a finding's own, or its variant when the parameters change the answer. */
function todoKey(f: Finding): `todo.${FindingCode | 'multiple-faces-largest' | 'rotated-found'}` {
  if (f.code === 'multiple-faces' && f.likelyAnswer === 'OK') return 'todo.multiple-faces-largest';
  if (f.code === 'rotated' && f.likelyAnswer === 'OK') return 'todo.rotated-found';
  return `todo.${f.code}`;
}

export function PhotoCheck({ name }: { name: FileParamName }) {
  const { t } = useTranslation('precheck');
  const photo = useConsole((s) => s.photos[name]);
  const multiOriented = useConsole((s) => s.values['multi_oriented_detection'] === '1');
  const failWhenMultiple = useConsole((s) => s.values['fail_when_ref_multiple_faces'] !== '0');
  // The answer remembers what it is about, so a new photo or context reads as "checking" at once.
  const context = `${multiOriented}/${failWhenMultiple}`;
  const [answer, setAnswer] = useState<{ photo: object; context: string; state: Shown } | null>(null);
  const [rotating, setRotating] = useState(false);

  useEffect(() => {
    if (!photo) return;
    let current = true;
    // The photo was staged when it was attached: the check refers to it by handle.
    const check = async (handle: string) => {
      for (;;) {
        const r = await api.analysePhoto({
          photo: { handle },
          context: { multiOrientedDetection: multiOriented, failWhenMultipleFaces: failWhenMultiple },
        });
        if (r.ok || r.error.code !== 'PRECHECK_LOADING' || !current) return r;
        setAnswer({ photo, context, state: { kind: 'loading' } });
      }
    };
    void photo.staged
      .then((s) => (s.ok ? check(s.value.handle) : s))
      .then((r) => {
        if (current)
          setAnswer({ photo, context, state: r.ok ? { kind: 'done', findings: r.value } : { kind: 'failed', code: r.error.code } });
      });
    return () => {
      current = false;
    };
  }, [photo, context, multiOriented, failWhenMultiple]);

  if (!photo) return null;
  const state: State | Shown = answer && answer.photo === photo && answer.context === context ? answer.state : { kind: 'checking' };
  const rotate = async (degrees: 90 | 180 | 270) => {
    setRotating(true);
    // Turned and staged on the trusted side: the form shows its preview, its bytes never come here.
    const r = await useConsole.getState().rotatePhoto(name, degrees);
    setRotating(false);
    if (!r.ok) setAnswer({ photo, context, state: { kind: 'failed', code: r.error.code } });
  };

  return (
    <section className="photo-check" aria-label={`${t('title')} ${name}`} data-testid={`${name}-precheck`} aria-live="polite">
      {state.kind === 'checking' && <p className="hint">{t('checking')}</p>}
      {state.kind === 'loading' && <p className="hint">{t('loading')}</p>}
      {state.kind === 'failed' && (
        <p className="msg warning">{isFailure(state.code) ? t(`failed.${state.code}`) : t('failed.other', { code: state.code })}</p>
      )}
      {state.kind === 'done' && (
        <>
          <p className={`msg ${state.findings.likelyAnswer === 'OK' ? 'ok' : 'warning'}`}>
            <strong>{t(`likely.${state.findings.likelyAnswer}`)}</strong>
          </p>
          <ul className="check-findings">
            {state.findings.findings.map((f) => (
              <li key={f.code} className={`finding ${f.severity}`} data-code={f.code}>
                <span>{t(`finding.${f.code}`, f.params)}</span>
                {f.severity !== 'ok' && <span className="hint"> {t(todoKey(f))}</span>}
                {f.action === 'rotate' && state.findings.suggestedRotation !== 0 && (
                  <button
                    type="button"
                    className="small"
                    disabled={rotating}
                    onClick={() => void rotate(state.findings.suggestedRotation as 90 | 180 | 270)}
                  >
                    {rotating ? t('rotating') : t('rotate', { degrees: state.findings.suggestedRotation })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="hint">
            {t('advice')} {t('timing', { ms: state.findings.elapsedMs })}
          </p>
        </>
      )}
    </section>
  );
}

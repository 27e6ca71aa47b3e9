import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paramSpec, paramSummary, type FileParamName } from '../../../core/faceid/catalogue';
import { exceedsImageLimits, formatBytes } from '../../../core/faceid/photo';
import { isRequired } from '../../../core/faceid/validate';
import type { FieldIssue } from '../../../core/result';
import { photoSet, useConsole } from '../../app/store';
import { useRenderRef } from '../../i18n/message-ref';
import { FieldMessages } from '../token-form/FieldMessages';
import { PhotoCheck } from '../precheck/PhotoCheck';

interface Props {
  name: FileParamName;
  issues: FieldIssue[];
  serviceMessage?: string;
}

async function readFile(file: File): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: file.name || 'pasted-image', bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A reference photo: drop, paste or pick; preview, size, pixels; refusal of non-images; downscale. */
export function PhotoZone({ name, issues, serviceMessage }: Props) {
  const photo = useConsole((s) => s.photos[name]);
  const refusal = useConsole((s) => s.photoErrors[name]);
  const values = useConsole((s) => s.values);
  const photos = useConsole((s) => s.photos);
  const focusRequest = useConsole((s) => s.focusRequest);
  const { attachPhoto, removePhoto, downscalePhoto } = useConsole.getState();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const zone = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const say = useRenderRef();
  const { t } = useTranslation('tokenForm');
  const spec = paramSpec(name);
  // Either photo satisfies the comparison's requirement (image_ref[x]): pass what is attached.
  const required = spec ? isRequired(spec, values, photoSet(photos)) : false;
  const hasError = issues.some((i) => i.severity === 'error') || serviceMessage !== undefined || refusal !== undefined;

  useEffect(() => {
    if (focusRequest?.field === name) zone.current?.focus();
  }, [focusRequest, name]);

  const take = async (file: File | undefined | null) => {
    if (!file) return;
    setFailure(null);
    attachPhoto(name, await readFile(file));
  };
  // Downscaled on the trusted side, where the photo is staged: its bytes do not cross the bridge again.
  const fit = async () => {
    if (!photo) return;
    setBusy(t('photos.downscaling'));
    setFailure(null);
    try {
      const r = await downscalePhoto(name);
      if (!r.ok) setFailure(r.error.words?.[0] ? say(r.error.words[0]) : r.error.message);
    } finally {
      setBusy(null);
    }
  };

  const over = photo ? exceedsImageLimits(photo.facts) : { bytes: false, pixels: false };
  const notJpegOrPng = photo && photo.facts.format !== 'jpeg' && photo.facts.format !== 'png';
  const msgId = `photo-${name}-msg`;

  return (
    <div className={`photo-field${hasError ? ' has-error' : ''}`} data-param={name}>
      <div className="field-head">
        <span className="label-text" id={`photo-${name}-label`}>
          <code className="param-name">{name}</code>
          {required && <span className="required"> *</span>}
          <span className="summary" id={`photo-${name}-summary`}>
            {' '}
            {say(paramSummary(name))}
          </span>
        </span>
      </div>
      <div
        ref={zone}
        role="button"
        tabIndex={0}
        // The name holds the words shown inside the zone (WCAG 2.5.3 label in name) when they are shown.
        aria-label={photo ? t('photos.zone', { name }) : `${t('photos.zoneShort', { name })}: ${t('photos.placeholder')}`}
        aria-invalid={hasError || undefined}
        aria-describedby={`photo-${name}-summary ${msgId}`}
        className={`drop-zone${dragging ? ' dragging' : ''}${photo ? ' filled' : ''}`}
        onClick={() => picker.current?.click()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            picker.current?.click();
          }
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take(e.dataTransfer.files[0]);
        }}
        onPaste={(e) => {
          const file = Array.from(e.clipboardData.files)[0];
          if (file) {
            e.preventDefault();
            void take(file);
          }
        }}
      >
        {photo?.url ? (
          <img src={photo.url} alt={t('photos.preview', { name })} className="preview" />
        ) : photo ? (
          <span className="placeholder">{photo.name}</span>
        ) : (
          <span className="placeholder">{t('photos.placeholder')}</span>
        )}
      </div>
      <input
        ref={picker}
        type="file"
        accept="image/*"
        className="visually-hidden"
        aria-label={t('photos.file', { name })}
        tabIndex={-1}
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {photo && (
        <div className="photo-facts" data-testid={`${name}-facts`}>
          <span>{photo.name}</span>
          <span>{formatBytes(photo.facts.bytes)}</span>
          <span>{t('photos.pixels', { width: photo.facts.width ?? 0, height: photo.facts.height ?? 0 })}</span>
          <span>{photo.facts.format?.toUpperCase()}</span>
          {(over.bytes || over.pixels || notJpegOrPng) && (
            <button type="button" className="small" onClick={() => void fit()} disabled={busy !== null}>
              {busy ?? (over.bytes || over.pixels ? t('photos.downscale') : t('photos.convert'))}
            </button>
          )}
          <button type="button" className="small" onClick={() => removePhoto(name)} aria-label={t('photos.removeLabel', { name })}>
            {t('photos.remove')}
          </button>
        </div>
      )}
      <div id={msgId}>
        {refusal && (
          <p className="msg error" role="alert">
            {refusal}
          </p>
        )}
        {failure && <p className="msg error">{failure}</p>}
        <FieldMessages id={`${msgId}-list`} issues={issues} serviceMessage={serviceMessage} />
      </div>
      <PhotoCheck name={name} />
    </div>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../core/faceid/photo';
import { MAX_PHOTO_BYTES } from '../../../core/limits';
import { useConsole } from '../../app/store';
import { CameraDialog } from './CameraDialog';
import { CropDialog } from './CropDialog';
import { useDesk } from './desk-store';

/** The desk's reference photo (image_ref1): drop, paste or choose; preview; remove. */
export function DeskPhoto() {
  const { t } = useTranslation('desk');
  const photo = useConsole((s) => s.photos.image_ref1);
  const refused = useConsole((s) => s.photoErrors.image_ref1);
  const [problem, setProblem] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);
  // The scan or camera frame as it came, so a crop is always one pass from it, never from a crop.
  const [original, setOriginal] = useState<{ name: string; bytes: Uint8Array }>();
  const [dialog, setDialog] = useState<'camera' | 'crop' | null>(null);

  const attach = (file: { name: string; bytes: Uint8Array; originalSha256?: string }) =>
    setProblem(useDesk.getState().attach('image_ref1', file) ? undefined : t('form.badPhoto'));
  const take = async (file: File | null | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length > MAX_PHOTO_BYTES)
      return setProblem(t('form.bigPhoto', { size: formatBytes(bytes.length), max: formatBytes(MAX_PHOTO_BYTES) }));
    setOriginal({ name: file.name || 'photo', bytes });
    attach({ name: file.name || 'photo', bytes });
  };

  return (
    <div
      className={`desk-photo${photo ? ' has-photo' : ''}`}
      tabIndex={0}
      role="group"
      aria-label={`${t('form.photo')} · image_ref1`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void take(e.dataTransfer.files[0]);
      }}
      onPaste={(e) => void take(Array.from(e.clipboardData.files)[0])}
    >
      <div className="desk-photo-head">
        <span className="label-text">
          {t('form.photo')} · <span className="param-name">image_ref1</span>
        </span>
      </div>
      {photo ? (
        <div className="desk-photo-body">
          <img src={photo.url} alt={t('verdict.reference')} className="desk-thumb" />
          <span>{t('form.photoName', { name: photo.name, size: formatBytes(photo.facts.bytes) })}</span>
          <button type="button" className="small" onClick={() => useDesk.getState().answerPhoto(false)}>
            {t('form.remove')}
          </button>
          {original && (
            <button type="button" className="small" onClick={() => setDialog('crop')}>
              {t('capture.edit')}
            </button>
          )}
        </div>
      ) : (
        <div className="desk-photo-body">
          <p className="hint">{t('form.photoHint')}</p>
          <button type="button" onClick={() => picker.current?.click()}>
            {t('form.choose')}
          </button>
          <button type="button" onClick={() => setDialog('camera')}>
            {t('capture.camera')}
          </button>
        </div>
      )}
      <input
        ref={picker}
        type="file"
        accept="image/jpeg,image/png"
        hidden
        aria-label={`${t('form.photo')} · image_ref1`}
        onChange={(e) => void take(e.currentTarget.files?.[0]).then(() => e.target && (e.target.value = ''))}
      />
      {dialog === 'camera' && (
        <CameraDialog
          onCancel={() => setDialog(null)}
          onFrame={(png) => {
            setOriginal({ name: 'camera.png', bytes: png });
            setDialog('crop');
          }}
        />
      )}
      {dialog === 'crop' && original && (
        <CropDialog
          original={original.bytes}
          name={original.name}
          onCancel={() => setDialog(null)}
          onUse={(photo) => {
            setDialog(null);
            attach(photo);
          }}
        />
      )}
      {(problem ?? (refused ? t('form.badPhoto') : undefined)) && (
        <p className="msg error" role="alert">
          {problem ?? t('form.badPhoto')}
        </p>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cropToJpeg, rectBetween, rotatedCanvas, sha256Hex, type CropRect, type Rotation } from './crop';
import { keyedRect } from './crop-rect';
import { DeskDialog } from './DeskDialog';

/**
 * Rotates and crops an original (an ID-card scan, a camera frame) to the face: drag a rectangle
 * on the picture, or with the keyboard move it with the arrow keys and resize it with Shift+arrows
 * (crop-rect.ts), turn it by quarter turns, then use it (Enter on the picture). The result is one
 * JPEG pass from the original, whose SHA-256 goes with the call.
 */
export function CropDialog({
  original,
  name,
  onUse,
  onCancel,
}: {
  original: Uint8Array;
  name: string;
  onUse(photo: { name: string; bytes: Uint8Array; originalSha256?: string }): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('desk');
  const [image, setImage] = useState<ImageBitmap>();
  const [failed, setFailed] = useState(false);
  const [rotation, setRotation] = useState<Rotation>(0);
  const [rect, setRect] = useState<CropRect | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const preview = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    createImageBitmap(new Blob([original.slice().buffer])).then(
      (b) => live && setImage(b),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [original]);

  useEffect(() => {
    const c = preview.current;
    if (!c || !image) return;
    const turned = rotatedCanvas(image, rotation);
    const scale = Math.min(1, 480 / turned.width, 360 / turned.height);
    c.width = Math.round(turned.width * scale);
    c.height = Math.round(turned.height * scale);
    const g = c.getContext('2d');
    if (!g) return;
    g.drawImage(turned, 0, 0, c.width, c.height);
    if (rect) {
      g.fillStyle = 'rgba(0,0,0,0.45)';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(
        turned,
        rect.x * turned.width,
        rect.y * turned.height,
        rect.w * turned.width,
        rect.h * turned.height,
        rect.x * c.width,
        rect.y * c.height,
        rect.w * c.width,
        rect.h * c.height,
      );
      g.strokeStyle = '#63b3ed';
      g.lineWidth = 2;
      g.strokeRect(rect.x * c.width, rect.y * c.height, rect.w * c.width, rect.h * c.height);
    }
  }, [image, rotation, rect]);

  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const b = e.currentTarget.getBoundingClientRect();
    return { x: (e.clientX - b.left) / b.width, y: (e.clientY - b.top) / b.height };
  };
  const turn = (by: 90 | 270) => {
    setRotation((r) => ((r + by) % 360) as Rotation);
    setRect(null);
  };
  const use = async () => {
    if (!image) return;
    if (rotation === 0 && !rect) return onUse({ name, bytes: original });
    const bytes = await cropToJpeg(rotatedCanvas(image, rotation), rect);
    onUse({ name: `${name.replace(/\.[^.]+$/, '')}-cropped.jpg`, bytes, originalSha256: await sha256Hex(original) });
  };

  const pct = (v: number) => Math.round(v * 100);
  const readout = rect
    ? t('capture.cropBox', { left: pct(rect.x), top: pct(rect.y), width: pct(rect.w), height: pct(rect.h) })
    : t('capture.cropNone');

  return (
    <DeskDialog
      title={t('capture.cropTitle')}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={() => turn(270)}>
            {t('capture.rotateLeft')}
          </button>
          <button type="button" onClick={() => turn(90)}>
            {t('capture.rotateRight')}
          </button>
          <button type="button" onClick={() => setRect(null)} disabled={!rect}>
            {t('capture.reset')}
          </button>
          <button type="button" className="primary" onClick={() => void use()} disabled={!image}>
            {t('capture.use')}
          </button>
        </>
      }
    >
      <p className="hint">{t('capture.cropHint')}</p>
      <p className="hint" id="crop-keys">
        {t('capture.cropKeys')}
      </p>
      {failed ? (
        <p className="msg error">{t('form.badPhoto')}</p>
      ) : (
        <canvas
          ref={preview}
          className="crop-canvas"
          tabIndex={0}
          data-autofocus
          aria-label={t('capture.cropArea')}
          aria-describedby="crop-keys crop-box"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              return void use();
            }
            const next = keyedRect(rect, e.key, e.shiftKey);
            if (!next) return;
            e.preventDefault();
            setRect(next);
          }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            start.current = at(e);
          }}
          onPointerMove={(e) => start.current && setRect(rectBetween(start.current, at(e)))}
          onPointerUp={(e) => {
            if (start.current) {
              const r = rectBetween(start.current, at(e));
              setRect(r.w > 0.02 && r.h > 0.02 ? r : null);
            }
            start.current = null;
          }}
        />
      )}
      <p className="hint crop-readout" id="crop-box" aria-live="polite">
        {readout}
      </p>
    </DeskDialog>
  );
}

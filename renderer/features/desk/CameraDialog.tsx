import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskDialog } from './DeskDialog';

/**
 * A webcam or document camera (getUserMedia: Electron grants the camera to its own page only; the
 * browser shell is a secure loopback origin). A frame is kept as lossless PNG, so the crop that
 * follows is the one JPEG pass. The camera is released when the dialog closes.
 */
export function CameraDialog({ onFrame, onCancel }: { onFrame(png: Uint8Array): void; onCancel(): void }) {
  const { t } = useTranslation('desk');
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream>();
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    let live = true;
    let got: MediaStream | undefined;
    // No mediaDevices at all (an insecure origin): reported like a refusal.
    const devices: MediaDevices | undefined = navigator.mediaDevices;
    const asked = devices ? devices.getUserMedia({ video: true, audio: false }) : Promise.reject(new Error('no camera API'));
    asked.then(
      (s) => {
        got = s;
        if (!live) return s.getTracks().forEach((tr) => tr.stop());
        setStream(s);
        if (video.current) video.current.srcObject = s;
      },
      () => live && setDenied(true),
    );
    return () => {
      live = false;
      got?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  const take = async () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')?.drawImage(v, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/png'));
    if (blob) onFrame(new Uint8Array(await blob.arrayBuffer()));
  };

  return (
    <DeskDialog
      title={t('capture.cameraTitle')}
      onCancel={onCancel}
      actions={
        <button type="button" className="primary" onClick={() => void take()} disabled={!stream}>
          {t('capture.take')}
        </button>
      }
    >
      {denied ? (
        <p className="msg error">{t('capture.denied')}</p>
      ) : (
        <video ref={video} className="camera-video" autoPlay playsInline muted aria-label={t('capture.preview')} />
      )}
    </DeskDialog>
  );
}

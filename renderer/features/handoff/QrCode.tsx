import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of a URL, large enough to scan from a desk monitor. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [src, setSrc] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: 320 }).then(
      (url) => live && setSrc(url),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [value]);
  if (error) return <p className="msg error">The QR code could not be drawn: {error}</p>;
  return src ? <img className="qr" src={src} alt={label} width={320} height={320} /> : <div className="qr placeholder" aria-busy="true" />;
}

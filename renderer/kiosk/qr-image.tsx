/** A QR code as an inline SVG image (data: URL, allowed by the page's CSP), drawn locally. */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrImage({ text, size, label, testId }: { text: string; size: number; label: string; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
      color: { dark: '#000000', light: '#ffffff' },
    })
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (live) setSrc(null);
      });
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <figure className="qr" style={{ width: size }}>
      {src ? (
        <img src={src} width={size} height={size} alt={label} data-testid={testId} />
      ) : (
        <div className="qr-placeholder" style={{ width: size, height: size }} />
      )}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

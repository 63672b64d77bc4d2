import qrcode from 'qrcode-generator';

/** The QR code of a text (the otpauth:// URL) as an SVG data URL for an <img>; drawn in the browser. */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const svg = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The built-in Helvetica knows only WinAnsi (Latin-1 and a few more). Letters with diacritics outside it
 * (ş, ğ, ł …) lose their marks; anything else (Arabic, Cyrillic) becomes "?". The JSON export has it all,
 * and the PDF says so. No system font is embedded: CI machines and servers need not have one.
 */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function winAnsi(ch: string) {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || ch === '\n' || winAnsiExtras.has(ch);
}
export function printable(text: string): string {
  return [...text]
    .map((ch) => {
      if (winAnsi(ch)) return ch;
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      return [...bare].every(winAnsi) && bare ? bare : '?';
    })
    .join('');
}

export const page = { margin: 50, width: 595.28, height: 841.89 };
const usable = page.width - 2 * page.margin;
const bottom = page.height - page.margin - 20;
const pad = 3;

export function heading(doc: Doc, text: string) {
  if (doc.y > bottom - 60) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000').text(printable(text), page.margin);
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, size = 9) {
  doc.font('Helvetica').fontSize(size).text(printable(text), page.margin, undefined, { width: usable });
}

/**
 * A table with a header row; column widths as fractions of the line. Long cells wrap; a row never splits
 * over two pages, and a new page repeats the header.
 */
export function table(doc: Doc, headers: string[], widths: number[], rows: string[][], empty: string) {
  if (rows.length === 0) {
    paragraph(doc, empty);
    return;
  }
  const cols = widths.map((w) => w * usable);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(8);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(printable(c), { width: cols[i] - 2 * pad }))) +
      2 * pad
    );
  };
  const draw = (cells: string[], font: string, shade: boolean) => {
    const h = rowHeight(cells, font);
    if (doc.y + h > bottom) {
      doc.addPage();
      if (font !== 'Helvetica-Bold') draw(headers, 'Helvetica-Bold', true);
    }
    const y = doc.y;
    if (shade) doc.rect(page.margin, y, usable, h).fill('#e8e8e8').fillColor('#000');
    let x = page.margin;
    doc.font(font).fontSize(8);
    cells.forEach((c, i) => {
      doc.text(printable(c), x + pad, y + pad, { width: cols[i] - 2 * pad });
      x += cols[i];
    });
    doc
      .moveTo(page.margin, y + h)
      .lineTo(page.margin + usable, y + h)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    doc.x = page.margin;
    doc.y = y + h;
  };
  draw(headers, 'Helvetica-Bold', true);
  for (const r of rows) draw(r, 'Helvetica', false);
}

/** Label–value pairs as a two-column table without a header. */
export function facts(doc: Doc, pairs: [string, string][]) {
  const cols = [0.32 * usable, 0.68 * usable];
  for (const [k, v] of pairs) {
    doc.font('Helvetica').fontSize(9);
    const h = Math.max(doc.heightOfString(printable(v), { width: cols[1] - 2 * pad }), 10) + 2 * pad;
    if (doc.y + h > bottom) doc.addPage();
    const y = doc.y;
    doc.font('Helvetica-Bold').text(printable(k), page.margin + pad, y + pad, { width: cols[0] - 2 * pad });
    doc
      .font('Helvetica')
      .text(printable(v), page.margin + cols[0] + pad, y + pad, { width: cols[1] - 2 * pad });
    doc.x = page.margin;
    doc.y = y + h;
  }
}

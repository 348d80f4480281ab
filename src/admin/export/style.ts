import type ExcelJS from "exceljs";

/**
 * The look of the exported documents. Administrative documents are set in Times New Roman
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I); LibreOffice prints it with its metric twin, Liberation
 * Serif, so the layout measured here holds on both.
 */
export const FONT_NAME = "Times New Roman";

/**
 * Point size of the tables' text. "Fit to one page wide" shrinks the main table to about 88 %
 * on A4 landscape (see the widths in xlsx.ts), so 12 pt prints at about 10.5 pt.
 */
export const TABLE_SIZE = 12;

/** The documents' font at `size` points, with any of bold, italic, underline or colour. */
export function font(size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size, ...extra };
}

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** A thin black line on every side: a filed table has every cell ruled. */
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** A4 landscape, one page wide, the rows as long as needed. */
export function a4Landscape(sheet: ExcelJS.Worksheet, titleRows: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.pageSetup.printTitlesRow = titleRows;
  sheet.headerFooter = { oddFooter: `&C&"${FONT_NAME},Regular"&10Trang &P/&N` };
}

/**
 * How many lines `text` takes in a column `width` characters wide. An estimate (Times New
 * Roman is narrower than the width unit's digit, capitals and "m" wider): row heights are
 * stored, since Excel does not grow a row for wrapped text it did not lay out itself.
 */
export function linesFor(text: string, width: number, size = TABLE_SIZE): number {
  const perLine = Math.max(1, Math.floor((width * 1.1 * 11) / size));
  return text.split("\n").reduce((sum, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        lines += used === 0 ? 0 : 1;
        used = word.length;
        while (used > perLine) {
          lines++;
          used -= perLine;
        }
      }
    }
    return sum + lines;
  }, 0);
}

/** The height in points of `lines` lines of text at `size` points. */
export function heightFor(lines: number, size = TABLE_SIZE): number {
  return Math.ceil(lines * size * 1.3 + 4);
}

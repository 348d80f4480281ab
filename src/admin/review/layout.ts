import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { FONT_NAME } from "../export/style.ts";

/**
 * The building blocks of the review report in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I:
 * Times New Roman (LibreOffice prints it with Liberation Serif, its metric twin, which covers
 * Vietnamese), body text 14 pt justified with its first line indented, tables 12 pt.
 */

/** A4 portrait and the decree's margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const PAGE = {
  width: convertMillimetersToTwip(210),
  height: convertMillimetersToTwip(297),
  margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
};

/** The width text may take, in twips (twentieths of a point). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const BODY_SIZE = 14;
export const TABLE_SIZE = 12;

/** What a run of text looks like. */
export interface Look {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** A run in the document's font; `size` in points. */
export function run(text: string, look: Look = {}): TextRun {
  return new TextRun({
    text,
    font: FONT_NAME,
    size: (look.size ?? BODY_SIZE) * 2,
    bold: look.bold,
    italics: look.italics,
    underline: look.underline ? {} : undefined,
  });
}

/** A line of centred text (headings, titles, the signature block). */
export function centred(text: string, look: Look = {}, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, look)], ...extra });
}

/** A paragraph of the body: justified, first line indented 1 cm, 6 pt before, 1.15 lines. */
export function body(children: (string | TextRun)[], extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 120, line: 276 },
    children: children.map((c) => (typeof c === "string" ? run(c) : c)),
    ...extra,
  });
}

/** A section or item heading of the body: bold, not indented, kept with what follows. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 160, line: 276 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/** A line to fill in by hand: what an empty narrative part prints, as many as asked. */
export function dottedLines(count: number): Paragraph[] {
  return Array.from({ length: count }, () => new Paragraph({ spacing: { before: 120 }, children: [run(".".repeat(96))] }));
}

/** A short centred rule under a heading's line (the decree's line under the issuing body's name). */
export function shortRule(widthTwips: number, cellTwips: number): Paragraph {
  const side = Math.max(0, Math.round((cellTwips - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 4 })],
  });
}

/** A table cell of paragraphs, without borders (the heading's and the signature's blocks). */
export function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
}

/** Blocks side by side without rules: the heading, the receivers and the signature. */
export function blocks(cells: { width: number; children: Paragraph[] }[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cells.map((c) => c.width),
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: cells.map((c) => plainCell(c.children, c.width)) })],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

/** A ruled table: a bold, centred header row (repeated on each page) and rows of text or numbers. */
export function grid(input: {
  header: string[];
  rows: (string | number)[][];
  /** relative widths of the columns */
  widths: number[];
  size?: number;
  /** columns whose text is left-aligned (names, labels); the others are centred */
  left?: number[];
  /** rows (by index) printed bold, e.g. a total */
  bold?: number[];
}): Table {
  const size = input.size ?? TABLE_SIZE;
  const sum = input.widths.reduce((a, b) => a + b, 0);
  const widths = input.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string | number, column: number, look: Look, header: boolean) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: thin, bottom: thin, left: thin, right: thin },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: !header && input.left?.includes(column) ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(String(text), { size, ...look })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: input.header.map((h, i) => cell(h, i, { bold: true }, true)) }),
      ...input.rows.map(
        (r, index) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, { bold: input.bold?.includes(index) }, false)) }),
      ),
    ],
  });
}

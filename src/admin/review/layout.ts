import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  LeaderType,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
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

/** Lines to fill in by hand, dotted to the right margin: what an empty narrative part prints. */
export function dottedLines(count: number, keepNext = false): Paragraph[] {
  return Array.from(
    { length: count },
    () =>
      new Paragraph({
        spacing: { before: 160 },
        keepNext,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
        children: [new TextRun({ children: [new Tab()], font: FONT_NAME, size: BODY_SIZE * 2 })],
      }),
  );
}

/**
 * The decree's short line under the issuing body's name: a bottom rule on a tiny empty line,
 * indented to a third of the cell, so it sits just under the name without touching its letters.
 */
export function shortRule(widthTwips: number, cellTwips: number): Paragraph {
  const side = Math.max(0, Math.round((cellTwips - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 } },
    children: [run("", { size: 2 })],
  });
}

/** A table cell of paragraphs, without borders (the heading's and the signature's blocks). */
export function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
}

/**
 * Blocks side by side without rules, in rows (the heading: the bodies, then the number and the
 * date; the receivers and the signature), each row kept on one page. `outset` widens the table
 * into the margins by that many twips (two thirds on the left, the wider margin), as the heading's
 * long lines need.
 */
export function blocks(rows: { width: number; children: Paragraph[] }[][], outset = 0): Table {
  const widths = rows[0]!.map((c) => c.width);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: sumOf(widths), type: WidthType.DXA },
    indent: outset > 0 ? { size: -Math.round((outset * 2) / 3), type: WidthType.DXA } : undefined,
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c) => plainCell(c.children, c.width)) })),
  });
}

function sumOf(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
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
  // A short table is kept on one page (with the heading before it): each row but the last
  // keeps with the next. A long one (the appendix) breaks, its header repeated.
  const keep = input.rows.length <= 20;
  const cell = (text: string | number, column: number, look: Look, header: boolean, last = false) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: thin, bottom: thin, left: thin, right: thin },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: !header && input.left?.includes(column) ? AlignmentType.LEFT : AlignmentType.CENTER,
          keepNext: keep && !last,
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
        (r, index) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, i, { bold: input.bold?.includes(index) }, false, index === input.rows.length - 1)),
          }),
      ),
    ],
  });
}

import { AlignmentType, convertMillimetersToTwip, Document, Header, Packer, PageNumber, Paragraph, TextRun, type FileChild } from "docx";
import { displayPeriod } from "../../domain/period.ts";
import { t } from "../../i18n.ts";
import { BLANK, MOTTO, NATIONAL_TITLE, receivers, REPORT_NUMBER, type Organisation } from "../export/heading.ts";
import { FONT_NAME } from "../export/style.ts";
import { documentDate } from "../export/time.ts";
import type { ReviewData } from "./data.ts";
import { blocks, body, centred, dottedLines, grid, heading, PAGE, run, shortRule, TEXT_WIDTH } from "./layout.ts";
import { change, count, MODEL, percent, rangeWords, reviewKind, STATE_WORDS } from "./words.ts";

/** The parts of the report the officer writes: each is printed as typed, or as dotted lines to fill in by hand. */
export interface ReviewNarrative {
  /** II. Tồn tại, hạn chế */
  shortcomings?: string;
  /** III. Phương hướng, nhiệm vụ */
  directions?: string;
  /** IV. Đề xuất, kiến nghị (commendations too) */
  proposals?: string;
}

export interface ReviewDocxOptions {
  /** the date on the report */
  issuedAt: Date;
  /** APP_TIMEZONE: the date is the one its clock shows */
  timeZone: string;
  /** who signs: the title over the signature (default "TRƯỞNG CÔNG AN") and the name under it (default a dotted line) */
  signer?: { title?: string; name?: string };
  /** the document's number after "Số:", e.g. "15/BC-CAX"; without it the blank of the decree, to fill in by hand */
  number?: string;
}

const label = (key: string) => t("vi", { key });

/**
 * The review report (báo cáo sơ kết / tổng kết) of `data` as a .docx in the layout of Nghị định
 * 30/2020/NĐ-CP: heading, title, I. results from the data, II–IV the officer's narrative, "Nơi
 * nhận" and the signature, then the appendix of every unit. Codes and counts only: nothing in
 * `data` names a tipster or a rehab case's person, and nothing here adds one.
 */
export async function reviewDocx(data: ReviewData, narrative: ReviewNarrative, org: Organisation, options: ReviewDocxOptions): Promise<Buffer> {
  const date = `${org.place ?? BLANK}, ${documentDate(options.issuedAt, options.timeZone)}`;
  const document = new Document({
    creator: org.name ?? "Vùng Xanh",
    title: `Báo cáo ${reviewKind(data.range).toLocaleLowerCase("vi")} ${rangeWords(data.range)}`,
    styles: { default: { document: { run: { font: FONT_NAME, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin }, titlePage: true },
        // The decree numbers pages from the second, at the top, centred.
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT_NAME, size: 26 })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          ...headingBlock(org, date, options.number),
          ...titleBlock(data),
          ...results(data),
          ...narrativePart("II. TỒN TẠI, HẠN CHẾ", narrative.shortcomings),
          ...narrativePart("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", narrative.directions),
          // The signature never stands alone on a page: the last part goes over with it.
          ...narrativePart("IV. ĐỀ XUẤT, KIẾN NGHỊ", narrative.proposals, true),
          new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [] }),
          signature(org, options),
          ...appendix(data, date),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The issuing body on the left, the national title and motto on the right; under them the number
 * and the place and date, on one line as the decree sets them. The table reaches 12 mm into the
 * margins so that "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a town's name fit on one line each.
 */
function headingBlock(org: Organisation, date: string, number?: string): FileChild[] {
  const outset = convertMillimetersToTwip(12);
  const left = Math.round((TEXT_WIDTH + outset) * 0.44);
  const right = TEXT_WIDTH + outset - left;
  return [
    blocks(
      [
        [
          {
            width: left,
            children: [
              centred((org.parent ?? BLANK).toLocaleUpperCase("vi"), { size: 12 }),
              centred((org.name ?? BLANK).toLocaleUpperCase("vi"), { size: 12, bold: true }),
              shortRule(Math.round(left / 3), left),
            ],
          },
          {
            width: right,
            children: [centred(NATIONAL_TITLE, { size: 12, bold: true }), centred(MOTTO, { size: 13, bold: true, underline: true })],
          },
        ],
        [
          { width: left, children: [centred(number ? `Số: ${number}` : REPORT_NUMBER, { size: 13 })] },
          { width: right, children: [centred(date, { size: 14, italics: true })] },
        ],
      ],
      outset,
    ),
  ];
}

function titleBlock(data: ReviewData): Paragraph[] {
  return [
    centred("BÁO CÁO", { bold: true }, { spacing: { before: 360 } }),
    centred(`${reviewKind(data.range)} thực hiện mô hình ${MODEL}`, { bold: true }),
    centred(`(${rangeWords(data.range).replace(/^./, (c) => c.toLocaleUpperCase("vi"))})`, { italics: true }, { spacing: { after: 240 } }),
  ];
}

/** I. Kết quả thực hiện: every figure read from the data, in prose and small tables. */
function results(data: ReviewData): FileChild[] {
  const out: FileChild[] = [heading("I. KẾT QUẢ THỰC HIỆN")];
  const months = data.months.length;
  const filed = data.completeness.reduce((s, c) => s + c.filed, 0);
  const due = data.completeness.reduce((s, c) => s + c.active, 0);
  const lastGreen = data.green.at(-1)!;
  const lastActive = data.completeness.at(-1)!.active;

  out.push(heading("1. Công tác báo cáo hằng tháng và vùng xanh"));
  out.push(
    body([
      `Trong ${months} tháng, các khu phố, thôn đã gửi ${count(filed)}/${count(due)} báo cáo tháng (đạt ${percent(filed, due)}). ` +
        `Tháng ${displayPeriod(data.range.to)} có ${lastGreen.green}/${lastActive} khu phố, thôn đạt vùng xanh ` +
        `(không có người nghiện, người nghi nghiện, người nghiện mới, người tái nghiện, vụ việc và điểm nghi liên quan ma túy).`,
    ]),
  );
  out.push(
    grid({
      header: ["Tháng", "Đã báo cáo", "Tỷ lệ", "Vùng xanh", "Có nguy cơ", "Chưa đạt", "Chưa báo cáo"],
      widths: [14, 14, 12, 12, 12, 12, 14],
      rows: data.completeness.map((c, i) => {
        const g = data.green[i]!;
        return [displayPeriod(c.period), `${c.filed}/${c.active}`, percent(c.filed, c.active), g.green, g.atRisk, g.notGreen, g.unknown];
      }),
    }),
  );
  out.push(
    body([
      data.becameGreen.length > 0
        ? `Khu phố, thôn trở thành vùng xanh trong kỳ (${data.becameGreen.length}): ${data.becameGreen.join(", ")}.`
        : "Trong kỳ không có khu phố, thôn nào mới trở thành vùng xanh.",
    ]),
  );
  out.push(
    body([
      data.stoppedGreen.length > 0
        ? `Khu phố, thôn không còn là vùng xanh (${data.stoppedGreen.length}): ${data.stoppedGreen.map((s) => `${s.name} (${STATE_WORDS[s.state]})`).join(", ")}.`
        : "Không có khu phố, thôn nào không còn là vùng xanh.",
    ]),
  );

  out.push(heading("2. Kết quả các chỉ tiêu"));
  out.push(
    body([
      `So sánh với cùng số tháng liền trước (${rangeWords(data.previous)}). Các chỉ tiêu đánh dấu (*) là số liệu tại cuối kỳ ` +
        "(theo báo cáo gần nhất của từng khu phố, thôn); các chỉ tiêu khác là tổng cộng trong kỳ.",
    ]),
  );
  out.push(
    grid({
      header: ["TT", "Chỉ tiêu", "Kỳ này", "Kỳ trước", "Tăng (+), giảm (−)"],
      widths: [6, 50, 13, 13, 18],
      left: [1],
      rows: data.fields.map((f, i) => [i + 1, `${label(`field-${f.field}`)}${f.stock ? " (*)" : ""}`, count(f.current), count(f.previous), change(f.current, f.previous)]),
    }),
  );

  out.push(heading("3. Phân loại khu phố, thôn"));
  const classes = ["priority", "has_cases", "clean"] as const;
  out.push(
    grid({
      header: ["Phân loại", `Đầu kỳ (${displayPeriod(data.range.from)})`, `Cuối kỳ (${displayPeriod(data.range.to)})`],
      widths: [50, 25, 25],
      left: [0],
      bold: [3],
      rows: [
        ...classes.map((c) => [label(`class-${c}`), data.classes.start[c], data.classes.end[c]]),
        ["Tổng số", sum(Object.values(data.classes.start)), sum(Object.values(data.classes.end))],
      ],
    }),
  );
  if (data.reclassified.length > 0) {
    const lines = data.reclassified.map((r) => `${r.name} (từ tháng ${displayPeriod(r.period)}: ${label(`class-${r.from}`)} → ${label(`class-${r.to}`)})`);
    out.push(body([`Phân loại lại trong kỳ: ${lines.join("; ")}.`]));
  }
  if (data.retired.length > 0) out.push(body([`Thôi theo dõi trong kỳ (sáp nhập, giải thể): ${data.retired.join(", ")}.`]));

  out.push(heading("4. Tiếp nhận, xử lý tin báo"));
  const tips = data.tips;
  const categories = (["dealing", "using", "spot", "person", "other"] as const).filter((c) => tips.byCategory[c] > 0);
  out.push(
    body([
      `Tiếp nhận ${count(tips.total)} tin báo của quần chúng nhân dân` +
        (categories.length > 0 ? ` (${categories.map((c) => `${label(`tip-cat-${c}`).toLocaleLowerCase("vi")}: ${tips.byCategory[c]}`).join("; ")})` : "") +
        `. Đến nay: đã xử lý ${tips.byStatus.handled}, không có cơ sở ${tips.byStatus.unfounded}, đang xác minh ${tips.byStatus.checking}, mới nhận chưa xác minh ${tips.byStatus.new}. ` +
        "Danh tính người báo tin được giữ bí mật; báo cáo chỉ nêu số lượng.",
    ]),
  );
  if (tips.undated > 0) {
    out.push(body([run(`Ghi chú: ${tips.undated} tin báo không xác định được thời gian tiếp nhận (thiếu khóa dữ liệu DATA_KEY) nên chưa được tính vào kỳ nào.`, { italics: true })]));
  }

  out.push(heading("5. Hỗ trợ người cai nghiện tại gia đình, cộng đồng"));
  const c = data.cases;
  out.push(
    body([
      `Tiếp nhận mới ${c.opened} trường hợp. Hiện có ${c.byStatus.active} trường hợp đang được giúp đỡ, ${c.byStatus.completed} hoàn thành, ` +
        `${c.byStatus.relapsed} tái nghiện, ${c.byStatus.compulsory} chuyển cai nghiện bắt buộc. ` +
        `Người giúp đỡ đã xác nhận ${c.checkinsDone}/${c.checkinsDue} lượt theo dõi hằng tuần (đạt ${percent(c.checkinsDone, c.checkinsDue)}); ` +
        `${c.suspectedRelapses} lượt báo nghi tái nghiện; trong kỳ có ${c.changedTo.relapsed} trường hợp chuyển sang tái nghiện, ${c.changedTo.compulsory} chuyển cai nghiện bắt buộc.`,
    ]),
  );

  out.push(heading("6. Tuyên truyền, vận động và ký cam kết"));
  const sessions = data.fields.find((f) => f.field === "propagandaSessions")!;
  out.push(
    body([
      `Các khu phố, thôn tổ chức ${count(sessions.current)} buổi tuyên truyền. Lực lượng Công an gửi ${data.broadcasts.sent} thông báo qua ứng dụng ` +
        `đến ${count(data.broadcasts.recipients)} lượt người nhận. Có ${count(data.commitments.committed)}/${count(data.commitments.households)} hộ gia đình ` +
        `đã ký cam kết không liên quan đến ma túy (đạt ${percent(data.commitments.committed, data.commitments.households)}).`,
    ]),
  );
  return out;
}

function inServiceAtEnd(u: ReviewData["units"][number], data: ReviewData): boolean {
  return u.retiredPeriod === undefined || u.retiredPeriod > data.range.to;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A narrative part: the officer's paragraphs, or dotted lines when they wrote nothing. */
function narrativePart(title: string, text: string | undefined, keepNext = false): Paragraph[] {
  const paragraphs = (text ?? "").split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
  return [heading(title), ...(paragraphs.length > 0 ? paragraphs.map((p) => body([p], { keepNext })) : dottedLines(3, keepNext))];
}

/** "Nơi nhận:" on the left, the head of the issuing body on the right with room to sign. */
function signature(org: Organisation, options: ReviewDocxOptions) {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const leftText = (text: string, look: Parameters<typeof run>[1]) => new Paragraph({ children: [run(text, look)] });
  return blocks([
    [
      { width: left, children: [leftText("Nơi nhận:", { size: 12, bold: true, italics: true }), ...receivers(org).map((r) => leftText(r, { size: 11 }))] },
      {
        width: TEXT_WIDTH - left,
        children: [
          centred(options.signer?.title ?? "TRƯỞNG CÔNG AN", { bold: true }),
          centred("(Ký, ghi rõ họ tên, đóng dấu)", { italics: true }),
          ...Array.from({ length: 3 }, () => new Paragraph({ children: [] })),
          centred(options.signer?.name ?? BLANK, { bold: true }),
        ],
      },
    ],
  ]);
}

/** The appendix on its own page: one line per unit of the range, retired ones too. */
function appendix(data: ReviewData, date: string): FileChild[] {
  const months = data.months.length;
  const short = { priority: "Trọng điểm", has_cases: "Có người nghiện", clean: "Chưa có" } as const;
  return [
    centred("PHỤ LỤC", { bold: true }, { pageBreakBefore: true }),
    centred(`KẾT QUẢ THEO TỪNG KHU PHỐ, THÔN ${rangeWords(data.range).toLocaleUpperCase("vi")}`, { bold: true }),
    centred(`(Kèm theo Báo cáo số        /BC-…… ${date.replace(/^.*?, /, "")})`, { italics: true }, { spacing: { after: 200 } }),
    grid({
      header: ["TT", "Khu phố, thôn", "Phân loại đầu kỳ → cuối kỳ", "Tháng đã báo cáo", "Tháng vùng xanh", "Chuỗi xanh", "Người nghiện (*)", "Phát sinh mới", "Tái nghiện", "Vụ việc", "Hộ cam kết (*)"],
      widths: [5, 20, 16, 8, 8, 7, 8, 7, 9, 6, 8],
      size: 10,
      left: [1],
      bold: [data.units.length],
      rows: [
        ...data.units.map((u, i) => [
          i + 1,
          u.retiredPeriod ? `${u.name} (thôi theo dõi từ ${displayPeriod(u.retiredPeriod)})` : u.name,
          u.classStart === u.classEnd ? short[u.classEnd] : `${short[u.classStart]} → ${short[u.classEnd]}`,
          `${u.monthsFiled}/${u.monthsActive}`,
          u.greenMonths,
          u.streak,
          u.figures.addicts,
          u.figures.newCases,
          u.figures.relapses,
          u.figures.incidents,
          u.figures.householdsCommitted,
        ]),
        [
          "",
          "Tổng cộng",
          "",
          `${sum(data.units.map((u) => u.monthsFiled))}/${sum(data.units.map((u) => u.monthsActive))}`,
          sum(data.units.map((u) => u.greenMonths)),
          "",
          // Month-end counts of the units still in service, as in section I.2; the others add up.
          ...(["addicts", "newCases", "relapses", "incidents", "householdsCommitted"] as const).map((f) =>
            sum((f === "addicts" || f === "householdsCommitted" ? data.units.filter((u) => inServiceAtEnd(u, data)) : data.units).map((u) => u.figures[f])),
          ),
        ],
      ],
    }),
    new Paragraph({
      spacing: { before: 120 },
      children: [
        run(
          `(*) Số liệu tại cuối kỳ theo báo cáo gần nhất. Chuỗi xanh: số tháng vùng xanh liên tiếp tính đến tháng cuối kỳ (${months} tháng trong kỳ). ` +
            "Tổng cộng của cột (*) không tính khu phố, thôn đã thôi theo dõi.",
          { size: 11, italics: true },
        ),
      ],
    }),
  ];
}

import ExcelJS from "exceljs";
import JSZip from "jszip";

/** The text of a .docx's body, its paragraphs one a line. */
export async function docxText(content: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(content)).file("word/document.xml")!.async("string");
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:br\/>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** Every cell's text in every sheet of an .xlsx, one row a line. */
export async function xlsxText(content: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const lines: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => lines.push((row.values as unknown[]).map((v) => (v && typeof v === "object" ? JSON.stringify(v) : String(v ?? ""))).join("\t"))));
  return lines.join("\n");
}

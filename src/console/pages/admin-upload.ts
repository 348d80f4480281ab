import express, { type Request, type RequestHandler } from "express";

/** The largest list file the console takes: a 10,000-unit XLSX is about 300 kB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Reads a `multipart/form-data` body as bytes, up to {@link MAX_UPLOAD_BYTES} (larger: 413).
 * Pages carry no script, so a file reaches us only as a plain form's multipart upload; one file
 * field is all the console needs, so it is read here rather than with a new dependency.
 */
export const rawMultipart: RequestHandler = express.raw({ type: "multipart/form-data", limit: MAX_UPLOAD_BYTES });

/** One uploaded file: the name the browser gave it and its bytes. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * The file sent in the form field `field` of a multipart body read by {@link rawMultipart}, or
 * null when there is none (no body, no such field, or an empty file input).
 */
export function uploadedFile(req: Request, field: string): UploadedFile | null {
  const body = req.body;
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers["content-type"] ?? "");
  if (!Buffer.isBuffer(body) || !boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // A part: CRLF, headers, a blank line, the content, CRLF before the next delimiter.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      if (name === field && fileName) return { fileName, bytes: part.subarray(headerEnd + 4) };
    }
    start = next;
  }
  return null;
}

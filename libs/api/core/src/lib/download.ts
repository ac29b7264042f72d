/**
 * Content-Disposition of a download: an ASCII name for old clients and the real (Chinese)
 * one in RFC 5987 form.
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

import { escapeHtml } from './render-html';

/**
 * The small bilingual page behind an acknowledgement link (nightly notices and incident call-outs):
 * the state in the reader's language first, then the other; `details` (already escaped HTML
 * paragraphs); a form that POSTs to `action` (opening the link changes nothing); `extra` HTML
 * below. No scripts (the api's CSP).
 */
export function ackPageShell(page: {
  english: boolean;
  text: { zh: string; en: string };
  details?: string[];
  /** The confirm button, when the page is the confirm page. */
  form?: { action: string; label: { zh: string; en: string } } | null;
  extra?: string;
}): string {
  const lines = page.english ? [page.text.en, page.text.zh] : [page.text.zh, page.text.en];
  const form = page.form
    ? `<form method="post" action="${escapeHtml(page.form.action)}"><button type="submit" style="font-size:18px;padding:10px 24px">${
        page.english ? `${page.form.label.en} / ${page.form.label.zh}` : `${page.form.label.zh} / ${page.form.label.en}`
      }</button></form>`
    : '';
  return `<!DOCTYPE html>
<html lang="${page.english ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(lines[0])}</title></head>
<body style="font-family:sans-serif;max-width:640px;margin:40px auto;padding:0 16px;line-height:1.6">
<h1 style="font-size:22px">${escapeHtml(lines[0])}</h1><p>${escapeHtml(lines[1])}</p>
${(page.details ?? [])
  .filter(Boolean)
  .map((line) => `<p>${line}</p>`)
  .join('\n')}
${form}
${page.extra ?? ''}
</body></html>`;
}

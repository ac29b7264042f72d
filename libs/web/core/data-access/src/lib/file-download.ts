import { HttpClient, HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiFailure } from './api-client';

/** The file name of a Content-Disposition header (the UTF-8 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: fall through to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Files from the API (PDFs, spreadsheets) saved through the browser's download: fetched with the
 * session's token like every API call, then offered under the name the server gives.
 */
@Injectable({ providedIn: 'root' })
export class FileDownloads {
  private readonly http = inject(HttpClient);

  /** Downloads `/api/<path>` (GET, or POST with a body); resolves to the file name, rejects with an ApiFailure. */
  async save(path: string, options: { body?: unknown; fallbackName: string }): Promise<string> {
    let response: HttpResponse<Blob>;
    try {
      response = await firstValueFrom(
        options.body === undefined
          ? this.http.get(`/api/${path}`, { responseType: 'blob', observe: 'response' })
          : this.http.post(`/api/${path}`, options.body, { responseType: 'blob', observe: 'response' }),
      );
    } catch (error) {
      throw await failureOf(error);
    }
    const name = fileNameOf(response.headers.get('content-disposition'), options.fallbackName);
    const url = URL.createObjectURL(response.body as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return name;
  }
}

/** A Blob's text (FileReader where Blob.text is missing). */
function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** The API's error body arrives as a Blob when a file was asked for. */
async function failureOf(error: unknown): Promise<ApiFailure> {
  if (!(error instanceof HttpErrorResponse)) return new ApiFailure(0, 'error', String(error));
  if (error.status === 0) return new ApiFailure(0, 'network', 'network');
  try {
    const body = JSON.parse(await blobText(error.error as Blob));
    return new ApiFailure(error.status, body.code ?? 'error', body.message ?? error.message, body.problems ?? []);
  } catch {
    return new ApiFailure(error.status, 'error', error.message);
  }
}

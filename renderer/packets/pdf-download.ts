/**
 * Saves bytes the API sent as base64 through the browser's own download (a blob: link with `download`): the same
 * in a browser tab and in the desktop app, and it needs no frame or plugin, so the page's CSP stays as strict.
 */
export function downloadBase64(base64: string, fileName: string, type: string, doc: Document = document): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; a minute is ample before the blob is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "SHOW1-packet-3-summary.pdf": says what it is once it sits in a Downloads folder. */
export function pdfFileName(production: string, id: number): string {
  return `${production.replace(/[^A-Za-z0-9_-]+/g, '_')}-packet-${id}-summary.pdf`;
}

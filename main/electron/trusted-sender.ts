import type { IpcMainInvokeEvent, WebContents } from 'electron';

/** Only our own page, loaded from our own file, in our own window, may call the API (GitHub Desktop's rule). */
export function makeSenderCheck(getWindowContents: () => WebContents | undefined, indexUrl: string) {
  return (event: IpcMainInvokeEvent): boolean => {
    const contents = getWindowContents();
    if (!contents || event.sender !== contents) return false;
    const frameUrl = event.senderFrame?.url;
    return frameUrl !== undefined && isOwnPage(frameUrl, indexUrl);
  };
}

export function isOwnPage(frameUrl: string, indexUrl: string): boolean {
  try {
    const a = new URL(frameUrl);
    const b = new URL(indexUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

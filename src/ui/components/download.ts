/**
 * Saves text as a file through a Blob URL and an <a download>: no network,
 * no connect-src, works offline. The URL is revoked once the click has
 * handed the blob to the browser's download.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

/**
 * Saves text as a file through a Blob URL and an <a download>: no network,
 * no connect-src, works offline. The URL is revoked once the click has
 * handed the blob to the browser's download. The text may come in parts
 * (a long export built a chunk at a time): the Blob joins them.
 */
export function downloadText(
  text: string | readonly string[],
  fileName: string,
  type: string,
): void {
  const parts: string[] = typeof text === 'string' ? [text] : [...text];
  const url = URL.createObjectURL(new Blob(parts, { type }));
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

/**
 * The files a set of chunks loads: each chunk of the vite manifest with its
 * static imports, and their CSS. Used by scripts/size.mjs (the app) and
 * bench/sizes.mjs (the bare build).
 */
export function closure(manifest, keys) {
  const files = new Set();
  const css = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const imp of chunk.imports ?? []) walk(imp);
  };
  keys.forEach(walk);
  return { files, css };
}

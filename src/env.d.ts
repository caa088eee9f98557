/** Set by vite.config.ts at build time: the package version, plus a build id when given. */
declare const __APP_VERSION__: string;

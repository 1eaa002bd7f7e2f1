/** Stylesheets bundled as text by esbuild (esbuild.mjs), for the standalone page. */
declare module '*.css' {
  const text: string;
  export default text;
}

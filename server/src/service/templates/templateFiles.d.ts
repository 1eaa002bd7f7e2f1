/** The templates under templates/, bundled as text by esbuild (esbuild.mjs). */
declare module '*.modelcard.yaml' {
  const text: string;
  export default text;
}

declare module '*.datasheet.yaml' {
  const text: string;
  export default text;
}

declare module '*.systemcard.yaml' {
  const text: string;
  export default text;
}

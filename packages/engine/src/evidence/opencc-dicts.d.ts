/** opencc-js ships its dictionaries as ES modules without type declarations: each is one string, "src dst|src dst|...". */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

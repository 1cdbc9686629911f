export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$.sections["flight-risk"].percent` style, the way jq and JSONPath users read it. */
export function formatJsonPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    return IDENTIFIER.test(segment) ? `${out}.${segment}` : `${out}[${JSON.stringify(segment)}]`;
  }, '$');
}

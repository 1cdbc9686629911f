/**
 * Prototype-pollution canaries that can fail. `JSON.parse` never pollutes `Object.prototype`,
 * so checking `({}).polluted` proves nothing; what a careless parser or merge does is make a
 * `"__proto__"` key the *prototype* of the object it sits in. These walk a value and name every
 * object whose prototype is not the plain one, or that inherits a property it does not own.
 */
export function inheritedProblems(value: unknown, at = '$', into: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return into;
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  if (Object.getPrototypeOf(value) !== expected) into.push(`${at}: prototype is not the plain ${Array.isArray(value) ? 'Array' : 'Object'}.prototype`);
  if ('polluted' in value && !Object.hasOwn(value, 'polluted')) into.push(`${at}: inherits "polluted"`);
  // A "__proto__" key kept as data (what JSON.parse does) is an own property, so it is walked too.
  for (const [key, item] of Object.entries(value)) inheritedProblems(item, `${at}.${key}`, into);
  return into;
}

/**
 * Names that must never become keys of the plain objects answers and attributes are kept in
 * (`data[question]`, `row[column]`): `__proto__` would replace the object's prototype,
 * `constructor`, `hasOwnProperty`, `toString`… would shadow what code reads on every object, and
 * `prototype` is refused with them by habit. `__page` is the draft's page key (src/app/respond/answers.ts).
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__page']);

export function isReservedKey(name: string): boolean {
  return RESERVED.has(name);
}

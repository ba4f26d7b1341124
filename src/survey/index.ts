export * from './model.js';
export * from './conditions.js';
export * from './localized.js';
export * from './json-position.js';
export * from './records.js';

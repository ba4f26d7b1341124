export * from './templates.js';
export * from './send.js';
export * from './schedule.js';
export * from './settings.js';

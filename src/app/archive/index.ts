export { previewRemoval, removeItem, restoreItem } from './removal.js';
export type { RemovalAction, RemovalPreview, RemovalResult } from './removal.js';
export { demoStatus, removeDemo } from './demo.js';
export type { DemoStatus } from './demo.js';

export { seedDemo, isEmptyDatabase, DEMO_SEED, type DemoSummary } from './seed.js';
export { DEMO_SURVEY } from './survey.js';
export { DEMO_TERRITORIES, demoStructures } from './network.js';
export { demoAnswers, partialAnswers } from './answers.js';
export { Prng } from './prng.js';

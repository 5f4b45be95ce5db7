export { renderSpecMarkdown } from './spec-md.js';

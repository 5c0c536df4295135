// Reading what the bot showed and tapping its buttons: see tests/support/screen.ts.
export { buttons, press } from '../support/screen.js';
